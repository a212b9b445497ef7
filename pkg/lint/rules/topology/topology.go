// Package topology holds the TP rules: how a stack's services land on hosts
// together — pins, log reachability, shared state, exposure and host ports —
// which no generic compose linter knows.
package topology

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{ruleTP001, ruleTP002, ruleTP003, ruleTP004, ruleTP005}
