package compose

import (
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// portRule is one lb_config.port_rules item of a load balancer service.
type portRule struct {
	service *catalog.Service
	entry   catalog.Entry // the lb_config entry (its Doc positions nodes)
	node    *yaml.Node    // the rule's mapping
}

// portRules returns the port rules of every service with an lb_config, as
// merged (rancher-compose's lb_config replaces docker-compose's).
func portRules(proj *catalog.Project) []portRule {
	if proj == nil {
		return nil
	}
	var out []portRule
	for _, s := range proj.Services {
		e, ok := s.Field("lb_config")
		if !ok {
			continue
		}
		rules := yamlnode.Value(e.Value, "port_rules")
		if !yamlnode.IsSeq(rules) {
			continue
		}
		for _, item := range rules.Content {
			if item = yamlnode.Resolve(item); yamlnode.IsMap(item) {
				out = append(out, portRule{service: s, entry: e, node: item})
			}
		}
	}
	return out
}

// field returns a rule key's key and value nodes.
func (r portRule) field(key string) (k, v *yaml.Node) { return yamlnode.Get(r.node, key) }

// text returns a rule key's interpolated value; set is false when the key is
// absent, null or empty, sure is false when the value is a guess.
func (r portRule) text(a *answers, key string) (val string, set, sure bool) {
	_, v := r.field(key)
	if v == nil || yamlnode.IsNull(v) {
		return "", false, true
	}
	val, sure = a.scalar(v)
	if !sure {
		return "", true, false
	}
	return val, strings.TrimSpace(val) != "", true
}

// int returns a rule key's integer value (numeric strings count, as the
// executor converts them).
func (r portRule) int(a *answers, key string) (int64, bool) {
	val, set, sure := r.text(a, key)
	if !set || !sure {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(val), 10, 64)
	return n, err == nil
}

func (r portRule) at(n *yaml.Node) catalog.Pos { return r.entry.Doc.At(n) }
