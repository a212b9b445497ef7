package spelling

import "testing"

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3},
		{"privilige", "privileged", 2}, {"volume", "volumes", 1},
		{"decription", "description", 1}, {"minimun", "minimum", 1},
		{"kitten", "sitting", 3}, {"ä", "a", 1},
		// A swap of neighbours is one edit, not two.
		{"nmae", "name", 1}, {"warnign", "warning", 1}, {"ab", "ba", 1}, {"abc", "ca", 3},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", c.b, c.a, got, c.want)
		}
	}
}
