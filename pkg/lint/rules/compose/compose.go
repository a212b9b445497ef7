// Package compose holds the D, V and LB rules: compose file shapes and
// schemas, volumes and Rancher load balancers.
package compose

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{
	ruleD001, ruleD002, ruleD003, ruleD004, ruleD005, ruleD006, ruleD007, ruleD008, ruleD009, ruleD010, ruleD011, ruleD012, ruleD013,
	ruleV001, ruleV002, ruleV003, ruleV004,
	ruleLB001, ruleLB002, ruleLB003, ruleLB004, ruleLB005, ruleLB006,
}
