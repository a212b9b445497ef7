package catalog

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
	"gopkg.in/yaml.v3"
)

// File is one file of the catalog.
type File struct {
	Path string // slash path relative to the catalog root
	Name string // base name
	Data []byte // contents (nil when ReadErr is set)

	// ReadErr is set when the file could not be read or was refused
	// (too large, binary, not a regular file).
	ReadErr error

	// Doc is the raw YAML mapping/sequence/scalar of the first document, for
	// the files that Rancher YAML-parses before templating (config.yml,
	// rancher-compose.yml, docker-compose.yml). Nil when not parsed or invalid.
	Doc *yaml.Node
	// ParseErr is the raw YAML parse error, if any.
	ParseErr *YAMLError

	// Rendered is the file as Rancher's executor sees it after Go templating,
	// for docker-compose and rancher-compose files.
	Rendered *Rendered

	Suppressions []Suppression

	lineStarts []int

	treesOnce sync.Once
	trees     []*parse.Tree

	valueRefsOnce sync.Once
	valueRefs     []tmpl.ValueRef
	valueRefsErr  error
}

// Trees returns the Go template parse trees of the file's source (nil when
// it does not parse), parsed once and shared by every rule that asks.
func (f *File) Trees() []*parse.Tree {
	f.treesOnce.Do(func() {
		if f.Data != nil {
			f.trees, _ = tmpl.ParseTrees(f.Name, f.Data)
		}
	})
	return f.trees
}

// ValueRefs lists the `.Values.X` references of the file's template source,
// parsed once and shared by every rule that asks.
func (f *File) ValueRefs() ([]tmpl.ValueRef, error) {
	f.valueRefsOnce.Do(func() {
		if trees := f.Trees(); trees != nil {
			f.valueRefs = tmpl.RefsInTrees(trees, f.Data)
		} else {
			_, f.valueRefsErr = tmpl.ParseTrees(f.Name, f.Data)
		}
	})
	return f.valueRefs, f.valueRefsErr
}

// YAMLError is a YAML syntax error with its position.
type YAMLError struct {
	Line, Col int
	Msg       string
}

func (e *YAMLError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Line returns the text of the 1-based source line n, without its newline.
func (f *File) Line(n int) string {
	if f.Data == nil || n < 1 {
		return ""
	}
	if f.lineStarts == nil {
		f.lineStarts = lineStarts(f.Data)
	}
	if n > len(f.lineStarts) {
		return ""
	}
	start := f.lineStarts[n-1]
	end := len(f.Data)
	if n < len(f.lineStarts) {
		end = f.lineStarts[n] - 1
	} else if end > start && f.Data[end-1] == '\n' {
		end--
	}
	return strings.TrimRight(string(f.Data[start:end]), "\r")
}

func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	if len(b) > 0 && b[len(b)-1] == '\n' {
		starts = starts[:len(starts)-1]
	}
	return starts
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML decodes the first YAML document of data into a node tree. Aliases
// are kept as alias nodes and never expanded, so alias bombs cost nothing.
func parseYAML(data []byte) (*yaml.Node, *YAMLError) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return nil, nil // empty document
		}
		return nil, toYAMLError(err)
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		return doc.Content[0], nil
	}
	return nil, nil
}

func toYAMLError(err error) *YAMLError {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLineRe.FindStringSubmatch("yaml: " + msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &YAMLError{Line: line, Col: 1, Msg: m[2]}
	}
	return &YAMLError{Msg: msg}
}
