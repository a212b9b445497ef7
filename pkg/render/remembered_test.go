package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// The quoting functions templates see return what the package's functions
// return, the first time and every time after, also past what they keep.
func TestRememberedQuotingFunctions(t *testing.T) {
	fm := funcMap(blueprint.Entry{})
	inputs := []string{"", "plain", "yes", "1.10", "a: b", "${x}", "{{ y }}", "line\nbreak", strings.Repeat("l", maxRemembered)}
	for name, direct := range map[string]func(string) string{"yamlScalar": YAMLScalar, "composeScalar": ComposeScalar, "composeText": ComposeText} {
		f := fm[name].(func(string) string)
		for range 2 {
			for _, in := range inputs {
				assert.Equal(t, direct(in), f(in), "%s(%.20q)", name, in)
			}
		}
	}
}
