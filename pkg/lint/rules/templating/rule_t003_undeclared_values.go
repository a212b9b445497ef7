package templating

import (
	"fmt"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleT003 = &lint.Rule{
	ID:       "T003",
	Slug:     "template.undeclared-values",
	Formerly: []string{"tpl.undeclared-values"},
	Severity: lint.Warning,
	Summary:  "`.Values.X` in a compose template names a question of the version",
	Doc: "`.Values` holds the answers to the version's questions and nothing else. A name that is not a question is " +
		"always missing: `{{ .Values.X }}` prints `<no value>` and `if`/`eq` tests on it quietly take the false " +
		"branch (rancher/rancher#8026), so the section it guards is never deployed. " +
		"Warning: the executor (v1.6) renders `<no value>` or takes the false branch; the stack deploys, likely not as meant.",
	Bad: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: HOST_LABEL
      type: string
# docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
    labels:
    {{- if .Values.LB_HOST_LABEL }}
      io.rancher.scheduler.affinity:host_label: ${LB_HOST_LABEL}
    {{- end }}
`,
	Good: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: LB_HOST_LABEL
      type: string
# docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
    labels:
    {{- if .Values.LB_HOST_LABEL }}
      io.rancher.scheduler.affinity:host_label: ${LB_HOST_LABEL}
    {{- end }}
`,
	Version: checkT003,
}

func checkT003(p *lint.Pass, v *catalog.Version) {
	if v.Catalog == nil {
		return // no .catalog: Rancher drops the version (K002)
	}
	for _, f := range templatedFiles(v) {
		if f.Rendered.ParseErr != nil {
			continue // T001
		}
		refs, err := f.ValueRefs()
		if err != nil {
			continue
		}
		for _, ref := range refs {
			if v.Catalog.Question(ref.Name) != nil {
				continue
			}
			fix := fmt.Sprintf("; add a question with `variable: %s` to .catalog.questions or fix the name", ref.Name)
			if s := similarQuestion(v.Catalog, ref.Name); s != "" {
				fix = spelling.Hint(".Values." + s)
			}
			p.Report(catalog.LinePos(f, ref.Line, ref.Col), "`.Values.%s` is not a question of this version: it is always missing, so it prints `<no value>` and `if`/`eq` tests on it take the false branch%s", ref.Name, fix)
		}
	}
}
