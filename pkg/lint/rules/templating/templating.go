// Package templating holds the T and I rules: Go templating of compose files
// and Rancher's `$` interpolation.
package templating

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules []*lint.Rule
