package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleS006 = &lint.Rule{
	ID:       "S006",
	Slug:     "sidekick.lb-target",
	Formerly: []string{"sk.lb-target"},
	Severity: lint.Error,
	Summary:  "a load balancer does not target a sidekick",
	Doc: "A sidekick is a launch config inside its primary's service, not a service of its own, so a Rancher " +
		"load balancer cannot route to it: a `lb_config.port_rules` item (or a legacy balancer link or " +
		"`io.rancher.loadbalancer.target.*` label) naming a sidekick fails to find the service. Target the " +
		"primary; its sidekicks share its network when they use `network_mode: container:<primary>`. " +
		"Error: the load balancer (v1.6) cannot target a sidekick; the route never works.",
	Bad: `# docker-compose.yml
version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-proxy
  app-proxy:
    image: nginx:1.25
  lb:
    image: rancher/lb-service-haproxy:v0.9.14
    ports:
      - 80:80
# rancher-compose.yml
version: '2'
services:
  lb:
    lb_config:
      port_rules:
        - source_port: 80
          target_port: 8080
          service: app-proxy      # app-proxy is a sidekick of app
`,
	Good: `# docker-compose.yml
version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-proxy
  app-proxy:
    image: nginx:1.25
  lb:
    image: rancher/lb-service-haproxy:v0.9.14
    ports:
      - 80:80
# rancher-compose.yml
version: '2'
services:
  lb:
    lb_config:
      port_rules:
        - source_port: 80
          target_port: 8080
          service: app
`,
	Version: lint.Requires(stack.New, checkS006),
}

func checkS006(p *lint.Pass, w *stack.View) {
	sk := w.Sidekicks()
	report := func(lb *catalog.Service, where catalog.Pos, target, how string) {
		if i := strings.IndexByte(target, '/'); i >= 0 {
			return // another stack's service: its sidekicks are not known here
		}
		if !sk.IsSidekick(target) || w.Service(target) == nil {
			return
		}
		primary := sk.PrimariesOf(target)[0]
		p.Report(where, "load balancer %s %s %s, which is a sidekick of %s: a sidekick is not a service and cannot be balanced to; target %s", lb.Name, how, target, primary, primary)
	}
	for _, s := range w.Services() {
		switch w.KindOf(s) {
		case stack.LoadBalancer:
			e, ok := s.Field("lb_config")
			if !ok {
				continue
			}
			rules := yamlnode.Value(e.Value, "port_rules")
			if !yamlnode.IsSeq(rules) {
				continue
			}
			for _, item := range rules.Content {
				k, val := yamlnode.Get(item, "service")
				if k == nil {
					continue
				}
				if target, sure := w.Scalar(val); sure {
					report(s, at(e.Doc, val, k), target, "routes a port rule to")
				}
			}
		case stack.LegacyBalancer:
			if e, ok := s.Field("links"); ok {
				for _, item := range linkItems(e.Value) {
					if name, sure := w.Scalar(item); sure {
						name, _, _ = strings.Cut(name, ":")
						report(s, e.Doc.At(item), name, "links to")
					}
				}
			}
			for _, l := range s.Labels() {
				if target, ok := strings.CutPrefix(l.Key, "io.rancher.loadbalancer.target."); ok {
					report(s, l.Pos(), target, "has a target label for")
				}
			}
		}
	}
}

// linkItems returns the items of a links field (a list, or a map of
// service: alias).
func linkItems(n *yaml.Node) []*yaml.Node {
	n = yamlnode.Resolve(n)
	switch {
	case yamlnode.IsSeq(n):
		return n.Content
	case yamlnode.IsMap(n):
		var out []*yaml.Node
		for _, p := range yamlnode.Pairs(n) {
			out = append(out, p.Key)
		}
		return out
	}
	return nil
}

// at is the position of a value node, or of its key when the value is null.
func at(d *catalog.Doc, value, key *yaml.Node) catalog.Pos {
	if value == nil || value.Line == 0 {
		return d.At(key)
	}
	return d.At(value)
}
