// Package metadata holds the K and Q rules: the `.catalog` block of
// rancher-compose.yml and its questions.
package metadata

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{
	ruleK001, ruleK002, ruleK003, ruleK004, ruleK005, ruleK006, ruleK007, ruleK008, ruleK009, ruleK010, ruleK011, ruleK012,
	ruleQ001, ruleQ002, ruleQ003, ruleQ004, ruleQ005, ruleQ006, ruleQ007, ruleQ008, ruleQ009, ruleQ010, ruleQ011, ruleQ012,
}
