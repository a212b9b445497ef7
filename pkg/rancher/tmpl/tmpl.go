package tmpl

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
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
	out, _, parseErr, execErr = render(name, content, data, false)
	return out, parseErr, execErr
}

// RenderTrees is Render that also returns the parse trees of content, as
// ParseTrees gives them (sorted by name, without the limits' instrumentation),
// from the same parse: a caller that analyses the template too parses it
// once. The trees are nil when content does not parse.
func RenderTrees(name string, content []byte, data Data) (out []byte, trees []*parse.Tree, parseErr error, execErr error) {
	return render(name, content, data, true)
}

func render(name string, content []byte, data Data, wantTrees bool) (out []byte, trees []*parse.Tree, parseErr error, execErr error) {
	if err := CheckSource(name, content); err != nil {
		return nil, nil, err, nil
	}
	r := getRenderer()
	// text/template.Parse is parse.Parse followed by AddParseTree; doing it
	// here gives the tree set of this content alone, whatever the renderer
	// parsed before.
	set, err := parse.Parse(name, string(content), "", "", r.funcs, builtinNames)
	if err != nil {
		putRenderer(r)
		return nil, nil, clipError(err), nil
	}
	if wantTrees {
		trees = sortedTrees(set)
	}
	var t *template.Template
	if main := set[name]; len(set) == 1 && main != nil && !callsTemplate(main.Root) {
		// Only the main template runs, and it looks no template up by
		// name, so the templates earlier renders left in r.shared cannot
		// be reached: no need for a clone of sprig's ~200 functions.
		t = r.shared.New(name)
		r.left[name] = true
	} else {
		root, err := r.clean.Clone()
		if err != nil {
			putRenderer(r)
			return nil, nil, err, nil
		}
		t = root.New(name)
	}
	for n, tr := range set {
		if wantTrees {
			// Analysis keeps the parse as written; the budget's
			// checkpoints go into a copy.
			tr = spine(tr)
		}
		if _, err := t.AddParseTree(n, tr); err != nil {
			putRenderer(r)
			return nil, nil, clipError(err), nil
		}
		Instrument(tr)
	}
	out, execErr = executeParsed(name, t, r.budget, content, data)
	putRenderer(r)
	return out, trees, nil, execErr
}

// builtinNames are text/template's predefined functions, which a template
// may call without a FuncMap entry (parse.Parse needs them to check names).
var builtinNames = map[string]any{
	"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true,
	"len": true, "not": true, "or": true, "print": true, "printf": true, "println": true,
	"urlquery": true, "eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true,
}

// sortedTrees lists a parse's trees by name, leaving out those without a
// body, as ParseTrees does.
func sortedTrees(set map[string]*parse.Tree) []*parse.Tree {
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	trees := make([]*parse.Tree, 0, len(names))
	for _, n := range names {
		if set[n] != nil && set[n].Root != nil {
			trees = append(trees, set[n])
		}
	}
	return trees
}

// callsTemplate reports whether a list holds a `{{ template }}` (or
// `{{ block }}`) action anywhere.
func callsTemplate(l *parse.ListNode) bool {
	if l == nil {
		return false
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TemplateNode:
			return true
		case *parse.IfNode:
			if callsTemplate(n.List) || callsTemplate(n.ElseList) {
				return true
			}
		case *parse.WithNode:
			if callsTemplate(n.List) || callsTemplate(n.ElseList) {
				return true
			}
		case *parse.RangeNode:
			if callsTemplate(n.List) || callsTemplate(n.ElseList) {
				return true
			}
		case *parse.ListNode:
			if callsTemplate(n) {
				return true
			}
		}
	}
	return false
}

// renderer is a budget with a template whose functions check it; one
// render uses it at a time.
type renderer struct {
	budget *Budget
	funcs  template.FuncMap
	// clean is never parsed into: renders that define or call templates
	// run on a clone of it.
	clean *template.Template
	// shared receives the other renders, whose main templates stay in its
	// name table (left) until the renderer is dropped.
	shared *template.Template
	left   map[string]bool
}

// maxLeftNames bounds the templates a renderer keeps from earlier renders
// (each holds its tree); a renderer past it is dropped.
const maxLeftNames = 16

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
	funcs := b.Funcs(SafeFuncMap())
	return &renderer{budget: b, funcs: funcs, clean: template.New("").Funcs(funcs), shared: template.New("").Funcs(funcs), left: map[string]bool{}}
}

func putRenderer(r *renderer) {
	if len(r.left) > maxLeftNames {
		return
	}
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
	out, execErr = executeParsed(name, t, b, content, data)
	return out, nil, execErr
}

// executeParsed runs an instrumented template within the budget.
func executeParsed(name string, t *template.Template, b *Budget, content []byte, data Data) (out []byte, execErr error) {
	var buf bytes.Buffer
	b.Start()
	defer b.Stop()
	execErr = executeSafely(t, b.Writer(&buf), data.context())
	if execErr != nil && !strings.HasPrefix(execErr.Error(), "template: ") {
		// Errors of the writer come back bare; name the template. The
		// line is the output's, as the failing action is not known.
		execErr = fmt.Errorf("template: %s:%d: %w", name, lineAt(content, 0), execErr)
	}
	return buf.Bytes(), clipError(execErr)
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
