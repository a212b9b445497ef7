package scheduling

import (
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTR004 = &lint.Rule{
	ID:       "TR004",
	Slug:     "traefik.healthcheck",
	Severity: lint.Warning,
	Summary:  "a service published through Traefik has a health_check",
	Doc: "rancher-traefik adds a container to a backend only when Rancher reports it running and healthy, and a " +
		"container without a Rancher health check is never reported healthy. A service with `traefik.enable` " +
		"`true` or `stack` and no `health_check` (in docker-compose.yml or rancher-compose.yml) is therefore " +
		"never routed to. Services written for Traefik 1.x's own Rancher provider (a `traefik.frontend.rule` or " +
		"another label the external mode does not read) are exempt: that provider routes to every running " +
		"container that is not unhealthy, with or without a health check. " +
		"Warning: a likely runtime defect; the stack deploys.",
	Bad: `# docker-compose.yml
web:
  image: nginx:1.25
  labels:
    traefik.enable: "true"
    traefik.port: "80"`,
	Good: `# rancher-compose.yml
web:
  health_check:
    port: 80
    request_line: GET / HTTP/1.0
    interval: 2000
    response_timeout: 2000
    healthy_threshold: 2
    unhealthy_threshold: 3`,
	Version: lint.Requires(stack.New, checkTR004),
}

func checkTR004(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		l, value, present, sure := w.Label(s, traefikEnable)
		if !present || !sure || !traefikPublishes(value) || stack.HasHealthCheck(s) || stack.TraefikProvider(s) {
			continue
		}
		p.Report(l.Pos(), "service %s is published through Traefik (traefik.enable: %s) but has no health_check: rancher-traefik routes only to healthy containers, so it never routes to this one; add a health_check (in rancher-compose.yml) that probes the port Traefik routes to", s.Name, value)
	}
}
