package tmpl

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"
)

// StackInfo is what `.Stack` and its alias `.Release` hold.
type StackInfo struct {
	Name, Version, PreviousVersion string
}

// Data is the template context. Values holds answers merged over question
// defaults; Rancher turns every answer into a string, booleans included.
type Data struct {
	Values      map[string]string
	Stack       StackInfo
	Release     StackInfo
	Environment struct{ Name string }
}

// context is the value templates run on. Rancher passes a map, not a
// struct, so an unknown top-level field (`.Foo`) prints `<no value>`
// instead of failing.
func (d Data) context() map[string]any {
	values := d.Values
	if values == nil {
		values = map[string]string{}
	}
	return map[string]any{
		"Values":      values,
		"Stack":       d.Stack,
		"Release":     d.Release,
		"Environment": d.Environment,
	}
}

// NoTemplating reports whether the executor leaves content untouched: the
// content, trimmed, starts with `#notemplating` or `# notemplating`.
func NoTemplating(content []byte) bool {
	t := bytes.TrimSpace(content)
	return bytes.HasPrefix(t, []byte("#notemplating")) || bytes.HasPrefix(t, []byte("# notemplating"))
}

// Render runs content as a template the way the executor does, with
// FuncMap. It does not look at NoTemplating; callers decide. A parse error
// means nothing renders. An execution error is returned with the output
// written before it: Rancher ignores the error and deploys that truncated
// output. Errors carry the template name and the line in content (see
// ErrorLine).
func Render(name string, content []byte, data Data) (out []byte, parseErr error, execErr error) {
	// Adding sprig's ~200 functions to a template is most of the cost of a
	// small render: do it once and clone the empty template.
	baseOnce.Do(func() { base = template.New("").Funcs(bounded(FuncMap())) })
	root, err := base.Clone()
	if err != nil {
		return nil, err, nil
	}
	return execute(name, root.New(name), content, data)
}

var (
	baseOnce sync.Once
	base     *template.Template
)

// RenderWith is Render with another function map, e.g. HermeticFuncMap.
func RenderWith(name string, content []byte, data Data, funcs template.FuncMap) (out []byte, parseErr error, execErr error) {
	return execute(name, template.New(name).Funcs(bounded(copyFuncs(funcs))), content, data)
}

func execute(name string, t *template.Template, content []byte, data Data) (out []byte, parseErr error, execErr error) {
	t, err := t.Parse(string(content))
	if err != nil {
		return nil, err, nil
	}
	buf := &cappedBuffer{max: MaxOutput}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- fmt.Errorf("template function panicked: %v", v)
			}
		}()
		done <- t.Execute(buf, data.context())
	}()
	timer := time.NewTimer(MaxDuration)
	defer timer.Stop()
	select {
	case execErr = <-done:
		return buf.buf, nil, execErr
	case <-timer.C:
		// text/template cannot be cancelled; the execution is abandoned and
		// its goroutine ends with the process.
		return nil, nil, fmt.Errorf("template: %s: execution did not finish within %s", name, MaxDuration)
	}
}

// text/template formats parse errors as `template: NAME:LINE: MSG` and
// execution errors as `template: NAME:LINE:COL: executing "NAME" at <X>: MSG`.
var errorRe = regexp.MustCompile(`(?s)^template: .*?:(\d+):(?:(\d+):)? (.*)$`)

// ErrorLine extracts the position and the bare message from a
// text/template parse or execution error. col is 0 when the error has none
// (parse errors). For execution errors msg keeps the failing action, e.g.
// `<eq .Values.X true>: error calling eq: incompatible types for comparison`.
func ErrorLine(err error) (line, col int, msg string, ok bool) {
	if err == nil {
		return 0, 0, "", false
	}
	m := errorRe.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, 0, "", false
	}
	line, _ = strconv.Atoi(m[1])
	if m[2] != "" {
		col, _ = strconv.Atoi(m[2])
	}
	msg = m[3]
	if rest, found := strings.CutPrefix(msg, "executing "); found {
		if i := strings.Index(rest, " at <"); i >= 0 {
			msg = rest[i+len(" at "):]
		}
	}
	return line, col, msg, true
}

func copyFuncs(m template.FuncMap) template.FuncMap {
	out := make(template.FuncMap, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
