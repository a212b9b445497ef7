package scheduling

import (
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
)

var ruleB006 = &lint.Rule{
	ID:       "B006",
	Slug:     "label.system-labels",
	Formerly: []string{"lbl.system-labels"},
	Severity: lint.Warning,
	Summary:  "a service does not set the labels Rancher sets on every container",
	Doc: "Rancher writes system labels such as `io.rancher.stack.name`, `io.rancher.stack_service.name` and " +
		"`io.rancher.service.launch.config` on every container it creates; affinity rules, DNS and service " +
		"discovery match on them. A value written in the compose file is overwritten or, worse, confuses " +
		"those matches. Refer to them in affinity values instead (`$${stack_name}/$${service_name}`). " +
		"Warning: Rancher (v1.6) overwrites the value; matches on it may misbehave.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.stack_service.name: web/app`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:container_label_ne: io.rancher.stack_service.name=$${stack_name}/$${service_name}`,
	Version: lint.Requires(stack.New, checkB006),
}

func checkB006(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		for _, l := range s.Labels() {
			if slices.Contains(labels.System, l.Key) {
				p.Report(l.Pos(), "service %s sets %s, a label Rancher sets itself on every container; remove it", s.Name, l.Key)
			}
		}
	}
}
