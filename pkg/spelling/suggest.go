// Package spelling finds what a misspelt key or name was probably meant to
// be, and words the "did you mean" part of every message that offers one:
// lint findings, configuration errors and template errors all use Closest
// and DidYouMean, so a near miss is recognised, and said, the same way
// everywhere.
package spelling

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate that word most likely misspells, or "":
//
//   - a candidate that differs from word only in case or in the separators
//     '_', '-' and ' ' (minLength for min_length, projectUrl for projectURL);
//   - else the one candidate nearest to word by edit distance, ignoring
//     case, when that distance is within Threshold(word) and smaller than
//     word itself. Among candidates at the same nearest distance the one
//     sharing the longest start with word wins (slips come after the first
//     letters: "of" is "off" rather than "on"); when that still leaves two,
//     the choice would be a guess, so there is none.
//
// A candidate equal to word is never suggested.
func Closest(word string, candidates []string) string {
	norm := normalize(word)
	for _, c := range candidates {
		if c != word && normalize(c) == norm {
			return c
		}
	}
	lower := strings.ToLower(word)
	limit := min(Threshold(word), utf8.RuneCountInString(word)-1)
	best, bestD, bestP, tie := "", limit+1, 0, false
	for _, c := range candidates {
		if c == word || c == best {
			continue
		}
		lc := strings.ToLower(c)
		d := Distance(lower, lc)
		if d > limit || d > bestD {
			continue
		}
		p := commonPrefix(lower, lc)
		switch {
		case d < bestD || p > bestP:
			best, bestD, bestP, tie = c, d, p, false
		case p == bestP:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// commonPrefix is the number of runes a and b start with in common.
func commonPrefix(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		n++
		a, b = a[sa:], b[sb:]
	}
	return n
}

// Threshold is how many edits (insertions, deletions, substitutions) a
// word may be away from what it misspells: one for words of up to four
// letters, two up to eleven, three beyond.
func Threshold(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n <= 4:
		return 1
	case n <= 11:
		return 2
	}
	return 3
}

// DidYouMean returns the suggestion for word as a message ends with it
// (see Hint), or "" when Closest finds none.
func DidYouMean(word string, candidates []string) string {
	return Hint(Closest(word, candidates))
}

// Hint words a suggestion: `; did you mean "x"?`, to end a message with;
// "" for no suggestion. Messages whose suggestion comes from elsewhere (a
// synonym, a corrected spelling) use it too, so all read alike.
func Hint(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", s)
}

func normalize(s string) string {
	return separators.Replace(strings.ToLower(s))
}

// separators is built once: building a Replacer costs more than using it,
// and normalize runs for every candidate of every suggestion.
var separators = strings.NewReplacer("_", "", "-", "", " ", "")
