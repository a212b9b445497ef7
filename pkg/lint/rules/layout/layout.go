// Package layout holds the L rules: the catalog's folder and file layout as
// Rancher's catalog service walks it.
package layout

import "github.com/catalogen/catalogen/pkg/lint"

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules []*lint.Rule
