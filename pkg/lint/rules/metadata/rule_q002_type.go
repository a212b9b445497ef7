package metadata

import (
	"fmt"
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/catalogblock"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleQ002 = &lint.Rule{
	ID: "Q002", Slug: "question.type", Formerly: []string{"q.type"}, Severity: lint.Warning,
	Summary: "a question's `type` is one the Rancher 1.6 UI supports",
	Doc: "The Rancher 1.6 UI picks the input widget from `type`, compared exactly (lower case), among " +
		"string, int, float, boolean, enum, multiline, password, masked, service, certificate, secret " +
		"and date. Any other value, or no type at all, is shown as a plain text box marked " +
		"\"unknown type\": no number input, no Yes/No radio, no select. Warning: the version deploys, but the " +
		"answer is typed free-hand where a type would have checked it.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: debug
      label: Debug
      type: bool
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: debug
      label: Debug
      type: boolean
`,
	Version: checkType,
}

var questionTypes = catalogblock.QuestionTypes

// typeSynonyms maps names people reach for to the supported type.
var typeSynonyms = map[string]string{
	"bool": "boolean", "integer": "int", "number": "int", "text": "string", "str": "string",
	"textarea": "multiline", "select": "enum", "list": "enum", "choice": "enum", "dropdown": "enum",
	"double": "float", "cert": "certificate", "pass": "password", "secure": "password",
}

func checkType(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		n := q.Field("type")
		if yaml11.KindOf(n).IsCollection() {
			continue // K004
		}
		t := yaml11.Text(n)
		if slices.Contains(questionTypes, t) {
			continue
		}
		if t == "" {
			p.Report(fieldPos(info, q, "type"), "%s has no type, so the UI shows it as a plain text box marked \"unknown type\"; add `type: string` (or int, boolean, enum, password, ...)", qname(q))
			continue
		}
		hint := ""
		switch {
		case slices.Contains(questionTypes, strings.ToLower(t)):
			hint = fmt.Sprintf("; types are lower case: write %s", strings.ToLower(t))
		case typeSynonyms[strings.ToLower(t)] != "":
			hint = spelling.Hint(typeSynonyms[strings.ToLower(t)])
		default:
			if s := spelling.Closest(t, questionTypes); s != "" {
				hint = spelling.Hint(s)
			} else {
				hint = "; supported: " + strings.Join(questionTypes, ", ")
			}
		}
		p.Report(at(info, n), "%s: type %q is not supported by the Rancher 1.6 UI, which shows a plain text box marked \"unknown type\"%s", qname(q), t, hint)
	}
}
