package catalog

import (
	"bytes"

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
	sourceLines []int // rendered line (0-based) -> source line (1-based)
}

// SourceLine maps a 1-based line of the rendered text to the source line that
// produced it: lines kept verbatim map exactly, lines produced by a template
// action map to that action's line.
func (r *Rendered) SourceLine(line int) int {
	if r == nil || r.sourceLines == nil || line < 1 {
		return line
	}
	if line > len(r.sourceLines) {
		return r.sourceLines[len(r.sourceLines)-1]
	}
	return r.sourceLines[line-1]
}

// mapLines aligns rendered lines with source lines. Templates mostly keep
// lines verbatim, drop lines (false branches) or repeat them (ranges), so a
// greedy forward match with a bounded look-ahead finds the verbatim lines; any
// other line belongs to the nearest source line not yet passed.
func mapLines(src, out []byte) []int {
	s := bytes.Split(src, []byte("\n"))
	o := bytes.Split(out, []byte("\n"))
	const lookahead = 400
	m := make([]int, len(o))
	j := 0
	for i, line := range o {
		found := -1
		if len(bytes.TrimSpace(line)) > 0 {
			for k := j; k < len(s) && k < j+lookahead; k++ {
				if bytes.Equal(s[k], line) {
					found = k
					break
				}
			}
		}
		if found >= 0 {
			m[i] = found + 1
			j = found + 1
			continue
		}
		k := j
		for k+1 < len(s) && pureAction(s[k]) {
			k++
		}
		if k < len(s) {
			m[i] = k + 1
		} else {
			m[i] = len(s)
		}
	}
	return m
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
