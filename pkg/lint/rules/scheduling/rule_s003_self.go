package scheduling

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules/scheduling/stack"
)

var ruleS003 = &lint.Rule{
	ID:       "S003",
	Slug:     "sk.self",
	Severity: lint.Error,
	Summary:  "a service does not list itself as a sidekick, and a sidekick lists no sidekicks of its own",
	Doc: "The executor turns every service that any `io.rancher.sidekicks` label names into a launch config of " +
		"its primary and never creates it as a service. A service that lists itself, two services that list " +
		"each other, or a sidekick that lists its own sidekicks therefore leave services that are never deployed: " +
		"the stack comes up without them, or not at all.",
	Bad: `services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-conf
  app-conf:
    image: busybox:1.36
    labels:
      io.rancher.sidekicks: app   # app and app-conf list each other`,
	Good: `services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-conf
  app-conf:
    image: busybox:1.36`,
	Version: checkS003,
}

func checkS003(p *lint.Pass, v *catalog.Version) {
	w := stack.New(v)
	if w == nil {
		return
	}
	sk := w.Sidekicks()
	for _, li := range sk.Listings {
		if !li.Sure {
			continue
		}
		me := li.Primary.Name
		pos := li.Label.ValuePos()
		seen := map[string]bool{}
		for _, n := range li.Names {
			if n == "" || seen[n] || w.Service(n) == nil {
				continue
			}
			seen[n] = true
			switch {
			case n == me:
				p.Report(pos, "service %s lists itself in io.rancher.sidekicks: Rancher then treats %s as a sidekick and never deploys it; remove %s from the list", me, me, me)
			case listsName(sk.Listing(n), me):
				// Report the pair once, on the later of the two labels.
				if w.Project.Service(n) != nil && before(w, n, me) {
					p.Report(pos, "services %s and %s list each other in io.rancher.sidekicks: both become sidekicks and neither is deployed; keep the label on the primary only", n, me)
				}
			}
		}
		if primaries := sk.PrimariesOf(me); len(primaries) > 0 && !listsName(li, primaries[0]) {
			for _, n := range li.Names {
				if n != "" && n != me && w.Service(n) != nil && !listsName(sk.Listing(primaries[0]), n) {
					p.Report(pos, "service %s is a sidekick of %s, so its own io.rancher.sidekicks label is not used: %s is never deployed; list %s in the io.rancher.sidekicks label of %s instead", me, primaries[0], n, n, primaries[0])
				}
			}
		}
	}
}

func listsName(li *stack.Listing, name string) bool {
	if li == nil {
		return false
	}
	for _, n := range li.Names {
		if n == name {
			return true
		}
	}
	return false
}

// before reports whether service a comes before b in docker-compose.
func before(w *stack.View, a, b string) bool {
	for _, s := range w.Services() {
		switch s.Name {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}
