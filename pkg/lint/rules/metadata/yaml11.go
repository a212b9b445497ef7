package metadata

import (
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// kind is the type a node gets from yaml.v2, the YAML 1.1 decoder that
// catalog-service and the executor read `.catalog` with. yaml.v3 (YAML 1.2)
// types plain scalars differently (`yes` is a string there, a bool in 1.1),
// so rules must not trust the node's own tag for plain scalars.
type kind int

const (
	kindNull kind = iota
	kindBool
	kindInt
	kindFloat
	kindString
	kindMap
	kindSeq
)

func (k kind) String() string {
	switch k {
	case kindNull:
		return "null"
	case kindBool:
		return "boolean"
	case kindInt:
		return "integer"
	case kindFloat:
		return "float"
	case kindString:
		return "string"
	case kindMap:
		return "mapping"
	case kindSeq:
		return "list"
	}
	return "value"
}

// a returns the kind with its article ("an integer", "a list").
func (k kind) a() string {
	if k == kindInt {
		return "an integer"
	}
	return "a " + k.String()
}

func (k kind) isCollection() bool { return k == kindMap || k == kindSeq }
func (k kind) isNumber() bool     { return k == kindInt || k == kindFloat }

// yaml11Kind returns the YAML 1.1 type of a node (aliases followed).
func yaml11Kind(n *yaml.Node) kind {
	n = yamlnode.Resolve(n)
	if n == nil {
		return kindNull
	}
	switch n.Kind {
	case yaml.MappingNode:
		return kindMap
	case yaml.SequenceNode:
		return kindSeq
	case yaml.ScalarNode:
	default:
		return kindString
	}
	if isQuoted(n) {
		return kindString
	}
	if n.Style&yaml.TaggedStyle != 0 {
		switch n.Tag {
		case "!!null":
			return kindNull
		case "!!bool":
			return kindBool
		case "!!int":
			return kindInt
		case "!!float":
			return kindFloat
		}
		return kindString
	}
	switch n.Value {
	case "", "~", "null", "Null", "NULL":
		return kindNull
	}
	out, _ := catalog.ResolveYAML11(n.Value)
	if out == "true" || out == "false" {
		// ResolveYAML11 prints only YAML 1.1 booleans this way.
		return kindBool
	}
	if !numericText(out) {
		return kindString
	}
	if _, err := strconv.ParseFloat(out, 64); err != nil {
		return kindString
	}
	if _, err := strconv.ParseInt(out, 10, 64); err == nil && !floatSpelling(n.Value) {
		return kindInt
	}
	return kindFloat
}

// isQuoted reports whether a scalar was written quoted or as a block
// scalar, so that no YAML type resolution applies to it.
func isQuoted(n *yaml.Node) bool {
	return n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
}

// isPlain reports whether n is an unquoted, untagged scalar: the only kind
// of scalar that YAML 1.1 may reinterpret.
func isPlain(n *yaml.Node) bool {
	n = yamlnode.Resolve(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

func numericText(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return false
		}
	}
	return true
}

// floatSpelling reports whether a plain number is written as a float
// (`1.0`, `1e3`), which yaml.v2 decodes as float64 even when it is whole.
func floatSpelling(s string) bool {
	lower := strings.ToLower(strings.TrimLeft(s, "+-"))
	if strings.HasPrefix(lower, "0x") || strings.HasPrefix(lower, "0b") {
		return false
	}
	return strings.ContainsAny(lower, ".e")
}

// effective returns a scalar as Rancher ends up with it in a string field
// after its map -> YAML -> struct round trip ("" for nulls and collections).
func effective(n *yaml.Node) string { return catalog.DefaultString(n) }
