package templating

import (
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleT004 = &lint.Rule{
	ID:       "T004",
	Slug:     "template.in-plain-yml",
	Formerly: []string{"tpl.in-plain-yml"},
	Severity: lint.Warning,
	Summary:  "Go template syntax belongs in `docker-compose.yml.tpl`, not `docker-compose.yml`",
	Doc: "Rancher's executor templates every compose file, so a `docker-compose.yml` with `{{ }}` actions deploys, but " +
		"the name promises plain YAML: the catalog CI (rancher-catalog-service's validator) YAML-parses it before " +
		"templating and fails hard when the raw actions are not valid YAML, and reviewers do not expect templating " +
		"there. The `.tpl` suffix is the convention that marks a template; rename the file. " +
		"Warning: the executor (v1.6) templates the file anyway; tools and reviewers read it as plain YAML.",
	Bad: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.PUBLISH "true" }}
    ports:
      - 80:80
    {{- end }}`,
	Good: `# docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.PUBLISH "true" }}
    ports:
      - 80:80
    {{- end }}`,
	Version: checkT004,
}

func checkT004(p *lint.Pass, v *catalog.Version) {
	f := v.DockerCompose
	// With a .tpl beside it the plain file is not deployed (L008 reports the pair).
	if f == nil || v.DockerComposeTpl != nil || f.Rendered == nil || !f.Rendered.Templated {
		return
	}
	raw := ""
	if f.ParseErr != nil {
		raw = ", and as raw YAML it does not even parse (" + f.ParseErr.Error() + ")"
	}
	if refs, err := f.ValueRefs(); err == nil && len(refs) == 0 && !hasControl(f) {
		// Braces meant literally (`--format "{{.ID}}"`): a .tpl is
		// templated just the same, so renaming would not help.
		p.Report(firstAction(f), "docker-compose.yml contains `{{ }}` that look literal (no answer is used): Rancher's executor templates the file whatever its name, so they do not reach the container as written%s; write them as {{`{{...}}`}} or put `# notemplating` on the first line", raw)
		return
	}
	p.Report(firstAction(f), "docker-compose.yml contains Go template actions: Rancher templates it anyway, but the catalog CI and other tools read docker-compose.yml as plain YAML, raw braces included%s; rename it to docker-compose.yml.tpl", raw)
}

// hasControl reports whether f's template uses if, range, with or a
// template call: logic, not literal braces.
func hasControl(f *catalog.File) bool {
	found := false
	inspect(parseTrees(f), func(n parse.Node) {
		switch n.(type) {
		case *parse.IfNode, *parse.RangeNode, *parse.WithNode, *parse.TemplateNode:
			found = true
		}
	})
	return found
}
