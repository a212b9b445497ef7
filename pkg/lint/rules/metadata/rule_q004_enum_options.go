package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleQ004 = &lint.Rule{
	ID: "Q004", Slug: "question.enum-options", Formerly: []string{"q.enum-options"}, Severity: lint.Error,
	Summary: "an enum question has options, and its default is one of them",
	Doc: "The UI renders an enum as a select of its `options` plus an empty \"choose\" entry. Without " +
		"options nothing can be chosen (error). A default that is not among the options (compared " +
		"after Rancher's YAML round trip, so `yes` is \"true\") cannot be shown as selected (warning). " +
		"Error: the UI (v1.6) shows an empty select for an enum without options, so the question cannot be answered; a default outside the options is a warning.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: VOLUME_DRIVER
      type: enum
      default: nfs
      options: [local, rancher-nfs]
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: VOLUME_DRIVER
      type: enum
      default: rancher-nfs
      options: [local, rancher-nfs]
`,
	Version: checkEnumOptions,
}

func checkEnumOptions(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		if q.Type != "enum" {
			continue
		}
		k, optNode := yamlnode.Get(q.Node, "options")
		if yaml11.KindOf(optNode) != yaml11.Seq && yaml11.KindOf(optNode) != yaml11.Null {
			continue // K004
		}
		opts := options(optNode)
		if len(opts) == 0 {
			pos := fieldPos(info, q, "type")
			if k != nil {
				pos = info.Doc.At(k)
			}
			p.Report(pos, "enum %s has no options, so the UI offers nothing to choose; add `options: [a, b]`", qname(q))
			continue
		}
		dn := q.Field("default")
		if yaml11.KindOf(dn).IsCollection() {
			continue
		}
		def := yaml11.Text(dn)
		if def == "" {
			continue
		}
		found := false
		for _, o := range opts {
			if o == def {
				found = true
				break
			}
		}
		if !found {
			p.ReportSeverity(lint.Warning, at(info, dn), "%s: default %q is not one of the options as Rancher reads them (%s), so the UI cannot preselect it; use one of the options", qname(q), def, quoteList(opts, 8))
		}
	}
}

// options returns a list's items as Rancher stores them (strings after the
// YAML 1.1 round trip); collections are skipped.
func options(n *yaml.Node) []string {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if yaml11.KindOf(item).IsCollection() {
			continue
		}
		out = append(out, yaml11.Text(item))
	}
	return out
}
