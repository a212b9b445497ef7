package render

import (
	"regexp"
	"strings"
)

// yaml11Typed matches plain scalars that YAML 1.1 readers (Rancher's
// yaml.v2, docker-compose's PyYAML) resolve to something other than a
// string: booleans, null, ints (binary, octal, hex, sexagesimal), floats,
// timestamps. yaml.v3 speaks YAML 1.2 and would leave some of them plain.
var yaml11Typed = regexp.MustCompile(`^(?:` +
	`y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF` +
	`|~|null|Null|NULL|<<|=` +
	`|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+` +
	`|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)` +
	`|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+` +
	`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)?.*` +
	`)$`)

// needsDoubleQuotes reports whether yaml.v3's own choice of style could lose
// or change s for some reader: a YAML 1.1 typed scalar, or a multi-line
// string yaml.v3 would write as a block scalar that does not read back (a
// leading line break or space, carriage returns, trailing spaces, controls).
func needsDoubleQuotes(s string) bool {
	if yaml11Typed.MatchString(s) {
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
