package catalog

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/linediff"
)

// randomLines joins fewer than max lines picked from words, with or without
// a final newline.
func randomLines(rng *rand.Rand, words []string, max int) string {
	n := rng.Intn(max)
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

// TestSameEnds: the lines SameEnds counts are those that the alignment
// keeps verbatim at the two ends of the file, and SourceLine maps each to
// its twin, whatever the lines in between.
func TestSameEnds(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"a", "b", "", "c: ${X}", "\r", "a\r"}
	text := func() string { return randomLines(rng, words, 8) }
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

// mapLinesByText is mapLines on the lines' text itself, as strings: what
// mapLines computes through the lines' hashes.
func mapLinesByText(src, out []byte) ([]int, []bool) {
	s := strings.Split(string(src), "\n")
	o := strings.Split(string(out), "\n")
	match := make([]int, len(o))
	for i := range match {
		match[i] = -1
	}
	for _, e := range linediff.Diff(s, o) {
		if e.Op == linediff.Equal && strings.TrimSpace(o[e.B]) != "" {
			match[e.B] = e.A
		}
	}
	m := make([]int, len(o))
	exact := make([]bool, len(o))
	j := 0
	for i := range o {
		if k := match[i]; k >= 0 {
			m[i], exact[i], j = k+1, true, k+1
			continue
		}
		k := j
		for k+1 < len(s) && pureAction([]byte(s[k])) {
			k++
		}
		m[i] = min(k, len(s)-1) + 1
	}
	return m, exact
}

// The alignment of rendered lines with their source is the one a line diff
// of the texts gives.
func TestMapLinesAsTextDiff(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	words := []string{"a: 1", "b: 2", "", "  - x", "{{- if .Values.X }}", "{{ end }}", "c: {{ .Values.C }}", "\r", "{{ range . }}{{ end }}"}
	text := func() string { return randomLines(rng, words, 30) }
	for i := 0; i < 3000; i++ {
		src, out := []byte(text()), []byte(text())
		gotLines, gotExact := mapLines(src, out)
		wantLines, wantExact := mapLinesByText(src, out)
		if !slices.Equal(gotLines, wantLines) || !slices.Equal(gotExact, wantExact) {
			t.Fatalf("mapLines(%q, %q) = %v %v, the text diff gives %v %v", src, out, gotLines, gotExact, wantLines, wantExact)
		}
	}
}
