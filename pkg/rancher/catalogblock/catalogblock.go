// Package catalogblock reads the `.catalog` block of a rancher-compose.yml
// the way Rancher 1.6 does. catalog-service, the compose executor and the
// old catalog all find the block with the same rule and decode it with
// yaml.v2 (YAML 1.1) into a generic map before converting it to strings, so
// an unquoted `version: 1.10` is "1.1" to Rancher. The loader, the output
// folder reader and the renderer read the block only through this package.
package catalogblock

import (
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Where a block can be found, as Block.Placement names it.
const (
	// Top is a top-level `catalog:`, which catalog-service prefers.
	Top = "catalog"
	// Dot is a top-level `.catalog:`.
	Dot = ".catalog"
	// UnderServices is `.catalog` under `services:` of a version 2 file,
	// which the metadata parsers read and the executor then rejects.
	UnderServices = "services..catalog"
)

// Keys are the `.catalog` keys Rancher reads (or, for maintainer, accepts).
var Keys = []string{"name", "version", "description", "uuid", "minimum_rancher_version", "maximum_rancher_version", "upgrade_from", "questions", "labels", "output", "maintainer"}

// StringKeys are the Keys Rancher decodes into string fields; the others
// are questions (a list), labels (a mapping of strings) and output.
var StringKeys = []string{"name", "version", "description", "uuid", "minimum_rancher_version", "maximum_rancher_version", "upgrade_from", "maintainer"}

// QuestionKeys are the keys of a question Rancher 1.6 reads.
var QuestionKeys = []string{"variable", "label", "description", "type", "required", "default", "group", "options", "min", "max", "min_length", "max_length", "valid_chars", "invalid_chars"}

// QuestionStringKeys and QuestionIntKeys are the QuestionKeys Rancher
// decodes into string and integer fields; the others are required (a
// boolean), default (any scalar, stringified) and options (a list).
var (
	QuestionStringKeys = []string{"variable", "label", "description", "type", "group", "valid_chars", "invalid_chars"}
	QuestionIntKeys    = []string{"min", "max", "min_length", "max_length"}
)

// QuestionTypes are the question types Rancher 1.6's UI supports.
var QuestionTypes = []string{"string", "int", "float", "boolean", "enum", "multiline", "password", "masked", "service", "certificate", "secret", "date"}

// Block is a `.catalog` block with its fields as Rancher reads them.
type Block struct {
	Key  *yaml.Node // the `.catalog` / `catalog` key
	Node *yaml.Node // the block's value (aliases followed)
	// Placement is Top, Dot or UnderServices.
	Placement string

	// The fields, each as Rancher's string field holds it (yaml11.Text).
	Version, Name, Description                   string
	MinimumRancherVersion, MaximumRancherVersion string
	UpgradeFrom, UUID                            string
	// Questions are the mapping items of `questions`, in order.
	Questions []*Question
}

// Field returns the value node of a `.catalog` key (the last of repeated
// keys, as yaml.v2 keeps it).
func (b *Block) Field(key string) *yaml.Node { return yamlnode.Value(b.Node, key) }

// Question returns the question declaring variable, or nil.
func (b *Block) Question(variable string) *Question {
	if b == nil {
		return nil
	}
	for _, q := range b.Questions {
		if q.Variable == variable {
			return q
		}
	}
	return nil
}

// Question is one `.catalog.questions` item as Rancher reads it.
type Question struct {
	Node *yaml.Node // the item's mapping
	// Variable, Type and Label are as Rancher's string fields hold them
	// ("" for a missing key, a null or a collection).
	Variable, Type, Label string
	// Default is the default as Rancher stringifies it (yaml11.Text), and
	// HasDefault whether the key is present.
	Default    string
	HasDefault bool
	// Required is true only for a YAML 1.1 boolean true (`yes` counts; a
	// quoted "true" is a type error for Rancher, so it does not).
	Required bool
	// Options are the scalar items of `options`, stringified.
	Options []string

	// read holds the value nodes of the keys read above, as Field returns
	// them: the rules ask for them again and again. hasRead is false for a
	// Question not made by Read.
	read    readFields
	hasRead bool
}

type readFields struct{ variable, typ, label, def, required, options *yaml.Node }

// DropNodes forgets the question's YAML nodes (Node and those Read kept),
// keeping its string fields: a streaming catalog lets go of the parse of a
// version it is done with, and a node kept here would keep it alive.
func (q *Question) DropNodes() {
	q.Node = nil
	q.read, q.hasRead = readFields{}, false
}

// Field returns the value node of a question key.
func (q *Question) Field(key string) *yaml.Node {
	if r := &q.read; q.hasRead {
		switch key {
		case "variable":
			return r.variable
		case "type":
			return r.typ
		case "label":
			return r.label
		case "default":
			return r.def
		case "required":
			return r.required
		case "options":
			return r.options
		}
	}
	return yamlnode.Value(q.Node, key)
}

// Find returns the key and value of the `.catalog` block of a raw
// rancher-compose.yml document as catalog-service picks it: a top-level
// `catalog` when it is set (not null), else a top-level `.catalog`, else, in
// a version 2 file, `.catalog` under `services`. It returns nils when there
// is none.
func Find(root *yaml.Node) (key, value *yaml.Node, placement string) {
	root = yamlnode.Resolve(root)
	if !yamlnode.IsMap(root) {
		return nil, nil, ""
	}
	for _, name := range []string{Top, Dot} {
		if k, v := yamlnode.Get(root, name); k != nil && !yamlnode.IsNull(v) {
			return k, v, name
		}
	}
	if composefile.IsV2(root) {
		if k, v := yamlnode.Get(yamlnode.Value(root, "services"), ".catalog"); k != nil && !yamlnode.IsNull(v) {
			return k, v, UnderServices
		}
	}
	return nil, nil, ""
}

// Read finds and reads the `.catalog` block of a raw rancher-compose.yml
// document, or returns nil when it has none.
func Read(root *yaml.Node) *Block {
	key, node, placement := Find(root)
	if key == nil {
		return nil
	}
	b := &Block{Key: key, Node: node, Placement: placement}
	b.Version = yaml11.Text(b.Field("version"))
	b.Name = yaml11.Text(b.Field("name"))
	b.Description = yaml11.Text(b.Field("description"))
	b.MinimumRancherVersion = yaml11.Text(b.Field("minimum_rancher_version"))
	b.MaximumRancherVersion = yaml11.Text(b.Field("maximum_rancher_version"))
	b.UpgradeFrom = yaml11.Text(b.Field("upgrade_from"))
	b.UUID = yaml11.Text(b.Field("uuid"))
	if qs := b.Field("questions"); yamlnode.IsSeq(qs) {
		for _, item := range qs.Content {
			if item = yamlnode.Resolve(item); yamlnode.IsMap(item) {
				b.Questions = append(b.Questions, readQuestion(item))
			}
		}
	}
	return b
}

func readQuestion(item *yaml.Node) *Question {
	q := &Question{Node: item}
	// One pass over the item finds the keys read here, each the last of
	// its repeats as yamlnode.Get finds it: loading reads every question
	// of every version, and a Get per key walked the item six times.
	var variable, typ, label, def, required, options, defKey *yaml.Node
	merges := false
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
			merges = true
			continue
		}
		switch k.Value {
		case "variable":
			variable = v
		case "type":
			typ = v
		case "label":
			label = v
		case "default":
			defKey, def = k, v
		case "required":
			required = v
		case "options":
			options = v
		}
	}
	// A key the item does not hold itself may come from a merge
	// (`<<: *base`); Get knows how merges resolve.
	field := func(n *yaml.Node, key string) *yaml.Node {
		if n == nil && merges {
			return q.Field(key)
		}
		return yamlnode.Resolve(n)
	}
	r := &q.read
	*r = readFields{
		variable: field(variable, "variable"),
		typ:      field(typ, "type"),
		label:    field(label, "label"),
		required: field(required, "required"),
		options:  field(options, "options"),
		def:      field(def, "default"),
	}
	if defKey == nil && merges {
		defKey, _ = yamlnode.Get(item, "default")
	}
	q.Variable = yaml11.Text(r.variable)
	q.Type = yaml11.Text(r.typ)
	q.Label = yaml11.Text(r.label)
	if defKey != nil {
		q.Default, q.HasDefault = yaml11.Text(r.def), true
	}
	if yaml11.KindOf(r.required) == yaml11.Bool {
		q.Required = yaml11.Text(r.required) == "true"
	}
	if opts := r.options; yamlnode.IsSeq(opts) {
		for _, o := range opts.Content {
			if o = yamlnode.Resolve(o); o != nil && o.Kind == yaml.ScalarNode {
				q.Options = append(q.Options, yaml11.Text(o))
			}
		}
	}
	q.hasRead = true
	return q
}

// Version returns `.catalog.version` of a raw (untemplated) rancher-compose.yml
// as catalog-service reads it, or "" when the file is not YAML or has no
// block or no version. catalog-service drops a version folder for which this
// is "".
func Version(rancherCompose []byte) string {
	var doc yaml.Node
	if yaml.Unmarshal(rancherCompose, &doc) != nil {
		return ""
	}
	b := Read(&doc)
	if b == nil {
		return ""
	}
	return b.Version
}
