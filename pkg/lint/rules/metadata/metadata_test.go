package metadata

import (
	"regexp"
	"testing"

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
