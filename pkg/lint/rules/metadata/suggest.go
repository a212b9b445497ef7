package metadata

import (
	"github.com/catalogen/catalogen/pkg/lint/spelling"
	"strings"
	"unicode/utf8"
)

// closest returns the candidate that word most likely misspells: the same
// key in another case or spelling style (minLength for min_length), else the
// nearest by edit distance when it is close enough to be a typo.
func closest(word string, candidates []string) string {
	norm := normalizeKey(word)
	for _, c := range candidates {
		if normalizeKey(c) == norm {
			return c
		}
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := spelling.Distance(strings.ToLower(word), c)
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if n := utf8.RuneCountInString(word); n <= 4 {
		limit = 1
	} else if n >= 12 {
		limit = 3
	}
	if bestDist >= 0 && bestDist <= limit {
		return best
	}
	return ""
}

func normalizeKey(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer("_", "", "-", "", " ", "").Replace(s)
}
