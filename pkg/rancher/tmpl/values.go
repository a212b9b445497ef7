package tmpl

import (
	"bytes"
	"sort"
	"text/template/parse"
)

// ValueRef is one use of `.Values.NAME` in a template. Line and Col are
// 1-based; Col counts bytes.
type ValueRef struct {
	Name      string
	Line, Col int
}

// UsedValues lists every `.Values.NAME` access in content, in source order,
// so that a linter can flag names that are not questions (Rancher renders
// them as `<no value>`, and comparisons on them are silently false). It
// finds `.Values.X`, `$.Values.X` and `index .Values "X"` in every action,
// including if/range/with conditions and their else branches, template
// calls and `define`d templates. It does not follow `with .Values` or
// variables holding .Values.
func UsedValues(name string, content []byte) ([]ValueRef, error) {
	trees, err := ParseTrees(name, content)
	if err != nil {
		return nil, err
	}
	return RefsInTrees(trees, content), nil
}

// RefsInTrees lists the `.Values.X` references of already parsed trees of
// content.
func RefsInTrees(trees []*parse.Tree, content []byte) []ValueRef {
	w := walker{content: content}
	for _, t := range trees {
		w.node(t.Root)
	}
	sort.Slice(w.refs, func(i, j int) bool {
		a, b := w.refs[i], w.refs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Name < b.Name
	})
	return w.refs
}

type walker struct {
	content []byte
	refs    []ValueRef
}

func (w *walker) add(name string, pos parse.Pos) {
	p := int(pos)
	if p < 0 || p > len(w.content) {
		p = 0
	}
	line := 1 + bytes.Count(w.content[:p], []byte("\n"))
	col := p - bytes.LastIndexByte(w.content[:p], '\n')
	w.refs = append(w.refs, ValueRef{Name: name, Line: line, Col: col})
}

func (w *walker) node(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.node(c)
		}
	case *parse.ActionNode:
		w.node(n.Pipe)
	case *parse.IfNode:
		w.branch(&n.BranchNode)
	case *parse.RangeNode:
		w.branch(&n.BranchNode)
	case *parse.WithNode:
		w.branch(&n.BranchNode)
	case *parse.TemplateNode:
		w.node(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			w.node(c)
		}
	case *parse.CommandNode:
		w.command(n)
	// The parser positions a field chain at its second field (`.X` of
	// `.Values.X`) and `$.Values.X` at `.Values`; step back to where the
	// expression starts.
	case *parse.FieldNode:
		if len(n.Ident) >= 2 && n.Ident[0] == "Values" {
			w.add(n.Ident[1], n.Pos-parse.Pos(len(".Values")))
		}
	case *parse.VariableNode:
		if len(n.Ident) >= 3 && n.Ident[0] == "$" && n.Ident[1] == "Values" {
			w.add(n.Ident[2], n.Pos-1)
		}
	case *parse.ChainNode:
		// (.Values).X is positioned at .X.
		if isValues(n.Node) && len(n.Field) > 0 {
			w.add(n.Field[0], n.Pos)
		} else {
			w.node(n.Node)
		}
	}
}

func (w *walker) branch(b *parse.BranchNode) {
	w.node(b.Pipe)
	w.node(b.List)
	w.node(b.ElseList)
}

func (w *walker) command(c *parse.CommandNode) {
	// index .Values "X" names X as plainly as .Values.X does.
	if len(c.Args) >= 3 {
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "index" && isValues(c.Args[1]) {
			if s, ok := c.Args[2].(*parse.StringNode); ok {
				w.add(s.Text, id.Position())
			}
		}
	}
	for _, a := range c.Args {
		w.node(a)
	}
}

// isValues reports whether n is `.Values` or `$.Values`, possibly in
// parentheses.
func isValues(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return len(n.Ident) == 1 && n.Ident[0] == "Values"
	case *parse.VariableNode:
		return len(n.Ident) == 2 && n.Ident[0] == "$" && n.Ident[1] == "Values"
	case *parse.PipeNode:
		return len(n.Decl) == 0 && len(n.Cmds) == 1 && len(n.Cmds[0].Args) == 1 && isValues(n.Cmds[0].Args[0])
	}
	return false
}
