package metadata

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// rawRC returns the raw rancher-compose.yml of v and its top-level node,
// or nils when the file is missing, unreadable, not YAML or empty.
func rawRC(v *catalog.Version) (*catalog.Doc, *yaml.Node) {
	f := v.RancherCompose
	if f == nil || f.ReadErr != nil || f.ParseErr != nil || f.Doc == nil {
		return nil, nil
	}
	return &catalog.Doc{File: f, Root: f.Doc}, yamlnode.Resolve(f.Doc)
}

// catalogInfo returns v's `.catalog` block when it is a mapping.
func catalogInfo(v *catalog.Version) *catalog.Info {
	info := v.Catalog
	if info == nil || info.Doc == nil || !yamlnode.IsMap(info.Node) {
		return nil
	}
	return info
}

// at is the position of node n of the `.catalog` block's document, falling
// back to the block's key.
func at(info *catalog.Info, n *yaml.Node) catalog.Pos {
	if n == nil || n.Line == 0 {
		return info.Doc.At(info.Key)
	}
	return info.Doc.At(n)
}

// questionPos is where a question is best pointed at: its variable value,
// else the item itself.
func questionPos(info *catalog.Info, q *catalog.Question) catalog.Pos {
	if v := q.Field("variable"); v != nil && v.Line > 0 {
		return info.Doc.At(v)
	}
	return info.Doc.At(q.Node)
}

// fieldPos is the position of a question key's value, else its key, else
// the question.
func fieldPos(info *catalog.Info, q *catalog.Question, key string) catalog.Pos {
	k, v := yamlnode.Get(q.Node, key)
	switch {
	case v != nil && v.Line > 0 && !yamlnode.IsNull(v):
		return info.Doc.At(v)
	case k != nil:
		return info.Doc.At(k)
	}
	return questionPos(info, q)
}

// qname names a question in messages.
func qname(q *catalog.Question) string {
	if q.Variable == "" {
		return "question"
	}
	return fmt.Sprintf("question %s", q.Variable)
}

// folderRef names version folder v in a message about folder from.
func folderRef(v *catalog.Version, from *catalog.Version) string {
	if v.Template == from.Template {
		return "folder " + v.Folder
	}
	return v.Dir
}

// quoteList prints at most max strings, quoted.
func quoteList(items []string, max int) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return cutList(quoted, max)
}

// cutList joins at most max items, saying how many were left out.
func cutList(items []string, max int) string {
	if len(items) <= max {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s, … (%d more)", strings.Join(items[:max], ", "), len(items)-max)
}

// pairs returns the entries of m that Rancher keeps: for a repeated key only
// the last one.
func pairs(m *yaml.Node) []yamlnode.Pair {
	all := yamlnode.Pairs(m)
	if !mayRepeat(all) {
		return all
	}
	last := make(map[string]int, len(all))
	for i, p := range all {
		last[p.Key.Value] = i
	}
	out := make([]yamlnode.Pair, 0, len(all))
	for i, p := range all {
		if last[p.Key.Value] == i {
			out = append(out, p)
		}
	}
	return out
}

// mayRepeat reports whether a key of ps may occur twice: it compares the
// keys of a short list (questions and `.catalog` blocks have a handful)
// rather than build pairs' map for nothing, and leaves a long one to it.
func mayRepeat(ps []yamlnode.Pair) bool {
	if len(ps) > 16 {
		return true
	}
	for i := range ps {
		for _, q := range ps[i+1:] {
			if ps[i].Key.Value == q.Key.Value {
				return true
			}
		}
	}
	return false
}

// eachPair calls fn for each entry of pairs(m), in order. A mapping without
// merge keys or repeated keys, which is nearly every question, is read in
// place rather than copied into a list first. TestEachPairIsPairs holds the
// two together.
func eachPair(m *yaml.Node, fn func(yamlnode.Pair)) {
	if m == nil || m.Kind != yaml.MappingNode || !plainMapping(m) {
		for _, p := range pairs(m) {
			fn(p)
		}
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		fn(yamlnode.Pair{Key: m.Content[i], Value: yamlnode.Resolve(m.Content[i+1])})
	}
}

// plainMapping reports whether mapping m has a handful of entries, none a
// merge key and no key twice: then pairs(m) is m's entries as written. The
// keys are read once into an array, not once per comparison.
func plainMapping(m *yaml.Node) bool {
	c := m.Content
	var keys [16]string
	n := len(c) / 2
	if n > len(keys) {
		return false
	}
	for i := range n {
		k := c[2*i]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
			return false
		}
		keys[i] = k.Value
	}
	for i := range n {
		for _, other := range keys[i+1 : n] {
			if keys[i] == other {
				return false
			}
		}
	}
	return true
}
