package topology

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTP001 = &lint.Rule{
	ID:       "TP001",
	Slug:     "topology.host-pin",
	Severity: lint.Warning,
	Summary:  "a stack pinned to hosts by host_label pins all its services alike, and sidekicks agree with their primary",
	Doc: "Cattle places a primary and its sidekicks on one host that satisfies the hard host_label rules of all " +
		"of them, so a sidekick pinned differently from its primary narrows the choice to hosts carrying both " +
		"labels, and to none when the same label key is asked with two values (error: the service stays in " +
		"Activating). When every other service of a stack is pinned with one host_label, a service without " +
		"the pin and that keeps state (volumes) or uses the host's network can start on any host, away from the " +
		"state and local endpoints the others share (warning). A stateless service, such as a proxy that reaches " +
		"its backends by name over Rancher's overlay network, works from any host and is not reported. " +
		"Values are compared after interpolation with the questions' defaults. " +
		"Warning: a likely runtime defect; error when no host can satisfy a sidekick's rules (the service stays in Activating).",
	Bad: `# docker-compose.yml
version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: ${host_label}
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36
    labels:
      io.rancher.scheduler.affinity:host_label: storage=true   # not where app runs
# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: host_label
      type: string
      default: app-host=true
`,
	Good: `# docker-compose.yml
version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: ${host_label}
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36
    labels:
      io.rancher.scheduler.affinity:host_label: ${host_label}
# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: host_label
      type: string
      default: app-host=true
`,
	Version: lint.Requires(stack.New, checkTP001),
}

func checkTP001(p *lint.Pass, w *stack.View) {
	checkSidekickPins(p, w)
	checkStackPin(p, w)
}

// checkSidekickPins compares each sidekick's hard host rules with its
// primary's.
func checkSidekickPins(p *lint.Pass, w *stack.View) {
	for _, s := range w.Placed() {
		group := w.Group(s.Name)
		if len(group) < 2 || group[0] != s.Name {
			continue
		}
		ppl := w.PlacementOf(s)
		if !ppl.Sure() {
			continue
		}
		for _, name := range group[1:] {
			spl := w.PlacementOf(w.Service(name))
			if len(spl.Pins) == 0 || !spl.Sure() {
				continue
			}
			pin := spl.Pins[0]
			if why, bad := stack.Conflicts(append(ppl.Require(), spl.Require()...), append(ppl.Exclude(), spl.Exclude()...)); bad {
				p.ReportSeverity(lint.Error, pin.Label.ValuePos(), "sidekick %s runs on the host of its primary %s, which must then satisfy both services' host_label rules, but %s: no host qualifies and the service stays in Activating; give %s the same host_label rules as %s (or none)", name, s.Name, why, name, s.Name)
				continue
			}
			if strings.Join(spl.Require(), ",") == strings.Join(ppl.Require(), ",") && strings.Join(spl.Exclude(), ",") == strings.Join(ppl.Exclude(), ",") {
				continue
			}
			if spl.Covers(ppl) || spl.Undecided(ppl) {
				continue // the sidekick repeats part of its primary's rules, or the user decides
			}
			p.Report(pin.Label.ValuePos(), "sidekick %s is placed %s but its primary %s is placed %s: a sidekick always runs on its primary's host, so Cattle only uses hosts that satisfy both; pin %s with the same host_label as %s, or remove the sidekick's rule", name, spl.Describe(), s.Name, ppl.Describe(), name, s.Name)
		}
	}
}

// checkStackPin reports services left unpinned in a stack whose other
// services all share one hard host_label pin.
func checkStackPin(p *lint.Pass, w *stack.View) {
	var pinned, unpinned []*catalog.Service
	key := ""
	var example stack.Pin
	for _, s := range w.Placed() {
		if w.PrimaryOf(s.Name) != s.Name || w.KindOf(s) == stack.LoadBalancer {
			continue // sidekicks follow their primary; balancers may sit elsewhere
		}
		pl := w.GroupPlacement(s.Name)
		if !pl.Sure() {
			return
		}
		if pl.Global {
			continue
		}
		if !pl.Pinned() {
			if stateful(w, s) {
				unpinned = append(unpinned, s)
			}
			continue
		}
		if key != "" && pl.PinKey() != key {
			return // several pins: the stack is spread on purpose
		}
		if key == "" {
			key = pl.PinKey()
			example, _ = pl.RequirePin()
		}
		pinned = append(pinned, s)
	}
	if len(pinned) < 2 || len(unpinned) == 0 || len(unpinned) >= len(pinned) {
		return
	}
	names := make([]string, len(pinned))
	for i, s := range pinned {
		names[i] = s.Name
	}
	for _, s := range unpinned {
		p.Report(s.Pos(), "services %s are all pinned to hosts with %s, but service %s has no host_label rule and can start on any other host, away from them; add %s: %s to %s", strings.Join(names, ", "), key, s.Name, example.Label.Key, example.Label.Value, s.Name)
	}
}

// stateful reports whether an unpinned service depends on the host it runs
// on: it mounts volumes or shares another container's, or it uses the host's
// network. Anything else reaches the stack over the overlay network from
// whatever host it lands on.
func stateful(w *stack.View, s *catalog.Service) bool {
	for _, key := range []string{"volumes", "volumes_from"} {
		if e, ok := s.Field(key); ok && e.Value != nil && len(e.Value.Content) > 0 {
			return true
		}
	}
	return w.HostNetwork(s)
}
