package tmpl

import (
	"bytes"
	"fmt"
	"text/template/parse"
)

// CheckSource refuses, before text/template sees it, a template that is
// larger than MaxSource, has more than MaxActions actions or nests control
// structures deeper than MaxNesting: the parser would build a huge tree or
// recurse until the stack overflows, which no error recovers from. The
// error reads like a text/template parse error (`template: NAME:LINE: …`),
// so ErrorLine finds the line.
func CheckSource(name string, src []byte) error {
	if len(src) > MaxSource {
		return fmt.Errorf("template: %s:1: the template is %d bytes, above the %d MiB limit", name, len(src), MaxSource>>20)
	}
	var stack []int // per open block: the levels it adds (else-if chains add one each)
	depth, actions := 0, 0
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			return nil
		}
		start := i + j
		actions++
		if actions > MaxActions {
			return fmt.Errorf("template: %s:%d: more than %d actions in one template", name, lineAt(src, start), MaxActions)
		}
		p := start + 2
		if p+1 < len(src) && src[p] == '-' && isSpace(src[p+1]) {
			p++
		}
		for p < len(src) && isSpace(src[p]) {
			p++
		}
		if bytes.HasPrefix(src[p:], []byte("/*")) {
			end := bytes.Index(src[p:], []byte("*/"))
			if end < 0 {
				return nil // the parser reports the unclosed comment
			}
			i = p + end + 2
			continue
		}
		word, p := readWord(src, p)
		switch word {
		case "if", "range", "with", "define", "block":
			stack = append(stack, 1)
			depth++
		case "else":
			for p < len(src) && isSpace(src[p]) {
				p++
			}
			if w, _ := readWord(src, p); (w == "if" || w == "with") && len(stack) > 0 {
				stack[len(stack)-1]++
				depth++
			}
		case "end":
			if len(stack) > 0 {
				depth -= stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		}
		if depth > MaxNesting {
			return fmt.Errorf("template: %s:%d: if/range/with/define/block (and else-if) nest deeper than %d levels", name, lineAt(src, start), MaxNesting)
		}
		i = skipAction(src, p)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func readWord(src []byte, p int) (string, int) {
	start := p
	for p < len(src) && (src[p] >= 'a' && src[p] <= 'z' || src[p] >= 'A' && src[p] <= 'Z' || src[p] == '_' || src[p] >= '0' && src[p] <= '9') {
		p++
	}
	return string(src[start:p]), p
}

// skipAction returns the offset after the `}}` that closes the action at
// p, skipping quoted strings (which may contain braces).
func skipAction(src []byte, p int) int {
	for p < len(src) {
		switch c := src[p]; c {
		case '"', '\'':
			p++
			for p < len(src) && src[p] != c && src[p] != '\n' {
				if src[p] == '\\' {
					p++
				}
				p++
			}
			p++
		case '`':
			end := bytes.IndexByte(src[p+1:], '`')
			if end < 0 {
				return len(src)
			}
			p += end + 2
		case '}':
			if p+1 < len(src) && src[p+1] == '}' {
				return p + 2
			}
			p++
		default:
			p++
		}
	}
	return len(src)
}

func lineAt(src []byte, off int) int { return 1 + bytes.Count(src[:off], []byte("\n")) }

// Instrument inserts the budget's checkpoints into a parsed tree: one at
// the start and end of every template (to bound time and call depth), one
// at the start of every range iteration, and every action that prints
// goes through a size check. Output is unchanged. Run it once per tree,
// after parsing and before the first execution, with the functions of a
// Budget's Funcs.
func Instrument(t *parse.Tree) {
	if t == nil || t.Root == nil {
		return
	}
	root := t.Root
	pos := root.Pos
	root.Nodes = append([]parse.Node{call(enterFunc, pos)}, root.Nodes...)
	instrumentList(root)
	root.Nodes = append(root.Nodes, call(leaveFunc, pos))
}

// spine is a copy of t that Instrument can change while t stays as parsed
// (for the rules that read a template's structure). It shares every node
// that Instrument does not change (text, pipelines, templates called): of
// the tree it copies only the lists and the actions and branches in them,
// where t.Copy() would copy every node and every byte of text.
func spine(t *parse.Tree) *parse.Tree {
	if t == nil {
		return nil
	}
	c := *t
	c.Root = copyLists(t.Root)
	return &c
}

// copyLists copies a list, and in it the nodes Instrument changes or
// descends into.
func copyLists(l *parse.ListNode) *parse.ListNode {
	if l == nil {
		return nil
	}
	c := *l
	c.Nodes = make([]parse.Node, len(l.Nodes))
	for i, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			a := *n
			c.Nodes[i] = &a
		case *parse.IfNode:
			b := *n
			b.List, b.ElseList = copyLists(n.List), copyLists(n.ElseList)
			c.Nodes[i] = &b
		case *parse.WithNode:
			b := *n
			b.List, b.ElseList = copyLists(n.List), copyLists(n.ElseList)
			c.Nodes[i] = &b
		case *parse.RangeNode:
			b := *n
			b.List, b.ElseList = copyLists(n.List), copyLists(n.ElseList)
			c.Nodes[i] = &b
		default:
			c.Nodes[i] = n
		}
	}
	return &c
}

func instrumentList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if n.Pipe != nil && len(n.Pipe.Decl) == 0 {
				n.Pipe = &parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pipe.Pos, Line: n.Pipe.Line, Cmds: []*parse.CommandNode{{
					NodeType: parse.NodeCommand, Pos: n.Pipe.Pos,
					Args: []parse.Node{parse.NewIdentifier(emitFunc).SetPos(n.Pipe.Pos), n.Pipe},
				}}}
			}
		case *parse.IfNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.WithNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.RangeNode:
			if n.List != nil {
				n.List.Nodes = append([]parse.Node{call(stepFunc, n.Pos)}, n.List.Nodes...)
			}
			instrumentList(n.List)
			instrumentList(n.ElseList)
		}
	}
}

// call is the action `{{ NAME }}`, which prints the empty string NAME
// returns.
func call(name string, pos parse.Pos) *parse.ActionNode {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: &parse.PipeNode{
		NodeType: parse.NodePipe, Pos: pos,
		Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{parse.NewIdentifier(name).SetPos(pos)}}},
	}}
}
