package catalog

import (
	"io/fs"
	"sync"

	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// stream is the state of a template folder of a catalog loaded with
// Options.Streaming.
type stream struct {
	fsys fs.FS
	read bool // the files were read from fsys (their bytes are kept)
	live bool // parses and renders are in place
}

// Read reads, parses and renders the template folder's files, when the
// catalog was loaded with Options.Streaming and they are not in place (not
// read yet, or dropped by Release). It is a no-op otherwise. Read and
// Release of one template must not run concurrently.
func (t *Template) Read() {
	s := t.stream
	if s == nil || s.live {
		return
	}
	if !s.read {
		t.eachFile(func(f *File) { fill(s.fsys, f) })
		s.read = true
	} else {
		t.eachFile(func(f *File) {
			if f.Data != nil {
				f.parse()
			}
		})
	}
	for _, v := range t.Versions {
		processVersion(v)
	}
	s.live = true
}

// Release drops what Read derived from the template's files (YAML nodes,
// rendered text, template parse trees, the compose projects and every value
// cached on the versions), keeping the files' bytes, read errors and
// suppressions, and of each version's `.catalog` block its string fields,
// its questions' string fields and its scalar entries (Info.Node keeps
// those alone, questions' nodes are nil): findings point into the files,
// and catalog-wide rules compare the blocks. A later Read derives
// everything again. It is a no-op for a catalog loaded without
// Options.Streaming, whose consumers expect the whole model.
func (t *Template) Release() {
	s := t.stream
	if s == nil || !s.live {
		return
	}
	t.eachFile(func(f *File) { f.release() })
	for _, v := range t.Versions {
		v.Project = nil
		v.memo = memo{}
		if i := v.Catalog; i != nil {
			// Of the document, the block's scalar entries stay (name,
			// version, uuid, ...: what catalog-wide rules compare between
			// versions); its questions are most of its nodes and go.
			if i.Doc != nil {
				i.Doc = &Doc{File: i.Doc.File}
			}
			i.Node = scalarEntries(i.Node)
			for _, q := range i.Questions {
				q.DropNodes()
			}
			i.memo = memo{}
		}
	}
	s.live = false
}

func (f *File) release() {
	f.Doc = nil
	f.Rendered = nil
	f.treesOnce, f.trees = sync.Once{}, nil
	f.valueRefsOnce, f.valueRefs, f.valueRefsErr = sync.Once{}, nil, nil
}

// eachFile calls fn for every file of the template folder.
func (t *Template) eachFile(fn func(*File)) {
	for _, f := range []*File{t.Config, t.Readme} {
		if f != nil {
			fn(f)
		}
	}
	for _, list := range [][]*File{t.Icons, t.Files} {
		for _, f := range list {
			fn(f)
		}
	}
	for _, v := range t.Versions {
		for _, f := range v.Files {
			fn(f)
		}
	}
}

// scalarEntries is a copy of a mapping with only its entries whose value is
// a scalar (and its merge keys); another node becomes an empty one of its
// kind.
func scalarEntries(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	out := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Line: n.Line, Column: n.Column}
	if n.Kind == yaml.ScalarNode {
		out.Value = n.Value
		return out
	}
	if n.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value == "<<" || yamlnode.Resolve(v) != nil && yamlnode.Resolve(v).Kind == yaml.ScalarNode {
			out.Content = append(out.Content, k, v)
		}
	}
	return out
}
