package catalog

import (
	"bytes"
	"sync"

	"gopkg.in/yaml.v3"
)

// Rendered is a compose file after Rancher's Go templating.
type Rendered struct {
	Data []byte
	// Templated is false when the file was passed through untouched
	// (`# notemplating`, or no template action at all).
	Templated    bool
	NoTemplating bool

	ParseErr error // the template does not parse: nothing renders
	ExecErr  error // execution failed: Rancher keeps the truncated output

	Doc         *yaml.Node // rendered YAML (nil when invalid)
	YAMLErr     *YAMLError
	source      []byte    // the template source, for the lazy line alignment
	alignOnce   sync.Once // most rendered files never report a finding
	sourceLines []int     // rendered line (0-based) -> source line (1-based)
	verbatim    []bool    // rendered line (0-based) kept verbatim from its source line
}

func (r *Rendered) align() {
	r.alignOnce.Do(func() {
		if r.source != nil {
			r.sourceLines, r.verbatim = mapLines(r.source, r.Data)
		}
	})
}

// Verbatim reports whether a 1-based rendered line is a verbatim copy of its
// source line, so that columns carry over too.
func (r *Rendered) Verbatim(line int) bool {
	if r == nil {
		return true
	}
	r.align()
	if r.sourceLines == nil {
		return true
	}
	return line >= 1 && line <= len(r.verbatim) && r.verbatim[line-1]
}

// SourceLine maps a 1-based line of the rendered text to the source line that
// produced it: lines kept verbatim map exactly, lines produced by a template
// action map to that action's line.
func (r *Rendered) SourceLine(line int) int {
	if r == nil {
		return line
	}
	r.align()
	if r.sourceLines == nil || line < 1 {
		return line
	}
	if line > len(r.sourceLines) {
		return r.sourceLines[len(r.sourceLines)-1]
	}
	return r.sourceLines[line-1]
}

// mapLines aligns rendered lines with source lines: a longest common
// subsequence of lines finds the ones kept verbatim (templates mostly keep,
// drop or repeat lines); any other rendered line belongs to the first source
// line after the last match that is not a pure template action, which is the
// line whose actions produced it.
func mapLines(src, out []byte) ([]int, []bool) {
	s := bytes.Split(src, []byte("\n"))
	o := bytes.Split(out, []byte("\n"))
	match := lcsMatch(s, o)
	m := make([]int, len(o))
	exact := make([]bool, len(o))
	j := 0 // next source line not yet passed (0-based)
	for i := range o {
		if k := match[i]; k >= 0 {
			m[i] = k + 1
			exact[i] = true
			j = k + 1
			continue
		}
		k := j
		for k+1 < len(s) && pureAction(s[k]) {
			k++
		}
		m[i] = min(k, len(s)-1) + 1
	}
	return m, exact
}

// maxLCSCells bounds the alignment table; larger files fall back to
// matching lines that are unique in both texts.
const maxLCSCells = 4 << 20

// lcsMatch returns, for every line of o, the index of the source line it is
// matched with, or -1. Blank lines never anchor a match.
func lcsMatch(s, o [][]byte) []int {
	match := make([]int, len(o))
	for i := range match {
		match[i] = -1
	}
	// Lines shared at both ends align trivially; the table is only needed
	// for the middle, where the template's actions changed things.
	pre := 0
	for pre < len(s) && pre < len(o) && bytes.Equal(s[pre], o[pre]) {
		if len(bytes.TrimSpace(s[pre])) > 0 {
			match[pre] = pre
		}
		pre++
	}
	suf := 0
	for suf < len(s)-pre && suf < len(o)-pre && bytes.Equal(s[len(s)-1-suf], o[len(o)-1-suf]) {
		if len(bytes.TrimSpace(o[len(o)-1-suf])) > 0 {
			match[len(o)-1-suf] = len(s) - 1 - suf
		}
		suf++
	}
	mid := lcsMiddle(s[pre:len(s)-suf], o[pre:len(o)-suf])
	for j, i := range mid {
		if i >= 0 {
			match[pre+j] = pre + i
		}
	}
	return match
}

// lcsMiddle aligns the lines between the common prefix and suffix.
func lcsMiddle(s, o [][]byte) []int {
	match := make([]int, len(o))
	for i := range match {
		match[i] = -1
	}
	n, m := len(s), len(o)
	if n == 0 || m == 0 {
		return match
	}
	if n*m > maxLCSCells {
		return uniqueMatch(s, o, match)
	}
	eq := func(a, b []byte) bool { return len(bytes.TrimSpace(a)) > 0 && bytes.Equal(a, b) }
	// table[i][j] = LCS length of s[i:] and o[j:], in one allocation.
	cells := make([]int32, (n+1)*(m+1))
	table := make([][]int32, n+1)
	for i := range table {
		table[i] = cells[i*(m+1) : (i+1)*(m+1)]
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case eq(s[i], o[j]):
				table[i][j] = table[i+1][j+1] + 1
			case table[i+1][j] >= table[i][j+1]:
				table[i][j] = table[i+1][j]
			default:
				table[i][j] = table[i][j+1]
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case eq(s[i], o[j]) && table[i][j] == table[i+1][j+1]+1:
			match[j] = i
			i++
			j++
		case table[i+1][j] >= table[i][j+1]:
			i++
		default:
			j++
		}
	}
	return match
}

// uniqueMatch anchors lines that occur exactly once in each text, in order.
func uniqueMatch(s, o [][]byte, match []int) []int {
	count := func(lines [][]byte) map[string]int {
		c := map[string]int{}
		for i, l := range lines {
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			if _, ok := c[string(l)]; ok {
				c[string(l)] = -1
			} else {
				c[string(l)] = i
			}
		}
		return c
	}
	cs, co := count(s), count(o)
	last := -1
	for j, l := range o {
		i, ok := cs[string(l)]
		if ok && i > last && co[string(l)] == j {
			match[j] = i
			last = i
		}
	}
	return match
}

// pureAction reports whether a source line holds only template actions
// (`{{- if ... }}`, `{{ end }}`), which produce no text of their own.
func pureAction(line []byte) bool {
	t := bytes.TrimSpace(line)
	if !bytes.HasPrefix(t, []byte("{{")) || !bytes.HasSuffix(t, []byte("}}")) {
		return false
	}
	return bytes.Count(t, []byte("{{")) == 1
}
