package metadata

import (
	"fmt"
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/catalogblock"
	"github.com/catalogen/catalogen/pkg/spelling"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleK005 = &lint.Rule{
	ID: "K005", Slug: "catalog.unknown-key", Formerly: []string{"rc.catalog-unknown-key"}, Severity: lint.Warning,
	Summary: "`.catalog` and its questions use only keys Rancher knows",
	Doc: "Rancher decodes `.catalog` and each question into fixed structs and silently ignores any other " +
		"key, so a typo such as `minimun_rancher_version` or `decription` just loses the setting: the " +
		"version shows on every Rancher release, or without its description. Service settings such as " +
		"`health_check` have no effect inside `.catalog` either; they belong to a service. " +
		"Warning: catalog-service (v1.6) ignores unknown keys, so the setting meant has no effect.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.2.0"
  minimun_rancher_version: v1.6.0
  questions:
    - variable: port
      descrition: Port to listen on
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.2.0"
  minimum_rancher_version: v1.6.0
  questions:
    - variable: port
      description: Port to listen on
`,
	Version: checkUnknownKeys,
}

var (
	catalogKeys  = catalogblock.Keys
	questionKeys = catalogblock.QuestionKeys

	// serviceKeys are rancher-compose service settings that reviewers find
	// pasted into `.catalog` (rancher-catalog#762).
	serviceKeys = []string{"health_check", "scale", "scale_policy", "retain_ip", "start_on_create", "upgrade_strategy", "lb_config", "load_balancer_config", "metadata", "storage_driver", "network_driver", "drain_timeout_ms", "image", "environment", "ports", "volumes", "links"}
	// configKeys belong to the template's config.yml.
	configKeys = []string{"category", "categories", "license", "projectURL", "projecturl", "isSystem"}
	// rancher2QuestionKeys are Rancher 2.x question features 1.6 ignores.
	rancher2QuestionKeys = []string{"show_if", "subquestions", "show_subquestion_if", "if", "satisfies", "hidden"}
)

func checkUnknownKeys(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	block := info.Key.Value
	blockPairs, plain := entriesToCheck(info.Node, catalogKeys)
	if !plain {
		reportRepeated(p, info, blockPairs, func() string { return "`" + block + "`" })
	}
	for _, pair := range blockPairs {
		key := pair.Key.Value
		if slices.Contains(catalogKeys, key) {
			continue
		}
		hint := ""
		switch {
		case slices.Contains(serviceKeys, key):
			hint = fmt.Sprintf("; `%s` is a service setting: put it under the service it applies to, outside `%s`", key, block)
		case slices.Contains(configKeys, key):
			hint = fmt.Sprintf("; `%s` belongs in the template's config.yml", key)
		default:
			if s := spelling.Closest(key, catalogKeys); s != "" {
				hint = spelling.Hint(s)
			} else {
				hint = "; known keys: " + strings.Join(catalogKeys, ", ")
			}
		}
		p.Report(info.Doc.At(pair.Key), "unknown key `%s` in `%s` is ignored by Rancher%s", key, block, hint)
	}
	for _, q := range info.Questions {
		qPairs, plain := entriesToCheck(q.Node, questionKeys)
		if !plain {
			reportRepeated(p, info, qPairs, func() string { return qname(q) })
		}
		for _, pair := range qPairs {
			key := pair.Key.Value
			if slices.Contains(questionKeys, key) {
				continue
			}
			hint := ""
			switch {
			case key == "name":
				hint = "; the question's name is `variable`"
			case slices.Contains(rancher2QuestionKeys, key):
				hint = " (it is a Rancher 2.x question feature)"
			default:
				if s := spelling.Closest(key, questionKeys); s != "" {
					hint = spelling.Hint(s)
				} else {
					hint = "; known question keys: " + strings.Join(questionKeys, ", ")
				}
			}
			p.Report(info.Doc.At(pair.Key), "%s: unknown key `%s` is ignored by Rancher%s", qname(q), key, hint)
		}
	}
}

// entriesToCheck returns the entries of mapping m (yamlnode.Pairs), or nil
// when m is plain (plainMapping: no key twice, so nothing for
// reportRepeated, and no merge) and every key is in known: nearly every
// block and question, read without listing their entries.
func entriesToCheck(m *yaml.Node, known []string) (ps []yamlnode.Pair, plain bool) {
	if m == nil || m.Kind != yaml.MappingNode || !plainMapping(m) {
		return yamlnode.Pairs(m), false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !slices.Contains(known, m.Content[i].Value) {
			return yamlnode.Pairs(m), true
		}
	}
	return nil, true
}

// reportRepeated reports keys written twice in one mapping: Rancher's YAML
// decoder keeps the last value without a word, so the earlier one is as
// ignored as an unknown key.
func reportRepeated(p *lint.Pass, info *catalog.Info, ps []yamlnode.Pair, where func() string) {
	for i, a := range ps {
		for _, b := range ps[i+1:] {
			if a.Key.Value == b.Key.Value {
				p.Report(info.Doc.At(a.Key), "%s: key `%s` is repeated at line %d; Rancher keeps only the last one, so this %s is ignored; remove one of them", where(), a.Key.Value, b.Key.Line, describeEntry(a))
				break
			}
		}
	}
}

func describeEntry(pair yamlnode.Pair) string {
	if v := pair.Value; v != nil && v.Kind == yaml.ScalarNode && len(v.Value) <= 40 && !strings.Contains(v.Value, "\n") {
		return fmt.Sprintf("`%s: %s`", pair.Key.Value, pair.Value.Value)
	}
	return "`" + pair.Key.Value + "`"
}
