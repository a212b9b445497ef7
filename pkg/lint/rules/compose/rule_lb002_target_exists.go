package compose

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleLB002 = &lint.Rule{
	ID:       "LB002",
	Slug:     "lb.target-exists",
	Severity: lint.Error,
	Summary:  "a port rule's service (without a stack/ prefix) is a service of the same compose project",
	Doc: "Rancher's executor resolves a port rule's `service: name` within the stack being deployed and fails " +
		"with \"Failed to find existing service\" when there is none. Services of other stacks are written " +
		"`stack/service`. " +
		"Error: the executor (v1.6) fails (\"Failed to find existing service\").",
	Bad: `# docker-compose.yml
version: '2'
services:
  web:
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
          target_port: 80
          service: wbe
`,
	Good: `# docker-compose.yml
version: '2'
services:
  web:
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
          target_port: 80
          service: web
`,
	Version: checkLBTargets,
}

func checkLBTargets(p *lint.Pass, v *catalog.Version) {
	proj := v.Project
	rules := portRules(proj)
	if len(rules) == 0 {
		return
	}
	a := newAnswers(v)
	var names []string
	for _, s := range proj.Services {
		names = append(names, s.Name)
	}
	for _, r := range rules {
		target, set, sure := r.text(a, "service")
		target = strings.TrimSpace(target)
		if !set || !sure || strings.Contains(target, "/") || proj.Service(target) != nil {
			continue
		}
		_, val := r.field("service")
		msg := fmt.Sprintf("load balancer %q targets service %q, which is not in this stack (Rancher: Failed to find existing service)", r.service.Name, target)
		if hint := spelling.Closest(target, names); hint != "" {
			msg += spelling.Hint(hint)
		} else {
			msg += "; for a service of another stack write stack/service"
		}
		p.Report(r.at(val), "%s", msg)
	}
}
