// Package compose holds the D, V and LB rules: compose file shapes and
// schemas, volumes and Rancher load balancers.
package compose

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{ruleD002}
