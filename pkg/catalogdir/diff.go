package catalogdir

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// contextLines is how many unchanged lines surround each change, as in diff -u.
const contextLines = 3

// maxDiffWork bounds Myers' trace (edit distance × line count); beyond it a
// file is shown as wholly replaced rather than spending unbounded memory.
const maxDiffWork = 50_000_000

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

// lineDiff is a shortest edit script from a to b (Myers' O(ND) algorithm)
// after trimming the common prefix and suffix.
func lineDiff(a, b []string) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []edit
	for _, l := range a[:pre] {
		out = append(out, edit{' ', l})
	}
	out = append(out, myers(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		out = append(out, edit{' ', l})
	}
	return out
}

func myers(a, b []string) []edit {
	n, m := len(a), len(b)
	if n == 0 || m == 0 || (n+m)*(n+m) > maxDiffWork {
		return replaceAll(a, b)
	}
	off := n + m
	v := make([]int, 2*off+2)
	var trace [][]int
	for d := 0; d <= n+m; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // step down: insertion
			} else {
				x = v[off+k-1] + 1 // step right: deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, off)
			}
		}
	}
	return replaceAll(a, b)
}

func backtrack(trace [][]int, a, b []string, off int) []edit {
	var rev []edit
	x, y := len(a), len(b)
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
			prevK = k + 1
		}
		prevX := v[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, edit{' ', a[x-1]})
			x, y = x-1, y-1
		}
		if d == 0 {
			break
		}
		if x == prevX {
			rev = append(rev, edit{'+', b[y-1]})
		} else {
			rev = append(rev, edit{'-', a[x-1]})
		}
		x, y = prevX, prevY
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

func replaceAll(a, b []string) []edit {
	out := make([]edit, 0, len(a)+len(b))
	for _, l := range a {
		out = append(out, edit{'-', l})
	}
	for _, l := range b {
		out = append(out, edit{'+', l})
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
