// Package tmpl renders compose files the way Rancher 1.6's executor does:
// text/template with sprig's functions plus splitPreserveQuotes, `.Values` as
// strings, `.Stack`/`.Release`/`.Environment`, and execution errors that
// silently truncate the output.
package tmpl

import (
	"bytes"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// StackInfo is what `.Stack` and `.Release` hold.
type StackInfo struct {
	Name, Version, PreviousVersion string
}

// Data is the template context.
type Data struct {
	Values      map[string]string
	Stack       StackInfo
	Release     StackInfo
	Environment struct{ Name string }
}

// FuncMap returns sprig's text functions plus splitPreserveQuotes.
func FuncMap() template.FuncMap {
	fm := sprig.TxtFuncMap()
	fm["splitPreserveQuotes"] = SplitPreserveQuotes
	return fm
}

// NoTemplating reports whether the file opts out of templating: its first
// non-blank line starts with `#notemplating` or `# notemplating`.
func NoTemplating(content []byte) bool {
	for _, line := range bytes.Split(content, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			continue
		}
		return bytes.HasPrefix(t, []byte("#notemplating")) || bytes.HasPrefix(t, []byte("# notemplating"))
	}
	return false
}

// Render executes content as Rancher does. A parse error renders nothing;
// an execution error keeps the output up to the failing action, as Rancher
// ignores it.
func Render(name string, content []byte, data Data) (out []byte, parseErr, execErr error) {
	t, err := template.New(name).Funcs(FuncMap()).Parse(string(content))
	if err != nil {
		return nil, err, nil
	}
	var buf bytes.Buffer
	execErr = t.Execute(&buf, data)
	return buf.Bytes(), nil, execErr
}

// SplitPreserveQuotes splits on whitespace outside single or double quotes:
// `--a --b='c d'` gives [`--a`, `--b='c d'`].
func SplitPreserveQuotes(s string) []string {
	var out []string
	var cur strings.Builder
	var quote rune
	inField := false
	for _, r := range s {
		switch {
		case quote != 0:
			cur.WriteRune(r)
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
			cur.WriteRune(r)
			inField = true
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if inField {
				out = append(out, cur.String())
				cur.Reset()
				inField = false
			}
		default:
			cur.WriteRune(r)
			inField = true
		}
	}
	if inField {
		out = append(out, cur.String())
	}
	return out
}
