package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleLB001 = &lint.Rule{
	ID:       "LB001",
	Slug:     "lb.port-rule",
	Severity: lint.Error,
	Summary:  "load balancer port rules target a service or a selector, with a target_port, and do not listen on 42",
	Doc: "Cattle validates each lb_config port rule of a rancher/lb-service-haproxy service: it needs either " +
		"`service` or `selector` (not both), a `target_port` when it targets a service, an `environment` when it " +
		"names a `region`, and a protocol among http, https, tcp, tls, sni and udp. Port 42 is taken by the " +
		"load balancer's own health check, so no rule may listen on it. A rule that fails these checks makes the " +
		"stack fail to deploy. " +
		"Error: Cattle (v1.6) rejects the load balancer configuration.",
	Bad: `lb:
  lb_config:
    port_rules:
      - source_port: 42
        service: web`,
	Good: `lb:
  lb_config:
    port_rules:
      - source_port: 80
        target_port: 8080
        service: web`,
	Version: checkPortRules,
}

var lbProtocols = map[string]bool{"http": true, "https": true, "tcp": true, "tls": true, "sni": true, "udp": true}

func checkPortRules(p *lint.Pass, v *catalog.Version) {
	a := newAnswers(v)
	for _, r := range portRules(v.Project) {
		name := r.service.Name
		svc, hasService, sureService := r.text(a, "service")
		_, hasSelector, sureSelector := r.text(a, "selector")
		switch {
		case hasService && hasSelector:
			k, _ := r.field("selector")
			p.Report(r.at(k), "port rule of load balancer %q has both service: (%s) and selector:; Cattle accepts one target: keep service: or selector:", name, svc)
		case !hasService && !hasSelector && sureService && sureSelector:
			p.Report(r.at(r.node), "port rule of load balancer %q has no target: add service: <name> (with target_port:) or selector: <label expression>", name)
		}
		if hasService {
			if _, set, _ := r.text(a, "target_port"); !set {
				k, _ := r.field("service")
				p.Report(r.at(k), "port rule of load balancer %q targets service %q without target_port: add the port the service listens on", name, svc)
			}
		}
		if _, hasRegion, _ := r.text(a, "region"); hasRegion {
			if _, hasEnv, sure := r.text(a, "environment"); !hasEnv && sure {
				k, _ := r.field("region")
				p.Report(r.at(k), "port rule of load balancer %q names a region without an environment: add environment: (the target environment in that region)", name)
			}
		}
		if port, ok := r.int(a, "source_port"); ok && port == 42 {
			_, val := r.field("source_port")
			p.Report(r.at(val), "port rule of load balancer %q listens on port 42, which the load balancer's own health check uses; pick another source_port", name)
		}
		if proto, set, sure := r.text(a, "protocol"); set && sure && !lbProtocols[proto] {
			_, val := r.field("protocol")
			p.Report(r.at(val), "port rule of load balancer %q has protocol %q; Cattle accepts http, https, tcp, tls, sni or udp", name, proto)
		}
	}
}
