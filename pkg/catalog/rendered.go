package catalog

import (
	"bytes"
	"sync"

	"github.com/catalogen/catalogen/pkg/linediff"

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

// SameEnds returns how many leading and trailing lines of the template
// source the rendered text repeats unchanged, at the same distance from its
// start and from its end (lines as strings.Split at "\n" counts them, the
// ends never overlapping): SourceLine maps each of those rendered lines to
// its twin, which a caller can rely on without paying for the alignment of
// the lines in between. Every line is the same when rendering changed
// nothing.
func (r *Rendered) SameEnds() (head, tail int) {
	if r == nil {
		return 0, 0
	}
	a, b := r.source, r.Data
	if a == nil {
		return bytes.Count(b, []byte("\n")) + 1, 0
	}
	for {
		i, j := bytes.IndexByte(a, '\n'), bytes.IndexByte(b, '\n')
		la, lb := a, b
		if i >= 0 {
			la = a[:i]
		}
		if j >= 0 {
			lb = b[:j]
		}
		if !bytes.Equal(la, lb) {
			break
		}
		head++
		if i < 0 || j < 0 {
			return head, 0 // one text has no line left
		}
		a, b = a[i+1:], b[j+1:]
	}
	for {
		i, j := bytes.LastIndexByte(a, '\n'), bytes.LastIndexByte(b, '\n')
		if !bytes.Equal(a[i+1:], b[j+1:]) {
			return head, tail
		}
		tail++
		if i < 0 || j < 0 {
			return head, tail
		}
		a, b = a[:i], b[:j]
	}
}

// mapLines aligns rendered lines with source lines. A shortest edit script
// between the two finds the lines kept verbatim (templates mostly keep, drop
// or repeat lines); any other rendered line belongs to the first source line
// after the last kept one that is not a pure template action, which is the
// line whose actions produced it.
func mapLines(src, out []byte) ([]int, []bool) {
	s, o := splitLines(src), splitLines(out)
	// The edit script compares lines by a hash of their text; a match is
	// then checked on the text itself, so that a collision only costs a
	// match, never makes a wrong one.
	match := make([]int, len(o))
	for i := range match {
		match[i] = -1
	}
	for _, e := range linediff.Diff(lineHashes(s), lineHashes(o)) {
		if e.Op == linediff.Equal && len(bytes.TrimSpace(o[e.B])) > 0 && bytes.Equal(s[e.A], o[e.B]) {
			match[e.B] = e.A
		}
	}
	pure := make([]bool, len(s))
	for k, line := range s {
		pure[k] = pureAction(line)
	}
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
		for k+1 < len(s) && pure[k] {
			k++
		}
		m[i] = min(k, len(s)-1) + 1
	}
	return m, exact
}

// splitLines is bytes.Split(b, "\n") without a copy of the lines' text.
func splitLines(b []byte) [][]byte {
	lines := make([][]byte, 0, bytes.Count(b, []byte("\n"))+1)
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return append(lines, b)
		}
		lines = append(lines, b[:i:i])
		b = b[i+1:]
	}
}

// lineHashes is the 64-bit FNV-1a hash of each line.
func lineHashes(lines [][]byte) []uint64 {
	out := make([]uint64, len(lines))
	for i, line := range lines {
		h := uint64(14695981039346656037)
		for _, c := range line {
			h ^= uint64(c)
			h *= 1099511628211
		}
		out[i] = h
	}
	return out
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
