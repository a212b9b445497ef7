package metadata

import (
	"fmt"
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/catalogblock"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleK004 = &lint.Rule{
	ID: "K004", Slug: "catalog.types", Formerly: []string{"rc.catalog-types"}, Severity: lint.Error,
	Summary: "`.catalog` decodes into Rancher's struct: strings, a list of question mappings, integer min/max, a list of options, a scalar default",
	Doc: "catalog-service and the executor decode `.catalog` by marshalling it to YAML and unmarshalling it " +
		"into typed Go structs. A list where a string is expected, a quoted \"5\" for `min`, a scalar " +
		"`options` or a mapping as `default` makes that conversion fail, and the whole version is " +
		"dropped without a message. An unquoted `version` that YAML 1.1 rewrites (1.10 becomes \"1.1\") " +
		"is a warning: it no longer matches config.yml or may collide with another version. " +
		"Error: catalog-service's decode (v1.6) fails and drops the version.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: workers
      type: int
      min: "1"
      options: none
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: workers
      type: int
      min: 1
`,
	Version: checkCatalogTypes,
}

const dropped = "the conversion fails and Rancher drops this version"

func checkCatalogTypes(p *lint.Pass, v *catalog.Version) {
	info := v.Catalog
	if info == nil || info.Doc == nil {
		return
	}
	block := info.Key.Value
	switch k := yaml11.KindOf(info.Node); {
	case k == yaml11.Null:
		return // K002
	case k != yaml11.Map:
		p.Report(at(info, info.Node), "`%s` must be a mapping of metadata keys, not %s: %s", block, k.WithArticle(), dropped)
		return
	}
	eachPair(info.Node, func(pair yamlnode.Pair) {
		key, val := pair.Key.Value, pair.Value
		k := yaml11.KindOf(val)
		switch {
		case slices.Contains(catalogblock.StringKeys, key):
			if k.IsCollection() {
				p.Report(at(info, pair.Key), "`%s.%s` must be a string, not %s: %s", block, key, k.WithArticle(), dropped)
			} else if key == "version" && yaml11.IsPlain(val) && k != yaml11.Null {
				if _, out := yaml11.Resolve(val.Value); out != val.Value {
					p.ReportSeverity(lint.Warning, at(info, val), "unquoted version %s is a YAML 1.1 %s that Rancher stores as %q, which no longer matches what you wrote (config.yml's version, other folders); quote it: version: %q", val.Value, k, out, val.Value)
				}
			}
		case key == "questions":
			switch {
			case k == yaml11.Null:
			case k != yaml11.Seq:
				p.Report(at(info, pair.Key), "`%s.questions` must be a list of questions (`- variable: ...`), not %s: %s", block, k.WithArticle(), dropped)
			default:
				qs := info.Questions // the same items, read by the loader
				for _, item := range val.Content {
					item = yamlnode.Resolve(item)
					switch ik := yaml11.KindOf(item); {
					case ik == yaml11.Null:
					case ik != yaml11.Map:
						p.Report(at(info, item), "each question must be a mapping (`- variable: NAME` with its keys indented under it), not %s: %s", ik.WithArticle(), dropped)
					default:
						var q *catalog.Question
						if len(qs) > 0 && qs[0].Node == item {
							q, qs = qs[0], qs[1:]
						}
						checkQuestionTypes(p, info, item, q)
					}
				}
			}
		case key == "labels":
			switch {
			case k == yaml11.Null:
			case k != yaml11.Map:
				p.Report(at(info, pair.Key), "`%s.labels` must be a mapping of label names to strings, not %s: %s", block, k.WithArticle(), dropped)
			default:
				for _, l := range pairs(val) {
					if lk := yaml11.KindOf(l.Value); lk.IsCollection() {
						p.Report(at(info, l.Key), "label %s must have a string value, not %s: %s", l.Key.Value, lk.WithArticle(), dropped)
					}
				}
			}
		}
	})
}

// checkQuestionTypes checks question item q; question is what the loader
// read from it, when known.
func checkQuestionTypes(p *lint.Pass, info *catalog.Info, q *yaml.Node, question *catalog.Question) {
	variable := ""
	if question != nil {
		variable = question.Variable
	} else {
		variable = yaml11.Text(yamlnode.Value(q, "variable"))
	}
	name := func() string { // only for a finding
		if variable == "" {
			return "question"
		}
		return "question " + variable
	}
	eachPair(q, func(pair yamlnode.Pair) {
		key, val := pair.Key.Value, pair.Value
		// The kind of a scalar is looked up only for the keys that
		// need it; that of a collection is its node's.
		r := yamlnode.Resolve(val)
		coll := r != nil && (r.Kind == yaml.MappingNode || r.Kind == yaml.SequenceNode)
		kind := func() yaml11.Kind { return yaml11.KindOf(val) }
		posNode := val
		if val == nil || val.Line == 0 || coll {
			posNode = pair.Key
		}
		pos := func() catalog.Pos { return at(info, posNode) } // only for a finding
		switch {
		case slices.Contains(catalogblock.QuestionStringKeys, key):
			if coll {
				p.Report(pos(), "%s: `%s` must be a string, not %s: %s", name(), key, kind().WithArticle(), dropped)
			}
		case key == "required":
			k := kind()
			// A string is Q008's; here the other non-booleans.
			if k != yaml11.Null && k != yaml11.Bool && k != yaml11.String {
				p.Report(pos(), "%s: `required` must be true or false, not %s (%s): %s", name(), k.WithArticle(), describe(val), dropped)
			}
		case slices.Contains(catalogblock.QuestionIntKeys, key):
			if k := kind(); k != yaml11.Null && !k.IsNumber() {
				fix := ""
				if k == yaml11.String && val.Kind == yaml.ScalarNode {
					if nk, out := yaml11.Resolve(val.Value); nk.IsNumber() {
						fix = fmt.Sprintf("; write %s: %s without quotes", key, out)
					}
				}
				p.Report(pos(), "%s: `%s` must be an integer, not %s (%s): %s%s", name(), key, k.WithArticle(), describe(val), dropped, fix)
			}
		case key == "options":
			switch k := kind(); {
			case k == yaml11.Null:
			case k != yaml11.Seq:
				p.Report(pos(), "%s: `options` must be a list such as [a, b], not %s: %s", name(), k.WithArticle(), dropped)
			default:
				for _, item := range val.Content {
					item = yamlnode.Resolve(item)
					if ik := yaml11.KindOf(item); ik.IsCollection() {
						p.Report(at(info, item), "%s: each option must be a single value, not %s: %s", name(), ik.WithArticle(), dropped)
					}
				}
			}
		case key == "default":
			if coll {
				p.Report(pos(), "%s: `default` must be a single value (Rancher stores it as a string), not %s: %s; for several values write one string, e.g. \"a,b\"", name(), kind().WithArticle(), dropped)
			}
		}
	})
}

// describe shows a node in a message: a scalar's text, else its kind.
func describe(n *yaml.Node) string {
	n = yamlnode.Resolve(n)
	if n == nil {
		return "nothing"
	}
	if n.Kind == yaml.ScalarNode {
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return fmt.Sprintf("%q", n.Value)
		}
		return n.Value
	}
	return yaml11.KindOf(n).String()
}
