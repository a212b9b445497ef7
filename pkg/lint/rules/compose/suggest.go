package compose

import "github.com/catalogen/catalogen/pkg/lint/spelling"

// suggest returns the candidate closest to word when it is close enough to
// be a typo (privilige -> privileged, volume -> volumes), or "".
func suggest(word string, candidates []string) string {
	best, bestDist := "", len(word)/3+1
	if bestDist > 3 {
		bestDist = 3
	}
	for _, c := range candidates {
		if c == word {
			continue
		}
		if d := spelling.Distance(word, c); d <= bestDist && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}
