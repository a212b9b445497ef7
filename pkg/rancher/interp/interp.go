package interp

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Ref is one substitution found in a string: `$NAME` or `${NAME}`.
// Offset and End are byte offsets of the whole reference, `$` included.
type Ref struct {
	Name        string
	Offset, End int
	Braced      bool
}

// Error kinds. Rancher reports all of them as the same "Invalid interpolation
// format"; they are told apart here so that the message can say what to write.
const (
	KindDefaultSyntax       = "default-syntax"
	KindCommandSubstitution = "command-substitution"
	KindDigit               = "digit"
	KindEmptyBraces         = "empty-braces"
	KindTrailingDollar      = "trailing-dollar"
	KindInvalidChar         = "invalid-char"
	KindUnclosedBrace       = "unclosed-brace"
)

// Error is a `$` that Rancher 1.6 cannot interpolate. Offset is the byte
// offset of that `$`.
type Error struct {
	Offset int
	Kind   string
	Msg    string
}

func (e Error) Error() string {
	return fmt.Sprintf("invalid interpolation at byte %d: %s", e.Offset, e.Msg)
}

// Scan finds every reference and every interpolation error in s, in order.
// It keeps going after an error so that a linter can report all of them at
// once, where Rancher stops at the first.
func Scan(s string) (refs []Ref, errs []Error) { return AppendScan(nil, nil, s) }

// AppendScan is Scan appending to refs and errs, so that a caller scanning
// many strings can keep their results in a few shared arrays.
func AppendScan(refs []Ref, errs []Error, s string) ([]Ref, []Error) {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '$')
		if j < 0 {
			break
		}
		ref, next, err, what := parseDollar(s, i+j)
		switch what {
		case invalid:
			errs = append(errs, err)
		case reference:
			refs = append(refs, ref)
		}
		i = next
	}
	return refs, errs
}

// Interpolate substitutes references the way Rancher's executor does: `$$`
// becomes `$`, a known name becomes its value (which is not scanned again),
// an unknown name becomes "" and is reported in missing (each name once, in
// order of first use). On the first syntax error it returns "" and that
// error, as Rancher rejects the whole value.
func Interpolate(s string, lookup func(name string) (string, bool)) (out string, missing []string, err error) {
	var b strings.Builder
	seen := map[string]bool{}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '$')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+j])
		i += j
		ref, next, perr, what := parseDollar(s, i)
		switch what {
		case invalid:
			return "", nil, perr
		case literal:
			b.WriteByte('$')
		default:
			v, ok := lookup(ref.Name)
			if !ok && !seen[ref.Name] {
				seen[ref.Name] = true
				missing = append(missing, ref.Name)
			}
			b.WriteString(v)
		}
		i = next
	}
	return b.String(), missing, nil
}

// NeedsEscape reports whether s would be changed (or rejected) by
// interpolation, i.e. whether a literal s must be written as Escape(s).
func NeedsEscape(s string) bool { return strings.IndexByte(s, '$') >= 0 }

// outcome is what a `$` turned out to be.
type outcome uint8

const (
	literal   outcome = iota // `$$`
	reference                // `$NAME` or `${NAME}`
	invalid                  // an interpolation error
)

// parseDollar reads the construct starting at the `$` at s[i]. It returns
// the reference or the error, as what says, and the offset where scanning
// resumes. Results are values, not pointers, so that a scan of many strings
// allocates only the slices it returns.
func parseDollar(s string, i int) (ref Ref, next int, err Error, what outcome) {
	if i+1 == len(s) {
		// Rancher's parser indexes past the end here and the executor panics.
		return Ref{}, i + 1, Error{i, KindTrailingDollar,
			"a trailing $ makes Rancher's executor panic; write $$"}, invalid
	}
	c := s[i+1]
	switch {
	case c == '$':
		return Ref{}, i + 2, Error{}, literal
	case c == '{':
		return parseBraced(s, i)
	case isNameStart(c):
		j := i + 1
		for j < len(s) && isNameChar(s[j]) {
			j++
		}
		return Ref{Name: s[i+1 : j], Offset: i, End: j}, j, Error{}, reference
	case c >= '0' && c <= '9':
		return Ref{}, i + 1, Error{i, KindDigit, fmt.Sprintf(
			"$%c is not a variable (names cannot start with a digit); write $$%c for a literal", c, c)}, invalid
	case c == '(':
		return Ref{}, i + 1, Error{i, KindCommandSubstitution,
			"$( is not command substitution in Rancher 1.6 and fails interpolation; write $$( for a literal"}, invalid
	default:
		return Ref{}, i + 1, Error{i, KindInvalidChar, fmt.Sprintf(
			"$ followed by %s is not a variable; write $$ for a literal $", quoteRuneAt(s, i+1))}, invalid
	}
}

func parseBraced(s string, i int) (Ref, int, Error, outcome) {
	j := i + 2
	for j < len(s) && isNameChar(s[j]) {
		j++
	}
	name := s[i+2 : j]
	// A broken ${...} is skipped up to its closing brace so that the pieces
	// inside it are not reported on their own; without a closing brace only
	// `${` is skipped.
	resume, end := i+2, len(s)
	if k := strings.IndexByte(s[j:], '}'); k >= 0 {
		resume, end = j+k+1, j+k+1
	}
	switch {
	case j == len(s):
		return Ref{}, resume, Error{i, KindUnclosedBrace,
			"${ has no closing }; close it or write $${ for a literal"}, invalid
	case s[j] == '}' && name == "":
		return Ref{}, j + 1, Error{i, KindEmptyBraces,
			"${} names no variable; put a name inside or write $${} for a literal"}, invalid
	case s[j] == '}':
		return Ref{Name: name, Offset: i, End: j + 1, Braced: true}, j + 1, Error{}, reference
	case name != "" && strings.IndexByte(":-?=+", s[j]) >= 0:
		return Ref{}, resume, Error{i, KindDefaultSyntax, fmt.Sprintf(
			"Rancher 1.6 does not support defaults in ${...} (%s); give the question a default instead",
			clip(s[i:end], 40))}, invalid
	default:
		return Ref{}, resume, Error{i, KindInvalidChar, fmt.Sprintf(
			"%s is not allowed in a ${...} name (only letters, digits and _); write $${ for a literal",
			quoteRuneAt(s, j))}, invalid
	}
}

func quoteRuneAt(s string, i int) string {
	for _, r := range s[i:] {
		return fmt.Sprintf("%q", r)
	}
	return `""`
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

func isNameStart(c byte) bool {
	return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

func isNameChar(c byte) bool { return isNameStart(c) || c >= '0' && c <= '9' }
