package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleD004 = &lint.Rule{
	ID:       "D004",
	Slug:     "compose.image",
	Formerly: []string{"dc.image"},
	Severity: lint.Error,
	Summary:  "every service of docker-compose has an image (or build)",
	Doc: "Rancher creates each docker-compose service as containers of its image; a service without `image` " +
		"(or `build`) in either file cannot be created, and the stack fails. Services that are not containers " +
		"still name their kind by image: rancher/external-service, rancher/dns-service, rancher/load-balancer-service " +
		"and rancher/lb-service-haproxy. The image may be set in rancher-compose.yml instead; both files are merged. " +
		"Error: Cattle (v1.6) cannot create a container without an image.",
	Bad: `version: '2'
services:
  web:
    ports:
      - 80:80`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    ports:
      - 80:80`,
	Version: checkImage,
}

func checkImage(p *lint.Pass, v *catalog.Version) {
	if v.Project == nil {
		return
	}
	for _, s := range v.Project.Services {
		if s.DC == nil || misreadSection(v.Project, s) {
			continue // only in rancher-compose (D007), or not a service at all
		}
		if body := yamlnode.Resolve(s.DC.Value); body != nil && !yamlnode.IsMap(body) && !yamlnode.IsNull(body) {
			continue // not a mapping: D002
		}
		if e, ok := s.Field("image"); ok {
			if nonEmpty(e.Value) {
				continue
			}
			p.Report(e.ValuePos(), "service %q has an empty image: Rancher cannot create its containers; set image: to a tagged image", s.Name)
			continue
		}
		if e, ok := s.Field("build"); ok && nonEmpty(e.Value) {
			continue
		}
		p.Report(s.DC.Pos(), "service %q has no image: Rancher cannot create its containers; add image: (for a load balancer, image: %s:<version> with lb_config in rancher-compose.yml; for an external service, rancher/external-service)", s.Name, lbImage)
	}
}
