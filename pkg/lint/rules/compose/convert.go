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
	// unsure marks the nodes whose interpolated value is only a guess.
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
		pairs := yamlnode.Pairs(n)
		m := make(map[string]any, len(pairs))
		for _, p := range pairs {
			m[p.Key.Value] = c.value(p.Value, depth+1)
		}
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

// opaqueKeys are service keys whose contents the schemas do not look into
// (free-form Rancher objects such as metadata, which can be large): only
// their kind matters, so they are converted shallowly.
var opaqueKeys = map[string]bool{
	"metadata": true, "service_schemas": true, "load_balancer_config": true,
	"storage_driver": true, "network_driver": true, "disks": true, "log_opt": true,
}

// service converts a service body.
func (c *converter) service(n *yaml.Node) any {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return c.value(n, 1)
	}
	pairs := yamlnode.Pairs(n)
	m := make(map[string]any, len(pairs))
	for _, p := range pairs {
		if opaqueKeys[p.Key.Value] {
			m[p.Key.Value] = c.shallow(p.Value)
			continue
		}
		m[p.Key.Value] = c.value(p.Value, 2)
	}
	return m
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
	switch yaml11.KindOf(n) {
	case yaml11.Null:
		return nil
	case yaml11.Bool:
		return yaml11.Text(n) == "true"
	case yaml11.Int, yaml11.Float:
		return number(yaml11.Text(n))
	}
	out, sure := c.answers.expand(n.Value)
	if !sure {
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
	if _, err := strconv.ParseFloat(text, 64); err != nil {
		return text
	}
	return json.Number(text)
}
