package metadata

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleQ001 = &lint.Rule{
	ID: "Q001", Slug: "question.variable", Formerly: []string{"q.variable"}, Severity: lint.Error,
	Summary: "every question has a `variable` that is a valid name, unique within the version",
	Doc: "The answer to a question reaches the compose files only through its variable: `${NAME}` or " +
		"`$NAME` interpolation, whose names are `[A-Za-z_][A-Za-z0-9_]*`, and `.Values.NAME` in " +
		"templates. A question without a variable, or with a name such as `db-host`, cannot be used (error: " +
		"the setting never reaches the stack). Two questions with the same variable collapse into one answer " +
		"and nothing fails (warning: the UI asks the same thing twice and one answer is lost). " +
		"Error: the answer to a question without a usable variable never reaches the stack (Rancher v1.6 executor and UI).",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: db-host
      type: string
    - variable: DB_PORT
      type: int
    - variable: DB_PORT
      type: int
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: db_host
      type: string
    - variable: db_port
      type: int
`,
	Version: checkVariable,
}

// isVariable reports whether s is a name `${...}` interpolation can refer
// to: ^[A-Za-z_][A-Za-z0-9_]*$, tested without a regexp since it runs for
// every question of every version.
func isVariable(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return s != ""
}

func checkVariable(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	first := make(map[string]*catalog.Question, len(info.Questions))
	for _, q := range info.Questions {
		n := q.Field("variable")
		switch {
		case yaml11.KindOf(n).IsCollection():
			continue // K004
		case q.Variable == "":
			label := ""
			if q.Label != "" {
				label = " (" + q.Label + ")"
			}
			p.Report(fieldPos(info, q, "variable"), "question%s has no variable, so its answer cannot be used anywhere; add `variable: NAME`", label)
			continue
		case !isVariable(q.Variable):
			p.Report(at(info, n), "variable %q cannot be used as ${%s} or .Values.%s: names are letters, digits and _, not starting with a digit; e.g. %s", q.Variable, q.Variable, q.Variable, suggestVariable(q.Variable))
		}
		if prev, ok := first[q.Variable]; ok {
			p.ReportSeverity(lint.Warning, at(info, n), "variable %s is declared twice (first at line %d): the UI asks twice and the two answers collapse into one; rename or remove one", q.Variable, yamlnode.Resolve(prev.Field("variable")).Line)
			continue
		}
		first[q.Variable] = q
	}
}

// suggestVariable turns a name into a usable variable name.
func suggestVariable(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r >= '0' && r <= '9':
			if i == 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}
