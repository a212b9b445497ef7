package topology

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTP005 = &lint.Rule{
	ID:       "TP005",
	Slug:     "topology.host-port-conflict",
	Severity: lint.Warning,
	Summary:  "services that can land on the same host do not publish the same host port",
	Doc: "A host port can be bound once per host, and Cattle places containers only where their ports are free. " +
		"Two launch configs of one service (a primary and its sidekick) always share a host, and a global " +
		"service occupies its port on every host it covers, so publishing the same port/protocol there leaves " +
		"a service that can never be placed (error). Two other services publishing the same port need hosts " +
		"of their own, and stay in Activating when they are pinned to the one host of a single-host stack " +
		"(warning). " +
		"Warning: the second container cannot start on a host where the port is taken; the stack deploys elsewhere or stays in Activating.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    ports: ["80:80"]
  admin:
    image: adminer:4.8.1
    ports: ["80:8080"]   # web already binds host port 80`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    ports: ["80:80"]
  admin:
    image: adminer:4.8.1
    ports: ["8080:8080"]`,
	Version: lint.Requires(stack.New, checkTP005),
}

func checkTP005(p *lint.Pass, w *stack.View) {
	services := w.Placed()
	bound := make([][]stack.HostPort, len(services))
	for i, s := range services {
		bound[i] = w.HostPorts(s)
	}
	for j, b := range services {
		reported := map[string]bool{}
		for i := 0; i < j; i++ {
			a := services[i]
			for _, bb := range bound[j] {
				for _, ab := range bound[i] {
					if !ab.Overlaps(bb) || reported[bb.Text] {
						continue
					}
					sev, why, ok := shareHost(w, a, b)
					if !ok {
						continue
					}
					reported[bb.Text] = true
					p.ReportSeverity(sev, bb.Pos(), "service %s publishes host port %d/%s, which service %s also publishes (%s): %s", b.Name, bb.HostPort, bb.Proto, a.Name, ab.Text, why)
				}
			}
		}
	}
}

// shareHost reports whether services a and b can be placed on one host and
// what follows when both need the same host port there.
func shareHost(w *stack.View, a, b *catalog.Service) (lint.Severity, string, bool) {
	if w.SameGroup(a.Name, b.Name) {
		return lint.Error, "they are launch configs of one service, which Cattle always places on one host, so it can never be placed; publish a different host port", true
	}
	pa, pb := w.GroupPlacement(a.Name), w.GroupPlacement(b.Name)
	if !pa.Sure() || !pb.Sure() || pa.Incompatible(pb) || pa.Undecided(pb) {
		return 0, "", false
	}
	switch {
	case pa.Global && pb.Global:
		return lint.Error, "both are global and run on the same hosts, so one of them can never be placed; publish a different host port, or keep them apart with host_label rules", true
	case pa.Global && pa.Covers(pb):
		return lint.Error, a.Name + " is global on every host " + b.Name + " may use, so " + b.Name + " can never be placed; publish a different host port", true
	case pb.Global && pb.Covers(pa):
		return lint.Error, b.Name + " is global on every host " + a.Name + " may use, so " + a.Name + " can never be placed; publish a different host port", true
	case pa.Global || pb.Global:
		return lint.Warning, "the global one takes the port on every host it runs on, so the other can only run on hosts outside it; publish a different host port, or pin them apart with host_label rules", true
	case pa.Pinned() && pa.PinKey() == pb.PinKey() && !w.MultiHost(pa.PinKey()):
		return lint.Warning, "both are pinned to hosts with " + pa.PinKey() + ", so on a single such host one of them stays in Activating; publish a different host port", true
	}
	return lint.Warning, "Cattle must place them on different hosts, so with a single eligible host one of them stays in Activating; publish a different host port, or pin them apart with host_label rules if they are meant for separate hosts", true
}
