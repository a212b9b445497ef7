package templating

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/interpolation"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleI002 = &lint.Rule{
	ID:       "I002",
	Slug:     "interpolation.undeclared",
	Formerly: []string{"interp.undeclared"},
	Severity: lint.Warning,
	Summary:  "`${X}` and `$X` in compose values name a question of the version",
	Doc: "Interpolation looks names up in the stack's answers, which hold the version's questions only. An unknown " +
		"name is replaced by an empty string with nothing but a warning in the executor's log (\"The X variable is " +
		"not set. Substituting a blank string.\"), so the container gets an empty setting or a shell script loses " +
		"its own variable. Declare the question, or write `$$X` when the container should see `$X` itself. " +
		"Warning: the executor (v1.6) substitutes a blank with only a log warning; the stack deploys, likely not as meant.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    command: sh -c 'exec nginx -g "daemon off;" -c $CONF_DIR/nginx.conf'
    labels:
      traefik.domain: ${traefikdomain}   # no question traefikdomain
`,
	Good: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    command: sh -c 'exec nginx -g "daemon off;" -c $$CONF_DIR/nginx.conf'
    labels:
      traefik.domain: ${traefikdomain}
# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: traefikdomain
      type: string
      default: example.com
`,
	Version: lint.Requires(interpolation.Of, checkI002),
}

// cattleMacros are expanded by Cattle in scheduling labels; I004 reports
// them when interpolation eats them.
var cattleMacros = map[string]bool{"stack_name": true, "service_name": true, "project_name": true}

func checkI002(p *lint.Pass, s *interpolation.Strings) {
	v := s.Version
	if v.Catalog == nil {
		return // no .catalog: Rancher drops the version (K002)
	}
	r := newReporter(p)
	for _, it := range s.Items {
		if it.Key || !strings.Contains(it.Text, "$") {
			continue
		}
		for _, ref := range it.Refs {
			if v.Catalog.Question(ref.Name) != nil || cattleMacros[ref.Name] || it.Uncertain(ref) {
				continue
			}
			written := it.Text[ref.Offset:ref.End]
			fix := fmt.Sprintf("; add a question with `variable: %s` to .catalog.questions, or write $%s if the container should see %s literally", ref.Name, written, written)
			if q := similarQuestion(v.Catalog, ref.Name); q != "" {
				fix = spelling.Hint(q)
			}
			r.report(it.Pos(ref.Offset, ref.End), written, "%s: %s is not a question of this version, so Rancher substitutes a blank string (with only a warning in its log)%s", it.Where(), written, fix)
		}
	}
}
