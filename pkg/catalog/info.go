package catalog

import (
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Info is the `.catalog` block of a version, read from the raw
// rancher-compose.yml as catalog-service reads it.
type Info struct {
	Doc  *Doc       // the raw rancher-compose.yml document
	Key  *yaml.Node // the `.catalog` / `catalog` key
	Node *yaml.Node // the block's mapping (resolved)
	// Placement is where the block was found: ".catalog", "catalog",
	// "services..catalog" or "services.catalog".
	Placement string

	Version, Name, Description                   string
	MinimumRancherVersion, MaximumRancherVersion string
	UpgradeFrom, UUID                            string
	Questions                                    []*Question

	memo
}

// Field returns the value node of a `.catalog` key.
func (i *Info) Field(key string) *yaml.Node { return yamlnode.Value(i.Node, key) }

// Question is one `.catalog.questions` item.
type Question struct {
	Node     *yaml.Node // the item's mapping
	Variable string
	Type     string
	Label    string
	// Default is the default as Rancher stringifies it (see DefaultString).
	Default    string
	HasDefault bool
	Required   bool
	Options    []string
}

// Field returns the value node of a question key.
func (q *Question) Field(key string) *yaml.Node { return yamlnode.Value(q.Node, key) }

// Question returns the question declaring variable, or nil.
func (i *Info) Question(variable string) *Question {
	if i == nil {
		return nil
	}
	for _, q := range i.Questions {
		if q.Variable == variable {
			return q
		}
	}
	return nil
}

// readInfo finds and decodes the `.catalog` block of a raw rancher-compose
// document the way catalog-service does: top-level `catalog`, else
// `.catalog`; for version 2 files also under `services`.
func readInfo(doc *Doc) *Info {
	root := doc.Root
	if !yamlnode.IsMap(root) {
		return nil
	}
	// catalog-service takes data["catalog"] when it is set, else
	// data[".catalog"]; for version 2 files also services[".catalog"].
	var key, node *yaml.Node
	placement := ""
	for _, name := range []string{"catalog", ".catalog"} {
		if k, v := yamlnode.Get(root, name); k != nil && !yamlnode.IsNull(v) {
			key, node, placement = k, v, name
			break
		}
	}
	if key == nil {
		if ver, _ := yamlnode.Scalar(root, "version"); ver == "2" {
			if k, v := yamlnode.Get(yamlnode.Value(root, "services"), ".catalog"); k != nil && !yamlnode.IsNull(v) {
				key, node, placement = k, v, "services..catalog"
			}
		}
	}
	if key == nil {
		return nil
	}
	info := &Info{Doc: doc, Key: key, Node: node, Placement: placement}
	// Every string goes through the same yaml.v2 round trip as defaults:
	// an unquoted `version: 1.10` is "1.1" to Rancher.
	info.Version = DefaultString(yamlnode.Value(node, "version"))
	info.Name = DefaultString(yamlnode.Value(node, "name"))
	info.Description = DefaultString(yamlnode.Value(node, "description"))
	info.MinimumRancherVersion = DefaultString(yamlnode.Value(node, "minimum_rancher_version"))
	info.MaximumRancherVersion = DefaultString(yamlnode.Value(node, "maximum_rancher_version"))
	info.UpgradeFrom = DefaultString(yamlnode.Value(node, "upgrade_from"))
	info.UUID = DefaultString(yamlnode.Value(node, "uuid"))
	if qs := yamlnode.Value(node, "questions"); yamlnode.IsSeq(qs) {
		for _, item := range qs.Content {
			item = yamlnode.Resolve(item)
			if !yamlnode.IsMap(item) {
				continue
			}
			q := &Question{Node: item}
			q.Variable = scalarString(yamlnode.Value(item, "variable"))
			q.Type = scalarString(yamlnode.Value(item, "type"))
			q.Label = scalarString(yamlnode.Value(item, "label"))
			if d := yamlnode.Value(item, "default"); d != nil {
				q.Default, q.HasDefault = DefaultString(d), true
			}
			// `required: yes` is true to YAML 1.1; a quoted "true" is a
			// type error for Rancher (K004/Q008), so not required here.
			if r := yamlnode.Value(item, "required"); r != nil && r.Kind == yaml.ScalarNode && r.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
				q.Required = DefaultString(r) == "true"
			}
			if opts := yamlnode.Value(item, "options"); yamlnode.IsSeq(opts) {
				for _, o := range opts.Content {
					if o = yamlnode.Resolve(o); o != nil && o.Kind == yaml.ScalarNode {
						q.Options = append(q.Options, DefaultString(o))
					}
				}
			}
			info.Questions = append(info.Questions, q)
		}
	}
	return info
}

// scalarString returns a scalar's text, or "" for nulls and collections.
func scalarString(n *yaml.Node) string {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}
