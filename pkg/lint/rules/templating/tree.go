package templating

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
	"github.com/catalogen/catalogen/pkg/rancher/version"
	"github.com/catalogen/catalogen/pkg/spelling"
)

// templatedFiles returns the compose files Rancher's executor runs through
// Go templating for v: the files the UI sends (the .tpl when present), unless
// they opt out with `# notemplating`. The model renders exactly these.
func templatedFiles(v *catalog.Version) []*catalog.File {
	var out []*catalog.File
	for _, f := range []*catalog.File{v.ComposeFile(), v.RancherComposeFile()} {
		if f != nil && f.Rendered != nil && f.Rendered.Templated {
			out = append(out, f)
		}
	}
	return out
}

// parseTrees returns the template trees the model parsed for f (the file
// itself and any {{define}} blocks, catalog.File.Trees), or nil when f is
// not templated or does not parse (T001 reports that). The T rules walk
// them for comparisons (T006), printed answers (T007), host functions
// (T008) and missing values (T009); nothing is parsed again.
func parseTrees(f *catalog.File) []*parse.Tree {
	if f == nil || f.Data == nil || f.Rendered == nil || !f.Rendered.Templated || f.Rendered.ParseErr != nil {
		return nil
	}
	return f.Trees()
}

// inspect calls fn for every node of the trees, parents before children.
func inspect(trees []*parse.Tree, fn func(parse.Node)) {
	for _, t := range trees {
		walkNode(t.Root, fn, 0)
	}
}

func walkNode(n parse.Node, fn func(parse.Node), depth int) {
	if n == nil || depth > 1000 {
		return
	}
	fn(n)
	depth++
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkNode(c, fn, depth)
			}
		}
	case *parse.ActionNode:
		walkPipe(n.Pipe, fn, depth)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn, depth)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn, depth)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn, depth)
	case *parse.TemplateNode:
		walkPipe(n.Pipe, fn, depth)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkNode(c, fn, depth)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNode(a, fn, depth)
		}
	case *parse.ChainNode:
		walkNode(n.Node, fn, depth)
	}
}

func walkPipe(p *parse.PipeNode, fn func(parse.Node), depth int) {
	if p != nil {
		walkNode(p, fn, depth)
	}
}

func walkBranch(b *parse.BranchNode, fn func(parse.Node), depth int) {
	walkPipe(b.Pipe, fn, depth)
	if b.List != nil {
		walkNode(b.List, fn, depth)
	}
	if b.ElseList != nil {
		walkNode(b.ElseList, fn, depth)
	}
}

// valuesRef returns X when n reads `.Values.X` or `$.Values.X`.
func valuesRef(n parse.Node) (string, bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		if len(n.Ident) >= 2 && n.Ident[0] == "Values" {
			return n.Ident[1], true
		}
	case *parse.VariableNode:
		if len(n.Ident) >= 3 && n.Ident[0] == "$" && n.Ident[1] == "Values" {
			return n.Ident[2], true
		}
	}
	return "", false
}

// valuesIndex returns X for the command `index .Values "X"`.
func valuesIndex(c *parse.CommandNode) (string, parse.Node, bool) {
	if len(c.Args) != 3 {
		return "", nil, false
	}
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || id.Ident != "index" {
		return "", nil, false
	}
	if !isValuesMap(c.Args[1]) {
		return "", nil, false
	}
	s, ok := c.Args[2].(*parse.StringNode)
	if !ok {
		return "", nil, false
	}
	return s.Text, s, true
}

func isValuesMap(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return len(n.Ident) == 1 && n.Ident[0] == "Values"
	case *parse.VariableNode:
		return len(n.Ident) == 2 && n.Ident[0] == "$" && n.Ident[1] == "Values"
	}
	return false
}

