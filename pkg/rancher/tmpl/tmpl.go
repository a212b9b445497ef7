package tmpl

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"
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
// SafeFuncMap (Rancher's functions, minus anything that reads the host)
// and within the limits of limits.go. It does not look at NoTemplating;
// callers decide. A parse error means nothing renders. An execution error
// is returned with the output written before it: Rancher ignores the error
// and deploys that truncated output. Errors carry the template name and
// the line in content (see ErrorLine).
func Render(name string, content []byte, data Data) (out []byte, parseErr error, execErr error) {
	r := getRenderer()
	defer putRenderer(r)
	// Adding sprig's ~200 functions to a template is most of the cost of a
	// small render: each renderer does it once and clones the empty
	// template.
	root, err := r.base.Clone()
	if err != nil {
		return nil, err, nil
	}
	return execute(name, root.New(name), r.budget, content, data)
}

// renderer is a budget with a template whose functions check it; one
// render uses it at a time.
type renderer struct {
	budget *Budget
	base   *template.Template
}

var (
	renderersMu sync.Mutex
	renderers   []*renderer
)

func getRenderer() *renderer {
	renderersMu.Lock()
	defer renderersMu.Unlock()
	if n := len(renderers); n > 0 {
		r := renderers[n-1]
		renderers = renderers[:n-1]
		return r
	}
	b := NewBudget()
	return &renderer{budget: b, base: template.New("").Funcs(b.Funcs(SafeFuncMap()))}
}

func putRenderer(r *renderer) {
	renderersMu.Lock()
	renderers = append(renderers, r)
	renderersMu.Unlock()
}

// RenderWith is Render with another function map, e.g. HermeticFuncMap.
func RenderWith(name string, content []byte, data Data, funcs template.FuncMap) (out []byte, parseErr error, execErr error) {
	b := NewBudget()
	return execute(name, template.New(name).Funcs(b.Funcs(funcs)), b, content, data)
}

func execute(name string, t *template.Template, b *Budget, content []byte, data Data) (out []byte, parseErr error, execErr error) {
	if err := CheckSource(name, content); err != nil {
		return nil, err, nil
	}
	t, err := t.Parse(string(content))
	if err != nil {
		return nil, clipError(err), nil
	}
	for _, tt := range t.Templates() {
		Instrument(tt.Tree)
	}
	var buf bytes.Buffer
	b.Start()
	defer b.Stop()
	execErr = executeSafely(t, b.Writer(&buf), data.context())
	if execErr != nil && !strings.HasPrefix(execErr.Error(), "template: ") {
		// Errors of the writer come back bare; name the template. The
		// line is the output's, as the failing action is not known.
		execErr = fmt.Errorf("template: %s:%d: %w", name, lineAt(content, 0), execErr)
	}
	return buf.Bytes(), nil, clipError(execErr)
}

// MaxErrorContext bounds the text of the failing action that an error
// quotes (`at <…>`): an action can be megabytes long, and findings quote
// the error.
const MaxErrorContext = 120

// clipError shortens what an error quotes of the template, keeping the
// position prefix ErrorLine reads and errors.Is working.
func clipError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clipped := msg
	if i := strings.Index(clipped, " at <"); i >= 0 {
		if j := strings.Index(clipped[i:], ">: "); j > 0 {
			ctx := clipped[i+len(" at <") : i+j]
			if len(ctx) > MaxErrorContext {
				ctx = clipText(ctx, MaxErrorContext)
				clipped = clipped[:i+len(" at <")] + ctx + clipped[i+j:]
			}
		}
	}
	if len(clipped) > 4*MaxErrorContext+200 {
		clipped = clipText(clipped, 4*MaxErrorContext+200)
	}
	if clipped == msg {
		return err
	}
	return &clippedError{msg: clipped, err: err}
}

// clipText keeps the start and the end of s, n bytes in all, on rune
// boundaries.
func clipText(s string, n int) string {
	head, tail := n*2/3, n/3
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	start := len(s) - tail
	for start < len(s) && !utf8.RuneStart(s[start]) {
		start++
	}
	return s[:head] + " … " + s[start:]
}

type clippedError struct {
	msg string
	err error
}

func (e *clippedError) Error() string { return e.msg }
func (e *clippedError) Unwrap() error { return e.err }

// executeSafely turns a panic that escapes text/template (it re-raises
// runtime errors) into an execution error.
func executeSafely(t *template.Template, w *budgetWriter, data any) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("template function panicked: %v", v)
		}
	}()
	return t.Execute(w, data)
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
