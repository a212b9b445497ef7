package compose

import (
	"encoding/json"
	"strconv"

	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Bounds on the conversion of one document: aliases are resolved where they
// are used, so a chain of aliases to aliases could otherwise expand
// exponentially (an "alias bomb").
const (
	maxConvertDepth = 64
	maxConvertNodes = 200000
)

// converter turns a YAML node into the generic value Rancher's executor
// validates (maps, slices, json.Number, strings, bools, nil), after
// interpolating string values with the version's answers.
type converter struct {
	answers *answers
	// unsure marks the nodes whose interpolated value is only a guess (nil
	// while there is none).
	unsure map[*yaml.Node]bool
	nodes  int
	// exceeded is set when the document hit a bound; it is then not validated.
	exceeded bool
}

func (c *converter) value(n *yaml.Node, depth int) any {
	n = yamlnode.Resolve(n)
	c.nodes++
	if n == nil || c.exceeded {
		return nil
	}
	if depth > maxConvertDepth || c.nodes > maxConvertNodes {
		c.exceeded = true
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		eachPair(n, func(k, v *yaml.Node) {
			m[k.Value] = c.value(v, depth+1)
		})
		return m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, item := range n.Content {
			s = append(s, c.value(item, depth+1))
		}
		return s
	case yaml.ScalarNode:
		return c.scalar(n)
	}
	return nil
}

// opaqueKey reports whether a service key's contents are opaque to the
// schemas (free-form Rancher objects such as metadata, which can be large):
// only their kind matters, so they are converted shallowly. A switch
// rather than a map: the schema checks ask it for every service key.
func opaqueKey(k string) bool {
	switch k {
	case "metadata", "service_schemas", "load_balancer_config",
		"storage_driver", "network_driver", "disks", "log_opt":
		return true
	}
	return false
}

// service converts a service body.
func (c *converter) service(n *yaml.Node) any {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return c.value(n, 1)
	}
	m := make(map[string]any, len(n.Content)/2)
	eachPair(n, func(k, v *yaml.Node) {
		if opaqueKey(k.Value) {
			m[k.Value] = c.shallow(v)
			return
		}
		m[k.Value] = c.value(v, 2)
	})
	return m
}

// eachPair calls fn for the entries of mapping n in yamlnode.Pairs' order,
// without building Pairs' list when n merges nothing (nearly always).
func eachPair(n *yaml.Node, fn func(k, v *yaml.Node)) {
	if merges(n) {
		for _, p := range yamlnode.Pairs(n) {
			fn(p.Key, p.Value)
		}
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], yamlnode.Resolve(n.Content[i+1]))
	}
}

// merges reports whether mapping n has a merge key (`<<: *base`), whose
// entries only yamlnode.Pairs lists.
func merges(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
			return true
		}
	}
	return false
}

// shallow stands for a node by an empty value of its kind.
func (c *converter) shallow(n *yaml.Node) any {
	switch n = yamlnode.Resolve(n); {
	case n == nil:
		return nil
	case n.Kind == yaml.MappingNode:
		return map[string]any{}
	case n.Kind == yaml.SequenceNode:
		return []any{}
	}
	return c.scalar(n)
}

// scalar types a scalar as yaml.v2 (YAML 1.1, which Rancher uses) does:
// unquoted yes/no/on/off are booleans there, 0755 is 493, and only strings
// are interpolated.
func (c *converter) scalar(n *yaml.Node) any {
	return c.scalarOf(n, yaml11.KindOf(n))
}

// scalarOf is scalar for a node already typed as kind.
func (c *converter) scalarOf(n *yaml.Node, kind yaml11.Kind) any {
	switch kind {
	case yaml11.Null:
		return nil
	case yaml11.Bool:
		return yaml11.Text(n) == "true"
	case yaml11.Int, yaml11.Float:
		return number(yaml11.Text(n))
	}
	out, sure := c.answers.expand(n.Value)
	if !sure {
		if c.unsure == nil {
			c.unsure = map[*yaml.Node]bool{}
		}
		c.unsure[n] = true
	}
	return out
}

// number turns a number as yaml.v2 prints it into a JSON number for the
// schemas; infinities become out-of-range numbers, NaN zero. A tagged
// scalar that is no number (`!!int abc`, which yaml.v2 refuses) stays text.
func number(text string) any {
	switch text {
	case ".inf":
		return json.Number("1e999")
	case "-.inf":
		return json.Number("-1e999")
	case ".nan":
		return json.Number("0")
	}
	if len(text) <= 15 && decimalInteger(text) {
		return json.Number(text) // a float64 holds it exactly: ParseFloat agrees
	}
	if _, err := strconv.ParseFloat(text, 64); err != nil {
		return text
	}
	return json.Number(text)
}
