package scheduling

import (
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/sidekick"
)

var ruleS005 = &lint.Rule{
	ID:       "S005",
	Slug:     "sidekick.cycle",
	Formerly: []string{"sk.cycle"},
	Severity: lint.Error,
	Summary:  "volumes_from and network_mode: container: references within a launch-config group form no cycle",
	Doc: "Cattle starts the launch configs of a service in the order their volumes_from and network references " +
		"imply, so the references must form a tree. A cycle (a config that takes volumes or the network from " +
		"itself, or A from B and B from A) is rejected with CircularReference and the service is never created. " +
		"Error: Cattle (v1.6) rejects the circular reference.",
	Bad: `version: '2'
services:
  app:
    image: nginx:1.25
    volumes_from: [app-data]
    labels:
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36
    volumes_from: [app]       # app-data -> app -> app-data`,
	Good: `version: '2'
services:
  app:
    image: nginx:1.25
    volumes_from: [app-data]
    labels:
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36`,
	Version: lint.Requires(stack.New, checkS005),
}

func checkS005(p *lint.Pass, w *stack.View) {
	sk := w.Sidekicks()
	for _, pr := range sk.Analysis.Problems {
		if pr.Kind != sidekick.KindCycle {
			continue
		}
		r, ok := sk.Ref(pr.Service, pr.Other, "")
		if !ok {
			continue
		}
		p.Report(r.Pos(), "%s; one launch config must take volumes or the network from the other, not both ways", pr.Msg)
	}
}
