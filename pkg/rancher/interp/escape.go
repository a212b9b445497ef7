// Package interp implements Rancher 1.6's `$` interpolation grammar for
// compose values: `$$`, `$NAME` and `${NAME}`, nothing else.
package interp

import "strings"

// Escape returns s written so that Rancher's interpolation yields s again:
// every `$` becomes `$$`.
func Escape(s string) string { return strings.ReplaceAll(s, "$", "$$") }
