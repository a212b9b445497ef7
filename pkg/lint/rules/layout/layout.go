// Package layout holds the L rules: the catalog's folder and file layout as
// Rancher's catalog service walks it.
package layout

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{
	ruleL001, ruleL002, ruleL003, ruleL004, ruleL005, ruleL006,
	ruleL007, ruleL008, ruleL009, ruleL010, ruleL011, ruleL012,
	ruleL013,
}
