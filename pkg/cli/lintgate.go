package cli

import "io"

// lintRendered lints a rendered catalog tree (slash paths relative to the
// catalog root) in memory before build writes it. It prints findings to w and
// reports whether any finding is an error.
func lintRendered(files map[string][]byte, w io.Writer) (hasErrors bool, err error) {
	return false, nil
}
