package topology

import (
	"strconv"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTP004 = &lint.Rule{
	ID:       "TP004",
	Slug:     "topology.traefik-exposure",
	Severity: lint.Warning,
	Summary:  "a service published through Traefik names its port and domain and does not also publish that port on the host",
	Doc: "rancher-traefik (the catalog Traefik's external mode) builds a route for each service with " +
		"`traefik.enable` `true` or `stack`: requests go to the container's IP on `traefik.port` (80 when unset), " +
		"and the Host rule is built from `traefik.domain` (with `traefik.alias` and `traefik.alias.fqdn`, which " +
		"are only read when a domain is set); without a domain the rule is a bare `<service>.<stack>` that no " +
		"client resolves. Publishing the same container port on the host as well bypasses Traefik (its TLS, " +
		"auth and rate limits) and ties the service to free host ports. A service written for Traefik 1.x's own " +
		"Rancher provider (`traefik.frontend.rule: Host:...` or another label the external mode does not read) " +
		"gets its route from those labels and its port from the container, so only the host port check applies. " +
		"A missing health_check is TR004's finding. " +
		"Warning: the route is wrong or bypassed; the stack deploys.",
	Bad: `web:
  image: nginx:1.25
  ports: ["8080:80"]         # reachable around Traefik
  labels:
    traefik.enable: "true"
    traefik.alias: www       # ignored: no traefik.domain`,
	Good: `web:
  image: nginx:1.25
  labels:
    traefik.enable: "true"
    traefik.port: "80"
    traefik.domain: example.com
    traefik.alias: www`,
	Version: lint.Requires(stack.New, checkTP004),
}

func checkTP004(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		enable, value, present, sure := w.Label(s, "traefik.enable")
		if !present || !sure || value != "true" && value != "stack" {
			continue
		}
		provider := stack.TraefikProvider(s)
		port := 80
		_, portValue, hasPort, portSure := w.Label(s, "traefik.port")
		if hasPort {
			if !portSure {
				continue
			}
			n, err := strconv.Atoi(portValue)
			if err != nil {
				continue // TR002
			}
			port = n
		} else if !provider {
			p.Report(enable.Pos(), "service %s is published through Traefik without traefik.port, so Traefik sends requests to port 80 of its containers; set traefik.port to the port the service listens on", s.Name)
		}
		if !provider && !hasValue(w, s, "traefik.domain") && !hasValue(w, s, "traefik.domain.regexp") {
			what := "a Host rule of just " + s.Name + ".<stack>"
			if hasValue(w, s, "traefik.alias") || hasValue(w, s, "traefik.alias.fqdn") {
				what += " (traefik.alias and traefik.alias.fqdn are only read with a domain)"
			}
			p.Report(enable.Pos(), "service %s is published through Traefik without traefik.domain: rancher-traefik then builds %s, which no client resolves; set traefik.domain", s.Name, what)
		}
		if w.HostNetwork(s) {
			continue // on the host network the port is the host's anyway
		}
		for _, b := range w.HostPorts(s) {
			if b.ContainerPort != port {
				continue
			}
			where := "traefik.port"
			if !hasPort {
				where = "Traefik's default port"
			}
			p.Report(b.Pos(), "service %s publishes host port %d for container port %d, which Traefik already routes to (%s): the service is reachable around Traefik, and every container needs that host port free; remove the ports entry", s.Name, b.HostPort, port, where)
		}
	}
}

// hasValue reports whether a label is set to a non-empty value (after
// interpolation; values the user types count as set).
func hasValue(w *stack.View, s *catalog.Service, key string) bool {
	_, v, present, sure := w.Label(s, key)
	return present && (v != "" || !sure)
}
