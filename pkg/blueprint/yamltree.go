package blueprint

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

// jsonValue turns a YAML node into the plain values a JSON schema validator
// expects (map[string]any, []any, string, int64, float64, bool, nil). It
// rejects what JSON cannot say — non-string keys, duplicate keys — with the
// node's position, so the schema step never sees an ambiguous document.
func jsonValue(n *yaml.Node, file string) (any, *Error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return jsonValue(n.Content[0], file)
	case yaml.AliasNode:
		return jsonValue(n.Alias, file)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := jsonValue(c, file)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		for k, v := range mappingPairs(n) {
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				return nil, &Error{Pos: posOf(k, file), Msg: fmt.Sprintf("key %q must be a string (quote it)", k.Value)}
			}
			if _, dup := out[k.Value]; dup {
				return nil, &Error{Pos: posOf(k, file), Msg: fmt.Sprintf("key %q appears twice in this mapping", k.Value)}
			}
			val, err := jsonValue(v, file)
			if err != nil {
				return nil, err
			}
			out[k.Value] = val
		}
		return out, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, &Error{Pos: posOf(n, file), Msg: err.Error()}
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
// (`<<: *anchor`) expanded first, so that keys written here override the
// merged ones as in yaml.v3's own decoding.
func mappingPairs(n *yaml.Node) func(yield func(k, v *yaml.Node) bool) {
	return func(yield func(k, v *yaml.Node) bool) {
		merged := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value != "<<" || n.Content[i].ShortTag() != "!!merge" {
				merged[n.Content[i].Value] = true
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.ShortTag() != "!!merge" {
				if !yield(k, v) {
					return
				}
				continue
			}
			for _, src := range mergeSources(v) {
				for mk, mv := range mappingPairs(src) {
					if merged[mk.Value] {
						continue
					}
					merged[mk.Value] = true
					if !yield(mk, mv) {
						return
					}
				}
			}
		}
	}
}

func mergeSources(v *yaml.Node) []*yaml.Node {
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	if v.Kind == yaml.SequenceNode {
		var out []*yaml.Node
		for _, c := range v.Content {
			out = append(out, mergeSources(c)...)
		}
		return out
	}
	if v.Kind == yaml.MappingNode {
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
