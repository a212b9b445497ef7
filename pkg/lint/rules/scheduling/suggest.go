package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/lint/spelling"
)

// closest returns the candidate nearest to s (case-insensitive edit
// distance at most 2, or an exact case-insensitive match), or "".
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := spelling.Distance(strings.ToLower(s), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// didYouMean formats a suggestion, or "" when there is none.
func didYouMean(s string, candidates []string) string {
	if c := closest(s, candidates); c != "" {
		return " (did you mean " + c + "?)"
	}
	return ""
}
