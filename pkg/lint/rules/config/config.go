// Package config holds the C rules: a template's config.yml.
package config

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules []*lint.Rule
