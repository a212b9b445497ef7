package render

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

// plainSafe matches strings that every YAML reader on the way (yaml.v3,
// Rancher's yaml.v2, docker-compose's PyYAML, all partly YAML 1.1) reads
// back as the same string when written unquoted. It starts with a letter or
// "/" so that no number, sexagesimal (22:22), timestamp, .inf or indicator
// (*, &, !, -, ?, {, [, ', ", #, %, @, `) can begin it, and has no spaces, so
// ": " and " #" cannot appear.
var plainSafe = regexp.MustCompile(`^[A-Za-z/][A-Za-z0-9_./@=+:-]*$`)

// YAMLScalar writes s as a YAML scalar that reads back as exactly s in any
// context (block or flow, key or value, any indentation): plain when that is
// unambiguous, otherwise double-quoted with escapes. s must be valid UTF-8,
// as YAML text is Unicode (and every string read from a blueprint is).
func YAMLScalar(s string) string {
	if plainSafe.MatchString(s) && !strings.HasSuffix(s, ":") && !yaml11.Typed(s) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			// Printable characters stay as they are; everything else
			// (controls, BOM, NEL and the Unicode line separators, which
			// YAML treats as line breaks) is escaped.
			if unicode.IsPrint(r) || r == ' ' {
				b.WriteRune(r)
			} else if r <= 0xFFFF {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// EscapeTemplate makes text survive Rancher's Go templating unchanged: each
// "{{" becomes an action that prints "{{" from a raw string. Backquotes keep
// the result free of '"', so it can sit inside a double-quoted YAML scalar
// and the file is still valid YAML before templating.
func EscapeTemplate(s string) string {
	return strings.ReplaceAll(s, "{{", "{{`{{`}}")
}

// ComposeScalar writes s as a compose-file value that Rancher turns back into
// exactly s: Rancher templates the file, parses the YAML, then interpolates
// `$`. So the value is escaped for interpolation ($ → $$), written as a YAML
// scalar, and protected from templating — the reverse order.
func ComposeScalar(s string) string {
	return EscapeTemplate(YAMLScalar(interp.Escape(s)))
}

// ComposeText is ComposeScalar without the YAML quoting, for building part of
// a larger scalar the template quotes itself.
func ComposeText(s string) string {
	return EscapeTemplate(interp.Escape(s))
}
