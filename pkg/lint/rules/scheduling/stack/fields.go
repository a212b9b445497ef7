package stack

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// The catalog model's Service.Field and Service.Labels take the first of
// duplicate keys in a mapping. Rancher decodes compose files with yaml.v2,
// which silently keeps the last one (templates/gocd-server/0 has two
// `labels:` blocks and only the second, with io.rancher.sidekicks, counts).
// These read fields the way Rancher does.

// get returns the last pair for key in mapping m.
func get(m *yaml.Node, key string) (k, v *yaml.Node) {
	for _, p := range yamlnode.Pairs(m) {
		if p.Key.Value == key {
			k, v = p.Key, p.Value
		}
	}
	return k, v
}

// Field returns a service key as merged: rancher-compose overrides
// docker-compose.
func Field(s *catalog.Service, key string) (catalog.Entry, bool) {
	for _, e := range []*catalog.Entry{s.RC, s.DC} {
		if e == nil {
			continue
		}
		if k, v := get(e.Value, key); k != nil {
			return catalog.Entry{Doc: e.Doc, Key: k, Value: v}, true
		}
	}
	return catalog.Entry{}, false
}

// Fields returns the key in every file that sets it (docker-compose first).
func Fields(s *catalog.Service, key string) []catalog.Entry {
	var out []catalog.Entry
	for _, e := range []*catalog.Entry{s.DC, s.RC} {
		if e == nil {
			continue
		}
		if k, v := get(e.Value, key); k != nil {
			out = append(out, catalog.Entry{Doc: e.Doc, Key: k, Value: v})
		}
	}
	return out
}

// Labels returns the service's labels merged across both files,
// rancher-compose winning, in first-seen order.
func Labels(s *catalog.Service) []catalog.Label {
	var out []catalog.Label
	index := map[string]int{}
	for _, f := range Fields(s, "labels") {
		for _, kv := range yamlnode.KeyValues(f.Value) {
			l := catalog.Label{Key: kv.Key, Value: kv.Value, HasValue: kv.HasValue, Doc: f.Doc, KeyNode: kv.KeyNode, ValueNode: kv.ValueNode}
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
func Label(s *catalog.Service, key string) (catalog.Label, bool) {
	for _, l := range Labels(s) {
		if l.Key == key {
			return l, true
		}
	}
	return catalog.Label{}, false
}
