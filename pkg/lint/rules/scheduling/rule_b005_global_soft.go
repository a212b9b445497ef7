package scheduling

import (
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
)

var ruleB005 = &lint.Rule{
	ID:       "B005",
	Slug:     "label.global-soft-rules",
	Formerly: []string{"lbl.global-with-soft/container"},
	Severity: lint.Info,
	Summary:  "global services use only hard host_label rules",
	Doc: "A global service runs one container on every host that passes its hard `host_label` rules; Rancher's " +
		"scheduling docs state that soft rules and container/container_label rules are not used for global " +
		"services. Such a label does nothing and suggests a placement that does not happen (a common one is " +
		"self anti-affinity, which global scheduling already guarantees). " +
		"Info: Cattle (v1.6) ignores these rules for global services; they only mislead readers.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.global: "true"
      io.rancher.scheduler.affinity:container_label_soft_ne: io.rancher.stack_service.name=$${stack_name}/$${service_name}`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.global: "true"`,
	Version: lint.Requires(stack.New, checkB005),
}

func checkB005(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		if pl := w.PlacementOf(s); !pl.Global || !pl.GlobalSure {
			continue
		}
		for _, l := range s.Labels() {
			a, _, ok := labels.ParseAffinityKey(l.Key)
			if !ok || a.Kind == labels.HostLabel && !a.Soft {
				continue
			}
			why := "a soft rule"
			if a.Kind != labels.HostLabel {
				why = "a " + a.Kind.String() + " rule"
			}
			p.Report(l.Pos(), "service %s is global, and Cattle uses only hard host_label rules for global services: %s is %s and is ignored; remove it (one container per host is already guaranteed)", s.Name, l.Key, why)
		}
	}
}
