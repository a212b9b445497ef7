package metadata

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleQ012 = &lint.Rule{
	ID: "Q012", Slug: "q.password-optional", Severity: lint.Warning,
	Summary: "a password question without a default is required",
	Doc: "Rancher's UI lets the user submit a question that is neither required nor defaulted with an empty " +
		"answer, and the executor then deploys the stack with an empty password: most images either refuse " +
		"to start or, worse, start with no authentication. `required: true` makes the UI insist on an answer " +
		"(the password field offers to generate one). Applies to `password` and `masked` questions; an " +
		"optional secret (an SMTP password that may stay unset) is better suppressed with its reason. Warning: " +
		"a likely runtime or security defect.",
	Bad: `questions:
  - variable: admin_password
    type: password
`,
	Good: `questions:
  - variable: admin_password
    type: password
    required: true
`,
	Version: checkPasswordOptional,
}

func checkPasswordOptional(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range questionsOf(info) {
		if q.Type != "password" && q.Type != "masked" {
			continue
		}
		if effective(q.Field("required")) == "true" || strings.TrimSpace(effective(q.Field("default"))) != "" {
			continue
		}
		p.Report(questionPos(info, q), "%s is a password that is neither required nor defaulted: a user who skips it deploys the stack with an empty password; add required: true", qname(q))
	}
}
