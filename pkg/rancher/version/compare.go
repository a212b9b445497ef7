// Package version implements how Rancher 1.6's catalog service orders
// `.catalog.version` strings, decides visibility by Rancher version and
// evaluates `upgrade_from` ranges.
package version

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	numberRe = regexp.MustCompile(`[0-9]+`)
	wordRe   = regexp.MustCompile(`[a-z]+`)
)

// GreaterThan reports whether a sorts above b under the catalog service's
// comparator: leading v's and +build metadata are dropped, the rest is split
// on '.' and '-', word parts compare lexically and number parts numerically;
// when one is a prefix of the other, the longer one is greater only if its
// next part is a number (so 1.0.0-rc1 < 1.0.0).
func GreaterThan(a, b string) bool {
	a, b = normalize(a), normalize(b)
	as, bs := split(a), split(b)
	if len(bs) > len(as) {
		return !GreaterThan(b, a) && a != b
	}
	for i := range as {
		if i == len(bs) {
			_, err := strconv.Atoi(as[i])
			return err == nil
		}
		aw, bw := wordRe.FindString(as[i]), wordRe.FindString(bs[i])
		if aw != "" && bw != "" && aw != bw {
			return aw > bw
		}
		an, bn := numberRe.FindString(as[i]), numberRe.FindString(bs[i])
		if (an == "" || bn == "") && as[i] != bs[i] {
			return as[i] > bs[i]
		}
		ai, _ := strconv.Atoi(an)
		bi, _ := strconv.Atoi(bn)
		if ai != bi {
			return ai > bi
		}
	}
	return false
}

// Compare returns -1, 0 or +1 as a sorts below, equal to or above b.
func Compare(a, b string) int {
	switch {
	case GreaterThan(a, b):
		return 1
	case GreaterThan(b, a):
		return -1
	}
	return 0
}

func normalize(s string) string {
	if i := strings.IndexByte(s, '+'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimLeft(s, "v")
}

func split(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '-' })
}
