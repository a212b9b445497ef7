package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Clean makes text from catalog files safe to print on a terminal: control
// characters (C0 except tab and newline, DEL, C1) and the Unicode bidi
// overrides are written as visible escapes (\x1b, \u202e), so that a file
// cannot retitle the terminal, move the cursor, hide text or reorder what a
// reviewer reads. Invalid UTF-8 bytes become \xNN too.
func Clean(s string) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// CleanLine is Clean for text that must stay on one line (source snippets,
// one-line formats): newlines are escaped as well.
func CleanLine(s string) string {
	return strings.ReplaceAll(Clean(s), "\n", `\n`)
}

func needsClean(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || unsafeRune(r) {
			return true
		}
		i += size
	}
	return false
}

// unsafeRune reports C1 controls and the bidirectional formatting
// characters.
func unsafeRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// escapeJSONControls rewrites DEL, C1 controls and bidi characters that
// encoding/json leaves raw as \u escapes: the document means the same, and
// printing it on a terminal shows them instead of obeying them.
func escapeJSONControls(b []byte) []byte {
	s := string(b)
	if !needsClean(s) {
		return b
	}
	var out strings.Builder
	for _, r := range s {
		if r == 0x7f || unsafeRune(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}
