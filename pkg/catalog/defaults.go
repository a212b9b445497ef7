package catalog

import (
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"gopkg.in/yaml.v3"
)

// DefaultString returns a question default the way Rancher ends up with it.
// catalog-service and the executor decode `.catalog` with yaml.v2 (YAML 1.1)
// into a generic map, marshal it and unmarshal it into a string field, so an
// unquoted scalar is first resolved as YAML 1.1 and then printed: `yes` and
// `on` become "true", `0755` becomes "493", `0x1F` "31", `1.10` "1.1",
// `1e3` "1000", and `~` or nothing "". It is yaml11.Text, under the name the
// model's readers know it by.
func DefaultString(n *yaml.Node) string { return yaml11.Text(n) }
