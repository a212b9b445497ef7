// Package templating holds the T and I rules: Go templating of compose files
// and Rancher's `$` interpolation.
//
// Rancher's executor processes each compose file in this order: Go template
// (unless the file starts with `# notemplating`), YAML parse, then `$`
// interpolation of values. The T rules check the first two steps on the
// files as written; the I rules check the third on the strings that
// package catalog/interpolation finds in the rendered files and in the
// template branches the default answers do not render.
package templating

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{
	ruleT001, ruleT002, ruleT003, ruleT004, ruleT005, ruleT006, ruleT007, ruleT008, ruleT009,
	ruleI001, ruleI002, ruleI003, ruleI004,
}
