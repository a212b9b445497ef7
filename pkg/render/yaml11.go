package render

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

// needsDoubleQuotes reports whether yaml.v3's own choice of style could lose
// or change s for some reader: a scalar some YAML 1.1 reader types (yaml.v3
// speaks YAML 1.2 and would leave some of them plain), or a multi-line
// string yaml.v3 would write as a block scalar that does not read back (a
// leading line break or space, carriage returns, trailing spaces, controls).
func needsDoubleQuotes(s string) bool {
	if yaml11.Typed(s) {
		return true
	}
	if !strings.ContainsAny(s, "\n\r") {
		return false
	}
	if strings.HasPrefix(s, "\n") || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") || strings.Contains(s, "\r") {
		return true
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			return true
		}
	}
	return strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f) })
}
