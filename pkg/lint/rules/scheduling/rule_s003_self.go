package scheduling

import (
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/sidekick"
)

var ruleS003 = &lint.Rule{
	ID:       "S003",
	Slug:     "sidekick.self",
	Formerly: []string{"sk.self"},
	Severity: lint.Error,
	Summary:  "a service does not list itself as a sidekick, and a sidekick lists no sidekicks of its own",
	Doc: "The executor turns every service that any `io.rancher.sidekicks` label names into a launch config of " +
		"its primary and never creates it as a service. A service that lists itself, two services that list " +
		"each other, or a sidekick that lists its own sidekicks therefore leave services that are never deployed: " +
		"the stack comes up without them, or not at all. " +
		"Error: Cattle (v1.6) rejects the circular reference.",
	Bad: `version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-conf
  app-conf:
    image: busybox:1.36
    labels:
      io.rancher.sidekicks: app   # app and app-conf list each other`,
	Good: `version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-conf
  app-conf:
    image: busybox:1.36`,
	Version: lint.Requires(stack.New, checkS003),
}

func checkS003(p *lint.Pass, w *stack.View) {
	sk := w.Sidekicks()
	for _, pr := range sk.Analysis.Problems {
		switch pr.Kind {
		case sidekick.KindSelf:
			if li := sk.Listing(pr.Service); li != nil && li.Sure {
				p.Report(li.Label.ValuePos(), "service %s lists itself in io.rancher.sidekicks: the executor then treats %s as a sidekick and never deploys it; remove %s from the list", pr.Service, pr.Service, pr.Service)
			}
		case sidekick.KindMutual:
			// Report the pair once, on the later of the two labels.
			first, second := pr.Service, pr.Other
			if sk.Before(second, first) {
				first, second = second, first
			}
			if li := sk.Listing(second); li != nil && li.Sure && sk.Listing(first).Sure {
				p.Report(li.Label.ValuePos(), "services %s and %s list each other in io.rancher.sidekicks: both become sidekicks and neither is deployed; keep the label on the primary only", first, second)
			}
		}
	}
	// A sidekick's own list is never read: the executor deploys a sidekick
	// only inside its primary, so what it lists is deployed by nobody.
	for _, li := range sk.Listings {
		primaries := sk.PrimariesOf(li.Primary.Name)
		if !li.Sure || len(primaries) == 0 {
			continue
		}
		me, primary := li.Primary.Name, primaries[0]
		for _, n := range li.Names {
			if n == me || n == primary || w.Service(n) == nil || deployedBy(sk, n, me) {
				continue
			}
			p.Report(li.Label.ValuePos(), "service %s is a sidekick of %s, so its own io.rancher.sidekicks label is not used and %s is never deployed; list %s in the io.rancher.sidekicks label of %s instead", me, primary, n, n, primary)
		}
	}
}

// deployedBy reports whether a primary other than the sidekick me, and not
// a sidekick itself, lists name: then name is deployed anyway.
func deployedBy(sk *stack.Sidekicks, name, me string) bool {
	return slices.ContainsFunc(sk.PrimariesOf(name), func(p string) bool { return p != me && !sk.IsSidekick(p) })
}
