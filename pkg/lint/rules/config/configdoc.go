package config

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// configDoc is a template's config.yml as the C rules read it.
type configDoc struct {
	File *catalog.File
	// Root is the top-level mapping; nil when the file is empty or null
	// (Rancher then reads a template with no fields set).
	Root *yaml.Node
}

// readConfig returns the template's config.yml when it can be checked: it
// exists, was read and parsed, and is a mapping or empty. Otherwise ok is
// false, and L003, L011 or C001 report why.
func readConfig(t *catalog.Template) (c configDoc, ok bool) {
	f := t.Config
	if f == nil || f.ReadErr != nil || f.ParseErr != nil {
		return c, false
	}
	c.File = f
	root := yamlnode.Resolve(f.Doc)
	switch {
	case root == nil || yamlnode.IsNull(root):
		return c, true
	case root.Kind == yaml.MappingNode:
		c.Root = root
		return c, true
	}
	return c, false
}

// field returns the key and value nodes of a top-level key.
func (c configDoc) field(key string) (k, v *yaml.Node) {
	if c.Root == nil {
		return nil, nil
	}
	return yamlnode.Get(c.Root, key)
}

// text returns a top-level key's scalar text as Rancher's catalog service
// decodes it into a string field (yaml.v2 keeps the source text of any
// scalar), and whether the key holds a non-empty scalar.
func (c configDoc) text(key string) (string, bool) {
	_, v := c.field(key)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Value == "" {
		return "", false
	}
	return v.Value, true
}

// at is the position of node n of the file.
func (c configDoc) at(n *yaml.Node) catalog.Pos {
	if n == nil {
		return catalog.FilePos(c.File)
	}
	return catalog.LinePos(c.File, n.Line, n.Column)
}

// missingPos is where a finding about a missing key goes: the start of the
// mapping, or the file when it is empty.
func (c configDoc) missingPos() catalog.Pos { return c.at(c.Root) }

// hasNo starts a message about a missing key.
func (c configDoc) hasNo() string {
	if c.Root == nil {
		return "config.yml is empty, so it has"
	}
	return "config.yml has"
}

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	n = yamlnode.Resolve(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "scalar"
	}
	return "node"
}
