package blueprint

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

// maxNodes bounds how many nodes alias expansion may produce, so that a few
// lines of nested aliases ("billion laughs") cannot exhaust memory.
const maxNodes = 100_000

// jsonValue turns a YAML node into the plain values a JSON schema validator
// expects (map[string]any, []any, string, int64, float64, bool, nil). It
// rejects what JSON cannot say — non-string keys, duplicate keys, an anchor
// that contains itself — with the node's position, so the schema step never
// sees an ambiguous document.
func jsonValue(n *yaml.Node, file string) (any, *Error) {
	c := &converter{file: file, open: map[*yaml.Node]bool{}}
	return c.value(n)
}

type converter struct {
	file  string
	open  map[*yaml.Node]bool // collections being converted, to catch cycles
	nodes int
}

func (c *converter) value(n *yaml.Node) (any, *Error) {
	if c.nodes++; c.nodes > maxNodes {
		return nil, &Error{Pos: posOf(n, c.file), Msg: fmt.Sprintf("more than %d values once aliases are expanded", maxNodes)}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.value(n.Content[0])
	case yaml.AliasNode:
		if c.open[n.Alias] {
			return nil, &Error{Pos: posOf(n, c.file), Msg: fmt.Sprintf("alias *%s refers to a value that contains it", n.Value)}
		}
		return c.value(n.Alias)
	case yaml.SequenceNode:
		c.open[n] = true
		defer delete(c.open, n)
		out := make([]any, 0, len(n.Content))
		for _, item := range n.Content {
			v, err := c.value(item)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		c.open[n] = true
		defer delete(c.open, n)
		out := map[string]any{}
		var err *Error
		for k, v := range mappingPairs(n) {
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				err = &Error{Pos: posOf(k, c.file), Msg: fmt.Sprintf("key %q must be a string (quote it)", k.Value)}
				break
			}
			if _, dup := out[k.Value]; dup {
				err = &Error{Pos: posOf(k, c.file), Msg: fmt.Sprintf("key %q appears twice in this mapping", k.Value)}
				break
			}
			val, verr := c.value(v)
			if verr != nil {
				err = verr
				break
			}
			out[k.Value] = val
		}
		return out, err
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, &Error{Pos: posOf(n, c.file), Msg: err.Error()}
	}
	switch x := v.(type) {
	case int:
		return int64(x), nil
	case uint64:
		return float64(x), nil
	}
	return v, nil
}

// mappingPairs yields a mapping's key/value nodes with YAML merge keys
// (`<<: *anchor`) expanded, keys written here overriding the merged ones as
// in yaml.v3's own decoding. A merge that leads back to a mapping being
// expanded is skipped; jsonValue reports it.
func mappingPairs(n *yaml.Node) func(yield func(k, v *yaml.Node) bool) {
	return func(yield func(k, v *yaml.Node) bool) {
		pairs(n, map[*yaml.Node]bool{}, yield)
	}
}

func pairs(n *yaml.Node, visiting map[*yaml.Node]bool, yield func(k, v *yaml.Node) bool) bool {
	if visiting[n] {
		return true
	}
	visiting[n] = true
	defer delete(visiting, n)
	own := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].ShortTag() != "!!merge" {
			own[n.Content[i].Value] = true
		}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.ShortTag() != "!!merge" {
			if !yield(k, v) {
				return false
			}
			continue
		}
		for _, src := range mergeSources(v, 0) {
			ok := pairs(src, visiting, func(mk, mv *yaml.Node) bool {
				if own[mk.Value] || seen[mk.Value] {
					return true
				}
				seen[mk.Value] = true
				return yield(mk, mv)
			})
			if !ok {
				return false
			}
		}
	}
	return true
}

func mergeSources(v *yaml.Node, depth int) []*yaml.Node {
	if depth > 8 {
		return nil
	}
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	switch v.Kind {
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, c := range v.Content {
			out = append(out, mergeSources(c, depth+1)...)
		}
		return out
	case yaml.MappingNode:
		return []*yaml.Node{v}
	}
	return nil
}

// lookup follows a path of mapping keys and sequence indexes from root and
// returns the deepest node it reaches and, when the last step was a mapping
// key, that key's node (so "unknown field" can point at the key itself).
func lookup(root *yaml.Node, path []string) (node, key *yaml.Node) {
	node = root
	if node.Kind == yaml.DocumentNode && len(node.Content) > 0 {
		node = node.Content[0]
	}
	for _, seg := range path {
		if node.Kind == yaml.AliasNode {
			node = node.Alias
		}
		next, k := child(node, seg)
		if next == nil {
			return node, key
		}
		node, key = next, k
	}
	return node, key
}

func child(n *yaml.Node, seg string) (value, key *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for k, v := range mappingPairs(n) {
			if k.Value == seg {
				return v, k
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i], nil
		}
	}
	return nil, nil
}

func posOf(n *yaml.Node, file string) Pos {
	if n == nil {
		return Pos{File: file}
	}
	return Pos{File: file, Line: n.Line, Col: n.Column}
}
