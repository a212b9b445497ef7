package catalog

import (
	"sync"

	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Project is a version's compose project as Rancher's executor builds it:
// each file templated, then merged by service name (docker-compose first,
// rancher-compose second).
type Project struct {
	DC, RC *Doc // rendered documents; nil when the file is absent or not YAML

	// DCVersion and RCVersion are the files' `version` values ("" for v1).
	DCVersion, RCVersion string

	Services []*Service // docker-compose order, then rancher-compose-only ones
	byName   map[string]*Service

	// Volumes are the top-level volume declarations of docker-compose (v2).
	Volumes []Entry
}

// Entry is a key and its value in one document.
type Entry struct {
	Doc   *Doc
	Key   *yaml.Node
	Value *yaml.Node // resolved
}

// Pos is the position of the entry's key.
func (e Entry) Pos() Pos { return e.Doc.At(e.Key) }

// ValuePos is the position of the entry's value (its key when the value is null).
func (e Entry) ValuePos() Pos {
	if e.Value == nil || e.Value.Line == 0 {
		return e.Doc.At(e.Key)
	}
	return e.Doc.At(e.Value)
}

// Service is one service of the project with its definition in each file.
type Service struct {
	Name string
	DC   *Entry // nil when only rancher-compose defines it
	RC   *Entry // nil when only docker-compose mentions it

	labelsOnce sync.Once
	labels     []Label
}

// Service returns the named service, or nil.
func (p *Project) Service(name string) *Service {
	if p == nil {
		return nil
	}
	return p.byName[name]
}

// Field returns a service key as merged: rancher-compose overrides
// docker-compose for the same key (labels are merged, see Labels).
func (s *Service) Field(key string) (Entry, bool) {
	for _, e := range []*Entry{s.RC, s.DC} {
		if e == nil {
			continue
		}
		if k, v := yamlnode.Get(e.Value, key); k != nil {
			return Entry{Doc: e.Doc, Key: k, Value: v}, true
		}
	}
	return Entry{}, false
}

// Fields returns the key in every file that sets it (docker-compose first).
func (s *Service) Fields(key string) []Entry {
	var out []Entry
	for _, e := range []*Entry{s.DC, s.RC} {
		if e == nil {
			continue
		}
		if k, v := yamlnode.Get(e.Value, key); k != nil {
			out = append(out, Entry{Doc: e.Doc, Key: k, Value: v})
		}
	}
	return out
}

// Label is one service label with where it was written.
type Label struct {
	Key, Value string
	HasValue   bool
	Doc        *Doc
	KeyNode    *yaml.Node
	ValueNode  *yaml.Node
}

// Pos is the position of the label's key.
func (l Label) Pos() Pos { return l.Doc.At(l.KeyNode) }

// ValuePos is the position of the label's value.
func (l Label) ValuePos() Pos {
	if l.ValueNode == nil {
		return l.Pos()
	}
	return l.Doc.At(l.ValueNode)
}

// Labels returns the service's labels, merged across both files with
// rancher-compose winning, in first-seen order.
func (s *Service) Labels() []Label {
	s.labelsOnce.Do(func() { s.labels = s.mergeLabels() })
	return s.labels
}

func (s *Service) mergeLabels() []Label {
	var out []Label
	index := map[string]int{}
	for _, f := range s.Fields("labels") {
		for _, kv := range yamlnode.KeyValues(f.Value) {
			l := Label{Key: kv.Key, Value: kv.Value, HasValue: kv.HasValue, Doc: f.Doc, KeyNode: kv.KeyNode, ValueNode: kv.ValueNode}
			if i, ok := index[kv.Key]; ok {
				out[i] = l
				continue
			}
			index[kv.Key] = len(out)
			out = append(out, l)
		}
	}
	return out
}

// Label returns the named label.
func (s *Service) Label(key string) (Label, bool) {
	for _, l := range s.Labels() {
		if l.Key == key {
			return l, true
		}
	}
	return Label{}, false
}

// Image returns the service's image, if set.
func (s *Service) Image() (string, Entry, bool) {
	e, ok := s.Field("image")
	if !ok || e.Value == nil || e.Value.Kind != yaml.ScalarNode {
		return "", e, false
	}
	return e.Value.Value, e, true
}

// Pos is where the service is defined (docker-compose first).
func (s *Service) Pos() Pos {
	if s.DC != nil {
		return s.DC.Pos()
	}
	return s.RC.Pos()
}

// buildProject merges the rendered compose documents.
func buildProject(dc, rc *Doc) *Project {
	p := &Project{DC: dc, RC: rc, byName: map[string]*Service{}}
	add := func(doc *Doc, isRC bool) string {
		if doc == nil || !yamlnode.IsMap(doc.Root) {
			return ""
		}
		ver, _ := yamlnode.Scalar(doc.Root, "version")
		services := doc.Root
		if composefile.IsV2Version(ver) { // any other value is read as version 1 (spec §4.1)
			services = yamlnode.Value(doc.Root, "services")
		}
		for _, pair := range yamlnode.Pairs(services) {
			name := pair.Key.Value
			if !isServiceName(name, services == doc.Root, isRC) {
				continue
			}
			e := &Entry{Doc: doc, Key: pair.Key, Value: pair.Value}
			s := p.byName[name]
			if s == nil {
				s = &Service{Name: name}
				p.byName[name] = s
				p.Services = append(p.Services, s)
			}
			if isRC {
				s.RC = e
			} else {
				s.DC = e
			}
		}
		return ver
	}
	p.DCVersion = add(dc, false)
	p.RCVersion = add(rc, true)
	if dc != nil && p.DCVersion != "" {
		for _, pair := range yamlnode.Pairs(yamlnode.Value(dc.Root, "volumes")) {
			p.Volumes = append(p.Volumes, Entry{Doc: dc, Key: pair.Key, Value: pair.Value})
		}
	}
	return p
}

// isServiceName filters the keys of a services map: in v1 files the top
// level also holds `version` and (rancher-compose) the `.catalog` block.
func isServiceName(name string, topLevel, isRC bool) bool {
	return !composefile.NotService(name, isRC, topLevel)
}
