// Package metadata holds the K and Q rules: the `.catalog` block of
// rancher-compose.yml and its questions.
package metadata

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules []*lint.Rule
