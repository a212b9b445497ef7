// Package config holds the C rules: a template's config.yml.
package config

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{
	ruleC001, ruleC002, ruleC003, ruleC004, ruleC005,
	ruleC006, ruleC007, ruleC008, ruleC009,
}
