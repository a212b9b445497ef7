package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleLB005 = &lint.Rule{
	ID:       "LB005",
	Slug:     "lb.https-certificate",
	Severity: lint.Error,
	Summary:  "a load balancer with an https or tls port rule has a certificate",
	Doc: "A rancher/lb-service-haproxy port rule with protocol https or tls ends TLS at the load balancer, which " +
		"needs a certificate from Rancher's certificate store: `lb_config.default_cert` (usually a `certificate` " +
		"question) or `lb_config.certs`. Without one the load balancer has nothing to serve on that port and " +
		"the https listener does not come up. " +
		"Error: the deployed load balancer cannot serve the port.",
	Bad: `lb:
  lb_config:
    port_rules:
      - source_port: 443
        protocol: https
        target_port: 80
        service: web`,
	Good: `lb:
  lb_config:
    default_cert: ${certificate}
    port_rules:
      - source_port: 443
        protocol: https
        target_port: 80
        service: web`,
	Version: checkHTTPSCertificate,
}

func checkHTTPSCertificate(p *lint.Pass, v *catalog.Version) {
	a := newAnswers(v)
	reported := map[*catalog.Service]bool{}
	for _, r := range portRules(v.Project) {
		proto, set, sure := r.text(a, "protocol")
		if !set || !sure || (proto != "https" && proto != "tls") || reported[r.service] {
			continue
		}
		cfg := r.entry.Value
		if def := yamlnode.Value(cfg, "default_cert"); def != nil && !yamlnode.IsNull(def) && def.Value != "" {
			continue
		}
		if certs := yamlnode.Value(cfg, "certs"); yamlnode.IsSeq(certs) && len(certs.Content) > 0 {
			continue
		}
		reported[r.service] = true
		_, val := r.field("protocol")
		p.Report(r.at(val), "load balancer %q has a %s port rule but no certificate: add lb_config.default_cert (a certificate question, such as default_cert: ${certificate}) or lb_config.certs", r.service.Name, proto)
	}
}
