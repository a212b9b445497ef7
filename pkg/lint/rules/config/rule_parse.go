package config

import (
	"strings"
	"unicode/utf8"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules/internal/yamlpos"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleC001 = &lint.Rule{
	ID:       "C001",
	Slug:     "config.parse",
	Severity: lint.Error,
	Summary:  "config.yml is a valid YAML mapping whose known fields have the right types",
	Doc: "Rancher's catalog service decodes config.yml into its template structure with yaml.v2. A syntax " +
		"error (tabs, bad indentation, invalid UTF-8), a document that is a list or a scalar, or a known field " +
		"of the wrong shape (a list for `name`, a string for `categories`, a list for `labels`) makes the " +
		"decode fail, and the template's metadata is lost. Duplicate keys are reported as a warning: the last " +
		"one silently wins. " +
		"Error: catalog-service (v1.6) cannot decode the template's metadata and does not list it.",
	Bad: `# config.yml
name: nginx
version: "1.25.3"
categories: Web        # must be a list
labels:
  - io.rancher.certified=rancher   # must be a mapping`,
	Good: `# config.yml
name: nginx
version: "1.25.3"
categories: [Web]
labels:
  io.rancher.certified: rancher`,
	Template: checkParse,
}

// stringFields are the config.yml keys Rancher decodes into strings. yaml.v2
// stores any scalar's source text in a string field; only a list or a
// mapping fails.
var stringFields = map[string]bool{
	"name": true, "description": true, "version": true, "category": true,
	"maintainer": true, "license": true, "projectURL": true,
}

func checkParse(p *lint.Pass, t *catalog.Template) {
	f := t.Config
	if f == nil || f.ReadErr != nil {
		return
	}
	if e := f.ParseErr; e != nil {
		if line, col, b, bad := firstInvalidUTF8(f.Data); bad {
			p.Report(catalog.LinePos(f, line, col), "config.yml is not valid UTF-8 (byte 0x%02X): YAML must be UTF-8 and Rancher's catalog service cannot parse it; save the file as UTF-8", b)
			return
		}
		pos := catalog.FilePos(f)
		if e.Line > 0 {
			line, col := yamlpos.Locate(f.Data, e)
			pos = catalog.LinePos(f, line, col)
		}
		hint := ""
		if strings.Contains(e.Msg, "tab") {
			hint = "; indent with spaces, never tabs"
		}
		p.Report(pos, "config.yml is not valid YAML: %s, so Rancher's catalog service cannot read the template's metadata%s", e.Msg, hint)
		return
	}
	root := yamlnode.Resolve(f.Doc)
	if root == nil || yamlnode.IsNull(root) {
		return // an empty config.yml decodes to empty fields: C002 and C003 report them
	}
	c := configDoc{File: f, Root: root}
	if root.Kind != yaml.MappingNode {
		p.Report(c.at(root), "config.yml must be a mapping (name: ..., version: ...), but it is a %s: Rancher's catalog service cannot decode it into template metadata", kindName(root))
		return
	}
	checkKeys(p, c, root, "config.yml")
	for _, pair := range yamlnode.Pairs(root) {
		key, v := pair.Key.Value, pair.Value
		switch {
		case pair.Key.Kind != yaml.ScalarNode:
			continue // reported by checkKeys
		case stringFields[key]:
			if v != nil && v.Kind != yaml.ScalarNode {
				p.Report(c.at(v), "`%s` must be a string, not a %s: Rancher's catalog service fails to decode config.yml", key, kindName(v))
			}
		case key == "categories":
			checkCategories(p, c, v)
		case key == "labels":
			checkLabels(p, c, v)
		}
	}
}

func checkCategories(p *lint.Pass, c configDoc, v *yaml.Node) {
	switch {
	case yamlnode.IsNull(v):
	case v.Kind == yaml.ScalarNode:
		p.Report(c.at(v), "`categories` must be a list, not a single string: Rancher's catalog service fails to decode config.yml; write categories: [%s] (or use category: for one)", v.Value)
	case v.Kind == yaml.SequenceNode:
		for _, item := range v.Content {
			if it := yamlnode.Resolve(item); it != nil && it.Kind != yaml.ScalarNode {
				p.Report(c.at(item), "each entry of `categories` must be a string, not a %s", kindName(it))
			}
		}
	default:
		p.Report(c.at(v), "`categories` must be a list of strings, not a %s", kindName(v))
	}
}

func checkLabels(p *lint.Pass, c configDoc, v *yaml.Node) {
	switch {
	case yamlnode.IsNull(v):
	case v.Kind == yaml.MappingNode:
		checkKeys(p, c, v, "labels")
		for _, pair := range yamlnode.Pairs(v) {
			if pair.Value != nil && pair.Value.Kind != yaml.ScalarNode {
				p.Report(c.at(pair.Value), "label %s must have a string value, not a %s: Rancher's catalog service fails to decode config.yml", pair.Key.Value, kindName(pair.Value))
			}
		}
	case v.Kind == yaml.SequenceNode:
		p.Report(c.at(v), "`labels` must be a mapping (label: value), not a list: Rancher's catalog service fails to decode config.yml")
	default:
		p.Report(c.at(v), "`labels` must be a mapping (label: value), not a %s", kindName(v))
	}
}

// checkKeys reports keys that are not plain scalars (an error for yaml.v2)
// and keys written twice in the same mapping (a warning: the last wins).
func checkKeys(p *lint.Pass, c configDoc, m *yaml.Node, where string) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode {
			if k.Kind == yaml.AliasNode && yamlnode.Resolve(k) != nil && yamlnode.Resolve(k).Kind == yaml.ScalarNode {
				continue
			}
			p.Report(c.at(k), "a key in %s must be a plain name, not a %s", where, kindName(k))
			continue
		}
		if k.Tag == "!!merge" {
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.ReportSeverity(lint.Warning, c.at(k), "`%s` is set twice in %s (first on line %d): Rancher keeps this last one; delete one of them", k.Value, where, first.Line)
			continue
		}
		seen[k.Value] = k
	}
}

// firstInvalidUTF8 finds the first byte that is not valid UTF-8.
func firstInvalidUTF8(data []byte) (line, col int, b byte, bad bool) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, data[i], true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return 0, 0, 0, false
}
