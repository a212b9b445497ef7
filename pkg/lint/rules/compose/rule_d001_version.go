package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleD001 = &lint.Rule{
	ID:       "D001",
	Slug:     "compose.version",
	Formerly: []string{"dc.version"},
	Severity: lint.Error,
	Summary:  "a compose file's version is absent (version 1) or '2'",
	Doc: "Rancher 1.6's executor (rancher-compose-executor v0.14) reads compose files as version 1 (no `version` key) or version '2'. " +
		"It rejects version 3 outright (\"version 3 is not supported\"), and any other value, such as '2.1', 'v2' or 1, " +
		"fails the deploy or is read as version 1, so the services under `services:` are taken for one service named \"services\". " +
		"Error: the stack does not deploy as written.",
	Bad: `version: '3'
services:
  web:
    image: nginx:1.25`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25`,
	Version: checkVersion,
}

func checkVersion(p *lint.Pass, v *catalog.Version) {
	for _, f := range composeFiles(v) {
		root := yamlnode.Resolve(f.doc.Root)
		_, node := yamlnode.Get(root, "version")
		if node == nil || yamlnode.IsNull(node) {
			continue
		}
		if node.Kind != yaml.ScalarNode {
			p.Report(f.at(node), "version in %s must be '2' (or absent for version 1), not a %s", f.name(), kindName(node))
			continue
		}
		switch val := node.Value; {
		case val == "2":
		case val == "3" || strings.HasPrefix(val, "3."):
			p.Report(f.at(node), "%s declares version %q: Rancher 1.6 rejects version 3 compose files (\"version 3 is not supported\"); write version: '2' and use version 2 keys", f.name(), val)
		case strings.HasPrefix(val, "2"):
			p.Report(f.at(node), "%s declares version %q: Rancher 1.6 knows only '2', and reads any other value as version 1 (so services: becomes a service); write version: '2'", f.name(), val)
		default:
			p.Report(f.at(node), "%s declares version %q: Rancher 1.6 reads it as version 1, where every top-level key is a service; write version: '2', or remove version: for a version 1 file", f.name(), val)
		}
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "scalar"
}
