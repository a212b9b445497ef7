package tmpl

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
	"time"
)

// Rendering limits. Rancher itself has none, but a linter reading untrusted
// catalogs must never hang or exhaust memory on a hostile template: beyond
// these, rendering stops with an execution error (as Rancher would, much
// later, by running out of memory).
const (
	MaxOutput   = 8 << 20         // bytes of rendered text
	MaxSequence = 100_000         // elements built by until/untilStep/seq
	MaxRepeat   = 1 << 20         // bytes built by repeat/indent/nindent/rand*
	MaxDuration = 5 * time.Second // wall time of one execution
)

// ErrOutputLimit is returned when the rendered text outgrows MaxOutput.
var ErrOutputLimit = fmt.Errorf("rendered output exceeds %d MiB", MaxOutput>>20)

// cappedBuffer stops the template with an error once it holds max bytes.
type cappedBuffer struct {
	buf []byte
	max int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if len(c.buf)+len(p) > c.max {
		return 0, ErrOutputLimit
	}
	c.buf = append(c.buf, p...)
	return len(p), nil
}

// bounded wraps sprig's functions whose cost grows with an argument.
func bounded(m template.FuncMap) template.FuncMap {
	if f, ok := m["until"].(func(int) []int); ok {
		m["until"] = func(n int) ([]int, error) {
			if n > MaxSequence || n < -MaxSequence {
				return nil, fmt.Errorf("until %d: more than %d elements", n, MaxSequence)
			}
			return f(n), nil
		}
	}
	if f, ok := m["untilStep"].(func(int, int, int) []int); ok {
		m["untilStep"] = func(start, stop, step int) ([]int, error) {
			if step == 0 || span(start, stop)/abs(step) > MaxSequence {
				return nil, fmt.Errorf("untilStep %d %d %d: more than %d elements", start, stop, step, MaxSequence)
			}
			return f(start, stop, step), nil
		}
	}
	if f, ok := m["seq"].(func(...int) string); ok {
		m["seq"] = func(p ...int) (string, error) {
			if len(p) > 0 && abs(p[len(p)-1]) > MaxSequence || len(p) > 1 && span(p[0], p[len(p)-1]) > MaxSequence {
				return "", fmt.Errorf("seq: more than %d elements", MaxSequence)
			}
			return f(p...), nil
		}
	}
	if f, ok := m["repeat"].(func(int, string) string); ok {
		m["repeat"] = func(n int, s string) (string, error) {
			if n < 0 || n > 0 && len(s) > MaxRepeat/n {
				return "", errors.New("repeat: result too large")
			}
			return f(n, s), nil
		}
	}
	for _, name := range []string{"indent", "nindent"} {
		if f, ok := m[name].(func(int, string) string); ok {
			m[name] = func(n int, s string) (string, error) {
				if n < 0 || n > MaxRepeat/(strings.Count(s, "\n")+1) {
					return "", fmt.Errorf("%s %d: result too large", name, n)
				}
				return f(n, s), nil
			}
		}
	}
	for _, name := range []string{"randAlphaNum", "randAlpha", "randNumeric", "randAscii"} {
		if f, ok := m[name].(func(int) string); ok {
			m[name] = func(n int) (string, error) {
				if n < 0 || n > MaxRepeat {
					return "", fmt.Errorf("%s %d: result too large", name, n)
				}
				return f(n), nil
			}
		}
	}
	return m
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func span(a, b int) int { return abs(b - a) }
