package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleD008 = &lint.Rule{
	ID:       "D008",
	Slug:     "compose.duplicate-health-check",
	Formerly: []string{"dc.duplicate-health-check"},
	Severity: lint.Info,
	Summary:  "a service's health_check is set in one file only",
	Doc: "Rancher merges the two compose files key by key and rancher-compose.yml wins, so a health_check in " +
		"docker-compose is silently replaced by the one in rancher-compose.yml. Two copies drift apart; reviewers " +
		"ask to keep one, in rancher-compose.yml where Rancher's settings live. " +
		"Info: the executor (v1.6) merges both, rancher-compose winning; only one place should say it.",
	Bad: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    health_check:
      port: 80
# rancher-compose.yml
version: '2'
services:
  web:
    health_check:
      port: 8080
`,
	Good: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# rancher-compose.yml
version: '2'
services:
  web:
    health_check:
      port: 80
`,
	Version: checkDuplicateHealthCheck,
}

func checkDuplicateHealthCheck(p *lint.Pass, v *catalog.Version) {
	if v.Project == nil {
		return
	}
	for _, s := range v.Project.Services {
		hc := s.Fields("health_check")
		if len(hc) < 2 || s.DC == nil || s.RC == nil {
			continue
		}
		dc, rc := hc[0], hc[1]
		p.Report(dc.Pos(), "service %q sets health_check here and in %s (line %d), which replaces this one: keep a single health_check, in %s", s.Name, rc.Doc.File.Name, rc.Pos().Line, rc.Doc.File.Name)
	}
}
