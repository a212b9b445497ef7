package metadata

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

func TestRules(t *testing.T) { linttest.Run(t, "testdata", Rules()) }

// TestIsVariable: the name test is the pattern ^[A-Za-z_][A-Za-z0-9_]*$.
func TestIsVariable(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	for _, s := range []string{"", "a", "_", "A1", "1a", "a-b", "a b", "é", "aé", "a\n", "_9_", "9", "a$", "ZZ_top"} {
		if got, want := isVariable(s), re.MatchString(s); got != want {
			t.Errorf("isVariable(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPairsKeepsTheLast: of a repeated key only the last entry counts, as
// in Rancher, for short mappings (compared key by key) and long ones alike.
func TestPairsKeepsTheLast(t *testing.T) {
	for _, n := range []int{3, 20} {
		src := "a: 1\nb: 2\n"
		for i := 0; i < n; i++ {
			src += fmt.Sprintf("k%d: %d\n", i, i)
		}
		for _, repeat := range []bool{false, true} {
			text := src
			if repeat {
				text += "a: 3\n"
			}
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
				t.Fatal(err)
			}
			var keys, values []string
			for _, p := range pairs(doc.Content[0]) {
				keys, values = append(keys, p.Key.Value), append(values, p.Value.Value)
			}
			if len(keys) != n+2 || slices.Index(keys[slices.Index(keys, "a")+1:], "a") >= 0 {
				t.Errorf("%d keys, repeat %v: pairs lists %v", n+2, repeat, keys)
			}
			want := "1"
			if repeat {
				want = "3"
			}
			if got := values[slices.Index(keys, "a")]; got != want {
				t.Errorf("%d keys, repeat %v: a = %s, want %s", n+2, repeat, got, want)
			}
		}
	}
}
