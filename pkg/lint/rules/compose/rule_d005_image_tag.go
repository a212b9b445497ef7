package compose

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"gopkg.in/yaml.v3"
)

var ruleD005 = &lint.Rule{
	ID:       "D005",
	Slug:     "compose.image-tag",
	Formerly: []string{"dc.image-tag"},
	Severity: lint.Info,
	Summary:  "images name an explicit tag other than latest (or a digest)",
	Doc: "Without a tag Docker pulls `latest`, so two deployments of the same catalog version can run different " +
		"software and an upgrade cannot be rolled back; catalog reviewers ask for pinned tags. A digest " +
		"(`@sha256:...`) pins too. Rancher's special images rancher/external-service, rancher/dns-service and " +
		"rancher/load-balancer-service are exempt, but rancher/lb-service-haproxy is a real container and needs its tag. " +
		"Info: the stack deploys; reviewers ask for pinned tags (community-catalog#399). `profile: strict` makes it a warning.",
	Bad: `version: '2'
services:
  web:
    image: nginx`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25.3`,
	Version: checkImageTag,
}

func checkImageTag(p *lint.Pass, v *catalog.Version) {
	if v.Project == nil {
		return
	}
	a := newAnswers(v)
	for _, s := range v.Project.Services {
		img, e, ok := serviceImage(s, a)
		if !ok || strings.TrimSpace(img) == "" {
			continue
		}
		ref := parseImage(img)
		if ref.Digest != "" || specialImages[ref.repoName()] {
			continue
		}
		var problem string
		switch ref.Tag {
		case "":
			problem = "has no tag (Docker pulls latest)"
		case "latest":
			problem = "uses the latest tag"
		default:
			continue
		}
		fix := fmt.Sprintf("pin a version, e.g. %s:<version>, or a digest", ref.Repo)
		if raw := e.Value; raw != nil && raw.Kind == yaml.ScalarNode && raw.Value != img {
			if refs, _ := interp.Scan(raw.Value); len(refs) > 0 {
				problem = fmt.Sprintf("(%s with the questions' defaults) %s", raw.Value, problem)
				fix = "give the question a pinned default"
			}
		}
		p.Report(e.ValuePos(), "image %q of service %q %s, so deployments of this version can run different software; %s", img, s.Name, problem, fix)
	}
}
