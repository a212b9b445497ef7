// Package scheduling holds the S, B and TR rules: sidekick groups, Rancher
// labels and Traefik labels.
package scheduling

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules []*lint.Rule
