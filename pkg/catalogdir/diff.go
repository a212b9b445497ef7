package catalogdir

import (
	"bytes"

	"fmt"
	"github.com/catalogen/catalogen/pkg/linediff"
	"strings"
	"unicode/utf8"
)

// contextLines is how many unchanged lines surround each change, as in diff -u.
const contextLines = 3

// UnifiedDiff returns a `diff -u` style diff of one file from old to new,
// "" when equal. A nil old is a new file (--- /dev/null).
func UnifiedDiff(name string, old, new []byte) string {
	if bytes.Equal(old, new) && old != nil {
		return ""
	}
	from := "a/" + name
	if old == nil {
		from = "/dev/null"
	}
	if isBinary(old) || isBinary(new) {
		return fmt.Sprintf("Binary files %s and b/%s differ\n", from, name)
	}
	a, b := splitLines(old), splitLines(new)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ b/%s\n", from, name)
	for _, h := range hunks(lineDiff(a, b)) {
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(h.aStart, h.aLen), hunkRange(h.bStart, h.bLen))
		for _, e := range h.edits {
			out.WriteByte(e.op)
			out.WriteString(e.line)
			if !strings.HasSuffix(e.line, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return out.String()
}

func isBinary(b []byte) bool { return bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b) }

// splitLines splits after each newline, keeping it, so a missing final
// newline is visible.
func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, string(b))
			break
		}
		out = append(out, string(b[:i+1]))
		b = b[i+1:]
	}
	return out
}

type edit struct {
	op   byte // ' ', '-' or '+'
	line string
}

// lineDiff is a shortest edit script from a to b.
func lineDiff(a, b []string) []edit {
	script := linediff.Diff(a, b)
	out := make([]edit, len(script))
	for i, e := range script {
		switch e.Op {
		case linediff.Insert:
			out[i] = edit{'+', b[e.B]}
		default:
			out[i] = edit{byte(e.Op), a[e.A]}
		}
	}
	return out
}

type hunk struct {
	aStart, aLen, bStart, bLen int // 1-based starts
	edits                      []edit
}

// hunks groups changes with up to contextLines of context around each;
// changes closer than twice that share a hunk.
func hunks(edits []edit) []hunk {
	var out []hunk
	ai, bi := 0, 0 // lines of a and b before edits[i]
	type pos struct{ i, a, b int }
	var cur *hunk
	var start pos
	lastChange := -1
	flush := func(end int) {
		if cur == nil {
			return
		}
		cur.edits = edits[start.i:end]
		for _, e := range cur.edits {
			if e.op != '+' {
				cur.aLen++
			}
			if e.op != '-' {
				cur.bLen++
			}
		}
		cur.aStart, cur.bStart = start.a+1, start.b+1
		out = append(out, *cur)
		cur = nil
	}
	for i, e := range edits {
		if e.op != ' ' {
			if cur != nil && i-lastChange-1 > 2*contextLines {
				flush(lastChange + 1 + contextLines)
			}
			if cur == nil {
				cur = &hunk{}
				s := max(0, i-contextLines)
				start = pos{s, ai - (i - s), bi - (i - s)}
			}
			lastChange = i
		}
		if e.op != '+' {
			ai++
		}
		if e.op != '-' {
			bi++
		}
	}
	flush(min(len(edits), lastChange+1+contextLines))
	return out
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
