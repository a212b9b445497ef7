package linediff

import (
	"math/rand"
	"strings"
	"testing"
)

// apply rebuilds b from a and the script, checking every index.
func apply(t *testing.T, a, b []string, script []Edit) {
	t.Helper()
	var out []string
	ai := 0
	for _, e := range script {
		switch e.Op {
		case Equal:
			if e.A != ai || a[e.A] != b[e.B] {
				t.Fatalf("bad equal %+v", e)
			}
			out = append(out, a[e.A])
			ai++
		case Delete:
			if e.A != ai {
				t.Fatalf("bad delete %+v", e)
			}
			ai++
		case Insert:
			out = append(out, b[e.B])
		}
	}
	if ai != len(a) || strings.Join(out, "\n") != strings.Join(b, "\n") {
		t.Fatalf("script does not turn a into b: %v", script)
	}
}

func TestDiff(t *testing.T) {
	cases := [][2]string{
		{"", ""}, {"a", ""}, {"", "a"}, {"a b c", "a b c"},
		{"a b c", "a x c"}, {"a b c d", "b d"}, {"x", "a x b x"},
	}
	for _, c := range cases {
		a, b := strings.Fields(c[0]), strings.Fields(c[1])
		apply(t, a, b, Diff(a, b))
	}
	// Shortest: one line changed in the middle costs one delete and one insert.
	d := Diff(strings.Fields("a b c d e"), strings.Fields("a b X d e"))
	changes := 0
	for _, e := range d {
		if e.Op != Equal {
			changes++
		}
	}
	if changes != 2 {
		t.Fatalf("want 2 changes, got %v", d)
	}
}

func TestDiffRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"a", "b", "c", ""}
	for i := 0; i < 500; i++ {
		a := make([]string, r.Intn(12))
		b := make([]string, r.Intn(12))
		for j := range a {
			a[j] = words[r.Intn(len(words))]
		}
		for j := range b {
			b[j] = words[r.Intn(len(words))]
		}
		apply(t, a, b, Diff(a, b))
	}
}
