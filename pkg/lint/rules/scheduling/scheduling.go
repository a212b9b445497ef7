// Package scheduling holds the S, B and TR rules: sidekick groups, Rancher
// labels and Traefik labels.
package scheduling

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{
	ruleS001, ruleS002, ruleS003, ruleS004, ruleS005, ruleS006,
	ruleB001, ruleB002, ruleB003, ruleB004, ruleB005, ruleB006, ruleB007, ruleB008,
	ruleTR001, ruleTR002, ruleTR003, ruleTR004, ruleTR005,
}
