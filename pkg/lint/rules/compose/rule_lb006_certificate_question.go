package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleLB006 = &lint.Rule{
	ID:       "LB006",
	Slug:     "lb.certificate-question",
	Severity: lint.Warning,
	Summary:  "a certificate question is used by a load balancer",
	Doc: "A `certificate` question lets the user pick a certificate of Rancher's certificate store, and the " +
		"answer is the certificate's name: only a load balancer's `lb_config.default_cert` or `lb_config.certs` " +
		"turns that name into a served certificate. Used anywhere else (an environment variable, a label), the " +
		"service receives a bare name, not the certificate, and the user's choice silently does nothing. Compose v1 load balancers (`rancher/load-balancer-service`) " +
		"take `default_cert` and `certs` on the service itself. " +
		"Warning: a setting that is silently ignored.",
	Bad: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: certificate
      type: certificate
# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      CERT: ${certificate}    # no load balancer uses it
`,
	Good: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: certificate
      type: certificate
services:
  lb:
    lb_config:
      default_cert: ${certificate}
      port_rules:
        - source_port: 443
          protocol: https
          target_port: 80
          service: web
# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
  lb:
    image: rancher/lb-service-haproxy:v0.9.14
    ports:
      - 443:443
`,
	Version: checkCertificateQuestion,
}

func checkCertificateQuestion(p *lint.Pass, v *catalog.Version) {
	if v.Catalog == nil {
		return
	}
	used := map[string]bool{}
	if v.Project != nil {
		mark := func(n *yaml.Node) {
			eachScalar(n, func(val string) {
				refs, _ := interp.Scan(val)
				for _, r := range refs {
					used[r.Name] = true
				}
			})
		}
		for _, s := range v.Project.Services {
			if e, ok := s.Field("lb_config"); ok {
				mark(yamlnode.Value(e.Value, "default_cert"))
				mark(yamlnode.Value(e.Value, "certs"))
			}
			// Compose v1 load balancers take them on the service itself.
			if img, ok := s.Field("image"); ok && strings.HasPrefix(yamlnode.Resolve(img.Value).Value, "rancher/load-balancer-service") {
				for _, key := range []string{"default_cert", "certs"} {
					if e, ok := s.Field(key); ok {
						mark(e.Value)
					}
				}
			}
		}
	}
	for _, q := range v.Catalog.Questions {
		if q.Type != "certificate" || used[q.Variable] {
			continue
		}
		n := q.Node
		if k, val := yamlnode.Get(q.Node, "variable"); k != nil {
			n = val
		}
		p.Report(v.Catalog.Doc.At(n), "certificate question %q is used by no load balancer's default_cert or certs: its answer is only a certificate's name, so use it as lb_config.default_cert: ${%s} (or remove the question)", q.Variable, q.Variable)
	}
}

// eachScalar visits the scalars of a node (a value or a list of values).
func eachScalar(n *yaml.Node, f func(string)) {
	n = yamlnode.Resolve(n)
	switch {
	case n == nil:
	case n.Kind == yaml.ScalarNode:
		f(n.Value)
	case n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			eachScalar(c, f)
		}
	}
}
