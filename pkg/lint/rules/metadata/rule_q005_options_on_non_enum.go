package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleQ005 = &lint.Rule{
	ID: "Q005", Slug: "question.options-on-non-enum", Formerly: []string{"q.options-on-non-enum"}, Severity: lint.Warning,
	Summary: "`options` appear only on enum questions",
	Doc: "The UI uses `options` only for `type: enum`; on any other type they are ignored and the user " +
		"can type anything. Usually the question was meant to be an enum. " +
		"Warning: the UI (v1.6) ignores `options` on other types.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: log_level
      type: string
      options: [debug, info, warn]
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: log_level
      type: enum
      options: [debug, info, warn]
`,
	Version: checkOptionsOnNonEnum,
}

func checkOptionsOnNonEnum(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		if q.Type == "enum" {
			continue
		}
		k, n := yamlnode.Get(q.Node, "options")
		if k == nil || len(options(n)) == 0 {
			continue
		}
		t := q.Type
		if t == "" {
			t = "no type"
		} else {
			t = "type " + t
		}
		p.Report(info.Doc.At(k), "%s has options but %s, so the UI ignores them and accepts any text; make it `type: enum` or drop the options", qname(q), t)
	}
}
