package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/sidekick"
)

var ruleS004 = &lint.Rule{
	ID:       "S004",
	Slug:     "sidekick.volumes-from",
	Formerly: []string{"sk.volumes-from"},
	Severity: lint.Error,
	Summary:  "volumes_from and network_mode: container:X name the service's primary or a sidekick of the same primary",
	Doc: "Rancher turns `volumes_from: [X]` into dataVolumesFromLaunchConfigs and `network_mode: container:X` into " +
		"networkLaunchConfig, which Cattle resolves only among the launch configs of one service: the primary and " +
		"its sidekicks. Any other target is refused with 422 InvalidReference (\"volumes_from of service Y is " +
		"referencing a service X that either does not exist or is not properly labeled as a sidekick\"). " +
		"Error: Cattle (v1.6) rejects the reference (422 InvalidReference).",
	Bad: `version: '2'
services:
  app:
    image: nginx:1.25
    volumes_from:
      - app-data      # app-data is not a sidekick of app
  app-data:
    image: busybox:1.36`,
	Good: `version: '2'
services:
  app:
    image: nginx:1.25
    volumes_from:
      - app-data
    labels:
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36`,
	Version: lint.Requires(stack.New, checkS004),
}

func checkS004(p *lint.Pass, w *stack.View) {
	sk := w.Sidekicks()
	for _, pr := range sk.Analysis.Problems {
		if pr.Kind != sidekick.KindVolumesFrom && pr.Kind != sidekick.KindNetwork {
			continue
		}
		field := "volumes_from"
		if pr.Kind == sidekick.KindNetwork {
			field = "network_mode"
		}
		r, ok := sk.Ref(pr.Service, pr.Other, field)
		if !ok {
			continue
		}
		what := r.Field
		s, x := pr.Service, pr.Other
		primary := w.PrimaryOf(s)
		switch {
		case w.Service(x) == nil:
			p.Report(r.Pos(), "%s of service %s names %s, which is not a service of this stack: Cattle looks it up only among the launch configs of %s and answers 422 InvalidReference; name %s or one of its sidekicks", what, s, x, primary, primary)
		case sk.IsSidekick(x):
			p.Report(r.Pos(), "%s of service %s names %s, which is a sidekick of %s, not of %s: Cattle answers 422 InvalidReference; make %s a sidekick of %s, or reference a launch config of %s", what, s, x, strings.Join(sk.PrimariesOf(x), ", "), primary, x, primary, primary)
		default:
			p.Report(r.Pos(), "%s of service %s names %s, which is a separate service, not a sidekick of %s: Cattle answers 422 InvalidReference; add %s to the io.rancher.sidekicks label of %s", what, s, x, primary, x, primary)
		}
	}
}
