package catalogdir

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnifiedDiff(t *testing.T) {
	tests := []struct {
		name     string
		old, new []byte
		want     string
	}{
		{"equal", []byte("a\n"), []byte("a\n"), ""},
		{"one line changed", []byte("a\nb\nc\n"), []byte("a\nB\nc\n"),
			"--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"new file", nil, []byte("x\ny\n"),
			"--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n"},
		{"new empty file", nil, []byte{}, "--- /dev/null\n+++ b/f\n"},
		{"missing final newline", []byte("a\n"), []byte("a\nb"),
			"--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n"},
		{"binary", []byte("a\x00"), []byte("b\x00"), "Binary files a/f and b/f differ\n"},
		{"far apart changes make two hunks", lines(1, 20), replaceLine(replaceLine(lines(1, 20), 2, "X"), 18, "Y"),
			"--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+Y\n 19\n 20\n"},
		{"six unchanged lines between changes share a hunk", lines(1, 12), replaceLine(replaceLine(lines(1, 12), 2, "X"), 9, "Y"),
			"--- a/f\n+++ b/f\n@@ -1,12 +1,12 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n 10\n 11\n 12\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, UnifiedDiff("f", tt.old, tt.new))
		})
	}
}

func lines(from, to int) []byte {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "%d\n", i)
	}
	return []byte(b.String())
}

func replaceLine(text []byte, n int, with string) []byte {
	ls := strings.SplitAfter(string(text), "\n")
	ls[n-1] = with + "\n"
	return []byte(strings.Join(ls, ""))
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyDiff applies a unified diff to old, checking every context and
// removed line against it, as patch(1) would.
func applyDiff(t *testing.T, old []byte, diff string) []byte {
	t.Helper()
	a := splitLines(old)
	var out []string
	next := 0 // first line of a not yet copied
	var lastOp byte
	rows := strings.SplitAfter(diff, "\n")
	for i := 2; i < len(rows) && rows[i] != ""; i++ {
		row := rows[i]
		if m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(row, "\n")); m != nil {
			start, _ := strconv.Atoi(m[1])
			if m[2] == "0" {
				start++ // an empty range names the line before
			}
			out = append(out, a[next:start-1]...)
			next = start - 1
			continue
		}
		if strings.HasPrefix(row, `\ No newline`) {
			if lastOp == '+' { // the marker belongs to the line above it
				last := &out[len(out)-1]
				*last = strings.TrimSuffix(*last, "\n")
			}
			continue
		}
		op, text := row[0], row[1:]
		lastOp = op
		if i+1 < len(rows) && strings.HasPrefix(rows[i+1], `\ No newline`) && op != '+' {
			text = strings.TrimSuffix(text, "\n")
		}
		switch op {
		case ' ', '-':
			require.Less(t, next, len(a), "diff reads past the end of old")
			require.Equal(t, a[next], text, "context/removed line %d does not match old", next+1)
			next++
			if op == ' ' {
				out = append(out, text)
			}
		case '+':
			out = append(out, text)
		}
	}
	out = append(out, a[next:]...)
	return []byte(strings.Join(out, ""))
}

// TestUnifiedDiffApplies: for random pairs of texts, applying the diff to the
// old text gives the new one.
func TestUnifiedDiffApplies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a\n", "b\n", "c\n", "d\n", "e\n", "f"}
	random := func() []byte {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(alphabet[rng.IntN(len(alphabet)-1)])
		}
		if rng.IntN(4) == 0 {
			b.WriteString(alphabet[len(alphabet)-1]) // no final newline
		}
		return []byte(b.String())
	}
	for i := range 500 {
		old, new := random(), random()
		d := UnifiedDiff("f", old, new)
		if string(old) == string(new) {
			assert.Empty(t, d)
			continue
		}
		require.Equal(t, string(new), string(applyDiff(t, old, d)), "case %d\nold:\n%s\nnew:\n%s\ndiff:\n%s", i, old, new, d)
	}
}

func TestLineDiffIsMinimal(t *testing.T) {
	a := splitLines([]byte("a\nb\nc\na\nb\nb\na\n"))
	b := splitLines([]byte("c\nb\na\nb\na\nc\n"))
	changes := 0
	for _, e := range lineDiff(a, b) {
		if e.op != ' ' {
			changes++
		}
	}
	assert.Equal(t, 5, changes, "Myers' classic example has an edit distance of 5")
}