// offsetPos is the source position of a byte offset of f's text.
func offsetPos(f *catalog.File, off int) catalog.Pos {
	if off < 0 || off > len(f.Data) {
		return catalog.FilePos(f)
	}
	line := 1 + bytes.Count(f.Data[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(f.Data[:off], '\n') + 1) + 1
	return catalog.LinePos(f, line, col)
}

// nodePos is the source position of a parse-tree node of f. The parser
// places a field chain at its last link (`.X` of `.Values.X`) and
// `$.Values.X` at `.Values`; step back to where the expression starts.
func nodePos(f *catalog.File, n parse.Node) catalog.Pos {
	off := int(n.Position())
	switch n := n.(type) {
	case *parse.FieldNode:
		if len(n.Ident) >= 2 {
			off -= len(n.Ident[0]) + 1
		}
	case *parse.VariableNode:
		if len(n.Ident) >= 2 && n.Ident[0] == "$" {
			off--
		}
	}
	if off < 0 || off >= len(f.Data) || f.Data[off] != '.' && f.Data[off] != '$' {
		off = int(n.Position())
	}
	return offsetPos(f, off)
}

var (
	startedAtRe  = regexp.MustCompile(`unclosed action started at [^:\n]*:(\d+)`)
	notDefinedRe = regexp.MustCompile(`function "([^"]+)" not defined`)
)

// errorPos places a template error on its source line, at the most telling
// column that the message allows.
func errorPos(f *catalog.File, err error) (catalog.Pos, string) {
	line, col, msg, ok := tmpl.ErrorLine(err)
	if !ok {
		return catalog.FilePos(f), strings.TrimPrefix(err.Error(), "template: ")
	}
	if col > 0 {
		col++ // text/template counts bytes from 0; 0 means no column
	}
	if m := startedAtRe.FindStringSubmatch(msg); m != nil {
		// Point at the action that never closes, not at the end of the file.
		line, _ = strconv.Atoi(m[1])
		col = 0
	}
	if strings.HasSuffix(msg, "unexpected EOF") {
		// An {{if}}, {{range}} or {{with}} without its {{end}}: point at
		// where the block opens.
		if off, ok := unclosedBlock(f.Data); ok {
			pos := offsetPos(f, off)
			return pos, msg + fmt.Sprintf(" (the block opened at line %d has no {{end}})", pos.Line)
		}
	}
	if line < 1 {
		return catalog.FilePos(f), msg
	}
	if col == 0 {
		text := f.Line(line)
		col = 1
		if m := notDefinedRe.FindStringSubmatch(msg); m != nil {
			if i := strings.Index(text, "{{"+m[1]); i >= 0 {
				col = i + 1
			} else if i := strings.Index(text, m[1]); i >= 0 {
				col = i + 1
			}
		} else if i := strings.Index(text, "{{"); i >= 0 {
			col = i + 1
		}
	}
	return catalog.LinePos(f, line, col), msg
}

// firstAction is the position of the first `{{` of f.
func firstAction(f *catalog.File) catalog.Pos {
	if i := bytes.Index(f.Data, []byte("{{")); i >= 0 {
		return offsetPos(f, i)
	}
	return catalog.FilePos(f)
}

// clip shortens s for a message.
func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// similarQuestion finds the declared question a misspelt name most likely
// means (spelling.Closest over the question variables).
func similarQuestion(info *catalog.Info, name string) string {
	if info == nil || name == "" {
		return ""
	}
	vars := make([]string, 0, len(info.Questions))
	for _, q := range info.Questions {
		if q.Variable != "" {
			vars = append(vars, q.Variable)
		}
	}
	return spelling.Closest(name, vars)
}

// firstTemplating is the first Rancher release whose catalog templates compose
// files (rancher-compose-executor's template.Apply). A version capped below
// it with maximum_rancher_version is never listed by a Rancher that would
// template it, so template failures there break nothing.
const firstTemplating = "v1.6.0"

// templatingSeverity is sev, or Info with the cap when v is never templated.
func templatingSeverity(v *catalog.Version, sev lint.Severity) (lint.Severity, string) {
	if v.Catalog == nil {
		return sev, ""
	}
	if max := v.Catalog.MaximumRancherVersion; max != "" && version.GreaterThan(firstTemplating, max) {
		return lint.Info, fmt.Sprintf(" (info only: maximum_rancher_version %s is below %s, the first Rancher that templates compose files, so no Rancher that lists this version templates it)", max, firstTemplating)
	}
	return sev, ""
}

// unclosedBlock returns the offset of the innermost {{if}}, {{range}},
// {{with}}, {{define}} or {{block}} that no {{end}} closes, reading the
// actions of data as text/template delimits them.
func unclosedBlock(data []byte) (int, bool) {
	var open []int
	for i := 0; i < len(data); {
		start := bytes.Index(data[i:], []byte("{{"))
		if start < 0 {
			break
		}
		start += i
		end := bytes.Index(data[start+2:], []byte("}}"))
		if end < 0 {
			break
		}
		end += start + 2
		body := strings.TrimSpace(strings.Trim(string(data[start+2:end]), "-"))
		word, _, _ := strings.Cut(body, " ")
		switch word {
		case "if", "range", "with", "define", "block":
			open = append(open, start)
		case "end":
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
		i = end + 2
	}
	if len(open) == 0 {
		return 0, false
	}
	return open[len(open)-1], true
}
