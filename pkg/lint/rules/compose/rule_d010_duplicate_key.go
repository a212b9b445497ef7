package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleD010 = &lint.Rule{
	ID:       "D010",
	Slug:     "compose.duplicate-key",
	Formerly: []string{"dc.duplicate-key"},
	Severity: lint.Error,
	Summary:  "no key is written twice in one mapping of a compose file, nor a variable twice in one environment list",
	Doc: "Rancher's executor (every 1.x release) decodes compose files with yaml.v2, which keeps the last of two equal " +
		"keys in a mapping without a word: a second `labels:` or `image:` on one service, or an environment entry " +
		"written twice, replaces the first, and the settings written first are silently lost. Error when the two " +
		"values differ (a setting is lost); info when they are equal (only redundant). " +
		"Error: the first setting is silently lost (info when both say the same).",
	Bad: `web:
  image: nginx:1.25
  labels:
    io.rancher.container.pull_image: always
  labels:                 # replaces the labels above
    io.rancher.scheduler.global: 'true'`,
	Good: `web:
  image: nginx:1.25
  labels:
    io.rancher.container.pull_image: always
    io.rancher.scheduler.global: 'true'`,
	Version: checkDuplicateKeys,
}

func checkDuplicateKeys(p *lint.Pass, v *catalog.Version) {
	for _, f := range composeFiles(v) {
		eachMapping(f.doc.Root, 0, func(n *yaml.Node) {
			var first map[string]*yaml.Node // for long mappings only
			if len(n.Content) > 2*shortMapping {
				first = map[string]*yaml.Node{}
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, val := n.Content[i], n.Content[i+1]
				if k.Kind != yaml.ScalarNode || k.Value == "<<" {
					continue
				}
				var prev *yaml.Node
				if first != nil {
					prev = first[k.Value]
				} else {
					prev = earlierKey(n, i, k.Value)
				}
				if prev != nil {
					reportDuplicate(p, f, k.Value, prev, k, equalNodes(n.Content[indexOf(n, prev)+1], val))
					continue
				}
				if first != nil {
					first[k.Value] = k
				}
				if k.Value == "environment" || k.Value == "labels" {
					checkDuplicateEntries(p, f, k.Value, val)
				}
			}
		})
	}
}

// eachMapping calls fn for every mapping under n in document order, as
// yamlnode.Walk visits them (never through an alias, at most 10000 deep),
// without a call for each scalar, which most nodes are.
func eachMapping(n *yaml.Node, depth int, fn func(*yaml.Node)) {
	if n == nil || depth > 10000 || n.Kind == yaml.AliasNode {
		return
	}
	if n.Kind == yaml.MappingNode {
		fn(n)
	}
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			eachMapping(c, depth+1, fn)
		}
	}
}

// shortMapping is the most keys a mapping can have for D010 to compare
// them pairwise rather than through a map, which most mappings, a few
// keys long, do not need.
const shortMapping = 16

// earlierKey returns the first scalar key of mapping m before index i
// that is named key, or nil.
func earlierKey(m *yaml.Node, i int, key string) *yaml.Node {
	for j := 0; j < i; j += 2 {
		if k := m.Content[j]; k.Kind == yaml.ScalarNode && k.Value == key && k.Value != "<<" {
			return k
		}
	}
	return nil
}

// checkDuplicateEntries reports a KEY written twice in a KEY=VALUE list
// (the mapping form is covered by the mapping walk).
func checkDuplicateEntries(p *lint.Pass, f composeFile, field string, n *yaml.Node) {
	if !yamlnode.IsSeq(n) {
		return
	}
	kvs := yamlnode.KeyValues(n)
	var first map[string]yamlnode.KeyValue // for long lists only, as for mappings
	if len(kvs) > shortMapping {
		first = make(map[string]yamlnode.KeyValue, len(kvs))
	}
	for i, kv := range kvs {
		var prev yamlnode.KeyValue
		found := false
		if first != nil {
			prev, found = first[kv.Key]
		} else {
			for _, e := range kvs[:i] {
				if e.Key == kv.Key {
					prev, found = e, true
					break
				}
			}
		}
		if found {
			same := prev.Value == kv.Value && prev.HasValue == kv.HasValue
			sev := lint.Error
			if same {
				sev = lint.Info
			}
			p.ReportSeverity(sev, f.at(kv.KeyNode), "%s entry %s is written twice in %s (first at line %d): Rancher's YAML decoder keeps only the last one%s", field, kv.Key, f.name(), f.at(prev.KeyNode).Line, lostOrSame(same))
			continue
		}
		if first != nil {
			first[kv.Key] = kv
		}
	}
}

func reportDuplicate(p *lint.Pass, f composeFile, key string, prev, k *yaml.Node, same bool) {
	sev := lint.Error
	if same {
		sev = lint.Info
	}
	p.ReportSeverity(sev, f.at(k), "key %s is written twice in this mapping of %s (first at line %d): Rancher's YAML decoder keeps only the last one%s", key, f.name(), f.at(prev).Line, lostOrSame(same))
}

func lostOrSame(same bool) string {
	if same {
		return "; both say the same, remove one"
	}
	return ", so what the first one sets is silently lost; merge the two into one"
}

func indexOf(m, key *yaml.Node) int {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i] == key {
			return i
		}
	}
	return -1
}

// equalNodes compares two YAML values by content.
func equalNodes(a, b *yaml.Node) bool {
	a, b = yamlnode.Resolve(a), yamlnode.Resolve(b)
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Value == b.Value && a.Tag == b.Tag
	}
	for i := range a.Content {
		if !equalNodes(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
