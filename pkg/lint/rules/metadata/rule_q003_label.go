package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleQ003 = &lint.Rule{
	ID: "Q003", Slug: "question.label", Formerly: []string{"q.label"}, Severity: lint.Warning,
	Summary: "every question has a `label`",
	Doc: "The Rancher 1.6 UI shows a question's `label` as the caption of its input. Without one the " +
		"field has no caption, and users must guess what to type from the description, if any. " +
		"Warning: the UI (v1.6) shows an input without a caption; the version deploys.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_email
      type: string
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_email
      label: Administrator e-mail
      type: string
`,
	Version: checkLabel,
}

func checkLabel(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		n := q.Field("label")
		if yaml11.KindOf(n).IsCollection() || yaml11.Text(n) != "" {
			continue
		}
		what := "no label"
		if n != nil {
			what = "an empty label"
		}
		p.Report(questionPos(info, q), "%s has %s, so the UI shows its input without a caption; add `label: ...`", qname(q), what)
	}
}
