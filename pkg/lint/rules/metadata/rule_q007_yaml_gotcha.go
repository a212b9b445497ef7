package metadata

import (
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleQ007 = &lint.Rule{
	ID: "Q007", Slug: "question.yaml-gotcha", Formerly: []string{"q.yaml-gotcha"}, Severity: lint.Warning,
	Summary: "unquoted defaults and options that YAML 1.1 rewrites are quoted",
	Doc: "Rancher reads `.catalog` with a YAML 1.1 decoder and stores defaults and options as strings " +
		"after a round trip, so an unquoted `yes`/`no`/`on`/`off` becomes \"true\"/\"false\", `0755` " +
		"becomes \"493\", `0x1F` \"31\", `1.10` \"1.1\", `2.0` \"2\" and `1e3` \"1000\". The user is " +
		"offered, and the compose files receive, something other than what was written. Quote the value. " +
		"Rewrites that keep the meaning (yes for a boolean, 1.0 for a float) are not reported. " +
		"Warning: catalog-service's yaml.v2 round trip (v1.6) silently changes the default the user sees.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: php_version
      type: string
      default: 7.10
    - variable: country
      type: enum
      options: [SE, NO, DK]
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: php_version
      type: string
      default: "7.10"
    - variable: country
      type: enum
      options: [SE, "NO", DK]
`,
	Version: checkYAMLGotcha,
}

func checkYAMLGotcha(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		if dn := q.Field("default"); rewritten(q, dn) {
			_, out := yaml11.Resolve(dn.Value)
			p.Report(at(info, dn), "%s: unquoted default %s is a YAML 1.1 %s, which Rancher turns into %q; quote it: default: %q", qname(q), dn.Value, yaml11.KindOf(dn), out, dn.Value)
		}
		opts := yamlnode.Resolve(q.Field("options"))
		if opts == nil || opts.Kind != yaml.SequenceNode {
			continue
		}
		for _, item := range opts.Content {
			item = yamlnode.Resolve(item)
			if rewritten(q, item) {
				_, out := yaml11.Resolve(item.Value)
				p.Report(at(info, item), "%s: unquoted option %s is a YAML 1.1 %s, which Rancher turns into %q; quote it: %q", qname(q), item.Value, yaml11.KindOf(item), out, item.Value)
			}
		}
	}
}

// rewritten reports whether an unquoted scalar changes in Rancher's YAML
// 1.1 round trip in a way that matters for the question's type.
func rewritten(q *catalog.Question, n *yaml.Node) bool {
	n = yamlnode.Resolve(n)
	if !yaml11.IsPlain(n) {
		return false
	}
	k := yaml11.KindOf(n)
	if k == yaml11.Null {
		return false // `~` and `null` mean no default, as intended
	}
	_, out := yaml11.Resolve(n.Value)
	if out == n.Value {
		return false
	}
	switch q.Type {
	case "boolean":
		return k != yaml11.Bool
	case "int", "float":
		if k.IsNumber() {
			a, errA := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
			b, errB := strconv.ParseFloat(out, 64)
			return errA != nil || errB != nil || a != b
		}
	}
	return true
}
