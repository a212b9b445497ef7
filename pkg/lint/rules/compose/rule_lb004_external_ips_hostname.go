package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleLB004 = &lint.Rule{
	ID:       "LB004",
	Slug:     "lb.external-ips-xor-hostname",
	Formerly: []string{"ext.ips-xor-hostname"},
	Severity: lint.Error,
	Summary:  "an external service sets external_ips or hostname, not both",
	Doc: "A rancher/external-service points either at IP addresses (`external_ips`) or at a DNS name " +
		"(`hostname`, a CNAME). Cattle rejects an external service that sets both, and the stack fails to deploy. " +
		"Error: Cattle (v1.6) rejects the external service.",
	Bad: `db:
  image: rancher/external-service
  external_ips: [10.0.0.5]
  hostname: db.example.com`,
	Good: `db:
  image: rancher/external-service
  hostname: db.example.com`,
	Version: checkExternalService,
}

func checkExternalService(p *lint.Pass, v *catalog.Version) {
	if v.Project == nil {
		return
	}
	for _, s := range v.Project.Services {
		ips, ok := s.Field("external_ips")
		if !ok || !nonEmpty(ips.Value) {
			continue
		}
		host, ok := s.Field("hostname")
		if !ok || !nonEmpty(host.Value) {
			continue
		}
		p.Report(host.Pos(), "external service %q sets both external_ips (%s line %d) and hostname; Cattle accepts one: keep external_ips for IP targets or hostname for a DNS name", s.Name, ips.Doc.File.Name, ips.Pos().Line)
	}
}
