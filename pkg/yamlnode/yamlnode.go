// Package yamlnode reads yaml.v3 node trees the way a YAML decoder would —
// aliases resolved, `<<` merge keys applied — without ever expanding the tree,
// so that rules keep every node's position and alias bombs stay cheap.
package yamlnode

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// maxAliasDepth bounds alias-to-alias chains and nested merges.
const maxAliasDepth = 32

// Resolve follows alias nodes to the node they name.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxAliasDepth; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return Resolve(n.Content[0])
	}
	return n
}

// Pair is one key/value entry of a mapping.
type Pair struct {
	Key, Value *yaml.Node // Value is resolved
}

// Pairs returns the entries of mapping m in source order, with `<<` merge
// keys applied (explicit keys win over merged ones). It returns nil when m is
// not a mapping.
func Pairs(m *yaml.Node) []Pair {
	return pairs(Resolve(m), 0)
}

func pairs(m *yaml.Node, depth int) []Pair {
	if m == nil || m.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return nil
	}
	own := make([]Pair, 0, len(m.Content)/2)
	var merged []Pair
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
			src := Resolve(v)
			if src != nil && src.Kind == yaml.SequenceNode {
				for _, item := range src.Content {
					merged = append(merged, pairs(Resolve(item), depth+1)...)
				}
			} else {
				merged = append(merged, pairs(src, depth+1)...)
			}
			continue
		}
		own = append(own, Pair{Key: k, Value: Resolve(v)})
	}
	if len(merged) == 0 {
		return own
	}
	seen := make(map[string]bool, len(own))
	for _, p := range own {
		seen[p.Key.Value] = true
	}
	out := own
	for _, p := range merged {
		if !seen[p.Key.Value] {
			seen[p.Key.Value] = true
			out = append(out, p)
		}
	}
	return out
}

// Get returns the key and value nodes of key in mapping m. When a key is
// written twice, the last one wins, as it does for Rancher's YAML decoder.
func Get(m *yaml.Node, key string) (k, v *yaml.Node) {
	return get(Resolve(m), key, 0)
}

// get looks at the explicit keys first, without building the pair list that
// Pairs does, and only then at `<<` merge sources in order.
func get(m *yaml.Node, key string, depth int) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return nil, nil
	}
	merges := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		kn := m.Content[i]
		if kn.Kind == yaml.ScalarNode && kn.Value == "<<" && kn.Tag == "!!merge" {
			merges = true
			continue
		}
		if kn.Value == key {
			k, v = kn, m.Content[i+1]
		}
	}
	if k != nil || !merges {
		return k, Resolve(v)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		kn := m.Content[i]
		if !(kn.Kind == yaml.ScalarNode && kn.Value == "<<" && kn.Tag == "!!merge") {
			continue
		}
		src := Resolve(m.Content[i+1])
		if src != nil && src.Kind == yaml.SequenceNode {
			for _, item := range src.Content {
				if k, v := get(Resolve(item), key, depth+1); k != nil {
					return k, v
				}
			}
		} else if k, v := get(src, key, depth+1); k != nil {
			return k, v
		}
	}
	return nil, nil
}

// Value returns the value node of key in mapping m, or nil.
func Value(m *yaml.Node, key string) *yaml.Node {
	_, v := Get(m, key)
	return v
}

// Scalar returns the scalar value of key in m and whether it is a scalar.
func Scalar(m *yaml.Node, key string) (string, bool) {
	v := Value(m, key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return "", false
	}
	return v.Value, true
}

// IsNull reports whether n is a YAML null (`~`, `null`, or nothing).
func IsNull(n *yaml.Node) bool {
	n = Resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// IsMap reports whether n is a mapping.
func IsMap(n *yaml.Node) bool { n = Resolve(n); return n != nil && n.Kind == yaml.MappingNode }

// IsSeq reports whether n is a sequence.
func IsSeq(n *yaml.Node) bool { n = Resolve(n); return n != nil && n.Kind == yaml.SequenceNode }

// Strings returns the scalar items of a sequence, or the comma-free single
// scalar, as compose's "string or list" fields allow.
func Strings(n *yaml.Node) []string {
	n = Resolve(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		return []string{n.Value}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, item := range n.Content {
			if item = Resolve(item); item != nil && item.Kind == yaml.ScalarNode {
				out = append(out, item.Value)
			}
		}
		return out
	}
	return nil
}

// KeyValues reads compose's "list of KEY=VALUE or mapping" fields (labels,
// environment) as ordered entries; each entry keeps the node it came from.
type KeyValue struct {
	Key, Value string
	HasValue   bool       // false for `KEY` list items and null map values
	KeyNode    *yaml.Node // the mapping key, or the list item
	ValueNode  *yaml.Node // the mapping value, or the list item
}

// KeyValues returns the entries of a labels/environment field.
func KeyValues(n *yaml.Node) []KeyValue {
	n = Resolve(n)
	if n == nil {
		return nil
	}
	var out []KeyValue
	switch n.Kind {
	case yaml.MappingNode:
		for _, p := range Pairs(n) {
			kv := KeyValue{Key: p.Key.Value, KeyNode: p.Key, ValueNode: p.Value}
			if p.Value != nil && p.Value.Kind == yaml.ScalarNode && p.Value.Tag != "!!null" {
				kv.Value, kv.HasValue = p.Value.Value, true
			}
			out = append(out, kv)
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			item = Resolve(item)
			if item == nil || item.Kind != yaml.ScalarNode {
				continue
			}
			k, v, ok := strings.Cut(item.Value, "=")
			out = append(out, KeyValue{Key: k, Value: v, HasValue: ok, KeyNode: item, ValueNode: item})
		}
	}
	return out
}

// Walk calls fn for every node under n in document order, descending into
// mappings and sequences but never through aliases (the anchored node is
// visited where it is defined), so the cost is linear in the source size.
func Walk(n *yaml.Node, fn func(n, parent *yaml.Node) bool) {
	walk(n, nil, fn, 0)
}

func walk(n, parent *yaml.Node, fn func(n, parent *yaml.Node) bool, depth int) {
	if n == nil || depth > 10000 {
		return
	}
	if !fn(n, parent) {
		return
	}
	if n.Kind == yaml.AliasNode {
		return
	}
	for _, c := range n.Content {
		walk(c, n, fn, depth+1)
	}
}
