package render

import (
	"text/template"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

// valuesRefs returns the answers a Rancher-side template reads: `.Values.X`,
// `$.Values.X` and `index .Values "X"` in its actions. It walks the parsed
// template, so text that only looks like a reference (in a YAML value, or
// escaped as {{`{{`}}) does not count.
func valuesRefs(name string, content []byte) ([]string, error) {
	t, err := template.New(name).Funcs(tmpl.FuncMap()).Parse(string(content))
	if err != nil {
		return nil, err
	}
	var refs []string
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			walkActions(tt.Tree.Root, func(name string) { refs = append(refs, name) })
		}
	}
	return refs, nil
}

func walkActions(n parse.Node, found func(string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkActions(c, found)
			}
		}
	case *parse.ActionNode:
		walkActions(n.Pipe, found)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, found)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, found)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, found)
	case *parse.TemplateNode:
		walkActions(n.Pipe, found)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkActions(c, found)
			}
		}
	case *parse.CommandNode:
		if len(n.Args) == 3 {
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "index" && isValues(n.Args[1]) {
				if s, ok := n.Args[2].(*parse.StringNode); ok {
					found(s.Text)
				}
			}
		}
		for _, a := range n.Args {
			walkActions(a, found)
		}
	case *parse.FieldNode:
		if len(n.Ident) >= 2 && n.Ident[0] == "Values" {
			found(n.Ident[1])
		}
	case *parse.VariableNode:
		if len(n.Ident) >= 3 && n.Ident[0] == "$" && n.Ident[1] == "Values" {
			found(n.Ident[2])
		}
	case *parse.ChainNode:
		walkActions(n.Node, found)
	}
}

func walkBranch(b *parse.BranchNode, found func(string)) {
	walkActions(b.Pipe, found)
	walkActions(b.List, found)
	walkActions(b.ElseList, found)
}

func isValues(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return len(n.Ident) == 1 && n.Ident[0] == "Values"
	case *parse.VariableNode:
		return len(n.Ident) == 2 && n.Ident[0] == "$" && n.Ident[1] == "Values"
	}
	return false
}
