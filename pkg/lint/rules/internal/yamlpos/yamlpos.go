// Package yamlpos places a YAML syntax error on the character to fix.
//
// yaml.v3 gives a line and no column, and reports some errors ("did not find
// expected key", a tab in the indentation) at the line where the enclosing
// block starts. Every rule that reports a parse error (raw or rendered)
// locates it here, so they all point at the same place.
package yamlpos

import (
	"bytes"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"gopkg.in/yaml.v3"
)

// Locate returns the 1-based line and column of e in data.
func Locate(data []byte, e *catalog.YAMLError) (line, col int) {
	line = Line(data, e)
	return line, Column(lineText(data, line), e.Msg)
}

// Line refines the line of e: the first line from e.Line on whose inclusion
// makes the text fail with the same message.
func Line(data []byte, e *catalog.YAMLError) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	if e.Line < 1 || e.Line > len(lines) {
		return e.Line
	}
	prefix := bytes.Join(lines[:e.Line-1], nil)
	for k := e.Line; k <= len(lines) && k < e.Line+200; k++ {
		prefix = append(prefix, lines[k-1]...)
		var n yaml.Node
		err := yaml.Unmarshal(prefix, &n)
		if err != nil && strings.HasSuffix(err.Error(), ": "+e.Msg) {
			return k
		}
		if k == e.Line && err != nil && strings.Contains(err.Error(), "unexpected end of stream") {
			// A quoted scalar opened on e.Line runs on: the quote is the
			// thing to fix.
			return e.Line
		}
	}
	return e.Line
}

// Column guesses the column of an error with message msg on the line text:
// the tab for a tab, the second `: ` for "mapping values are not allowed",
// else the line's first character.
func Column(text, msg string) int {
	first := len(text) - len(strings.TrimLeft(text, " \t"))
	switch {
	case strings.Contains(msg, "cannot start any token") || strings.Contains(msg, "tab"):
		if i := strings.IndexByte(text[:first], '\t'); i >= 0 {
			return i + 1
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		if i := mappingColon(text, 2); i >= 0 {
			return i + 1
		}
	}
	if first >= len(text) {
		return 1
	}
	return first + 1
}

// mappingColon returns the byte offset of the nth colon that ends a key (a
// colon followed by a space or the end of the line), or -1.
func mappingColon(text string, nth int) int {
	for i := 0; i < len(text); i++ {
		if text[i] == '#' && (i == 0 || text[i-1] == ' ') {
			break
		}
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t') {
			nth--
			if nth == 0 {
				return i
			}
		}
	}
	return -1
}

func lineText(data []byte, n int) string {
	for i := 1; len(data) > 0; i++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if i == n {
			return string(bytes.TrimRight(line, "\r"))
		}
		data = rest
	}
	return ""
}
