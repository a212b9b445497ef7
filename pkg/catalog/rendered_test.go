package catalog

import (
	"math/rand"
	"strings"
	"testing"
)

// TestSameEnds: the lines SameEnds counts are those that the alignment
// keeps verbatim at the two ends of the file, and SourceLine maps each to
// its twin, whatever the lines in between.
func TestSameEnds(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"a", "b", "", "c: ${X}", "\r", "a\r"}
	text := func() string {
		n := rng.Intn(8)
		var lines []string
		for i := 0; i < n; i++ {
			lines = append(lines, words[rng.Intn(len(words))])
		}
		s := strings.Join(lines, "\n")
		if rng.Intn(2) == 0 {
			s += "\n"
		}
		return s
	}
	cases := [][2]string{{"", ""}, {"a", "a"}, {"a\n", "a"}, {"a\nb\n", "a\nc\nb\n"}, {"x\n", "x\n"}}
	for i := 0; i < 2000; i++ {
		cases = append(cases, [2]string{text(), text()})
	}
	for _, c := range cases {
		src, out := c[0], c[1]
		r := &Rendered{Data: []byte(out)}
		if src != out {
			r.source = []byte(src)
		}
		head, tail := r.SameEnds()
		s, o := strings.Split(src, "\n"), strings.Split(out, "\n")
		if head+tail > min(len(s), len(o)) {
			t.Fatalf("SameEnds(%q, %q) = %d, %d: more lines than the texts have", src, out, head, tail)
		}
		for k := 0; k < head+tail; k++ {
			si, oi := k, k // source and rendered line, 0-based
			if k >= head {
				si, oi = len(s)-(head+tail-k), len(o)-(head+tail-k)
			}
			if s[si] != o[oi] {
				t.Fatalf("SameEnds(%q, %q) = %d, %d, but source line %d differs from rendered line %d", src, out, head, tail, si+1, oi+1)
			}
			if strings.TrimSpace(o[oi]) == "" {
				continue // blank lines are never matched
			}
			if got := r.SourceLine(oi + 1); got != si+1 || !r.Verbatim(oi+1) {
				t.Fatalf("SameEnds(%q, %q) = %d, %d, but rendered line %d maps to %d (verbatim %v), not %d", src, out, head, tail, oi+1, got, r.Verbatim(oi+1), si+1)
			}
		}
		// Nothing more at either end is the same.
		if head < min(len(s), len(o)) && head+tail < min(len(s), len(o)) && s[head] == o[head] {
			t.Fatalf("SameEnds(%q, %q) = %d, %d: line %d is the same too", src, out, head, tail, head+1)
		}
		if head+tail < min(len(s), len(o)) && s[len(s)-tail-1] == o[len(o)-tail-1] {
			t.Fatalf("SameEnds(%q, %q) = %d, %d: line %d from the end is the same too", src, out, head, tail, tail+1)
		}
	}
}
