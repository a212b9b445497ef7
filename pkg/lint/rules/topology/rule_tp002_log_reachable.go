package topology

import (
	"fmt"
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTP002 = &lint.Rule{
	ID:       "TP002",
	Slug:     "topology.log-reachable",
	Severity: lint.Warning,
	Summary:  "a service logging to syslog on 127.0.0.1 runs only on hosts where a service of the stack publishes that port",
	Doc: "Docker's syslog driver is dialled by the Docker daemon, so `syslog-address: tcp://127.0.0.1:1514` means " +
		"port 1514 of the host the container lands on. A log service must publish that host port on every host " +
		"where the service can run: run it in the same launch-config group, pin both with the same host_label, " +
		"or make it global with no host_label rule the service does not also have. Otherwise, on the other hosts, " +
		"tcp logging makes Docker refuse to start the container and udp logs are silently lost. " +
		"Warning: logs are lost on hosts without the log service; the stack deploys.",
	Bad: `version: '2'
services:
  log:
    image: vmware/harbor-log:v1.1.1
    ports: ["1514:514"]
    labels:
      io.rancher.scheduler.affinity:host_label: harbor-log=true
  registry:
    image: vmware/registry:2.6.0
    logging:
      driver: syslog
      options:
        syslog-address: tcp://127.0.0.1:1514   # registry may run where no log is`,
	Good: `version: '2'
services:
  log:
    image: vmware/harbor-log:v1.1.1
    ports: ["1514:514"]
    labels:
      io.rancher.scheduler.global: "true"
  registry:
    image: vmware/registry:2.6.0
    logging:
      driver: syslog
      options:
        syslog-address: tcp://127.0.0.1:1514`,
	Version: lint.Requires(stack.New, checkTP002),
}

func checkTP002(p *lint.Pass, w *stack.View) {
	services := w.Placed()
	anyHostNet := false
	for _, s := range services {
		anyHostNet = anyHostNet || w.HostNetwork(s)
	}
	for _, c := range services {
		t, ok := w.LocalSyslog(c)
		if !ok {
			continue
		}
		cpl := w.GroupPlacement(c.Name)
		if !cpl.Sure() {
			continue
		}
		var publishers []string
		var why []string
		reached := false
		for _, s := range services {
			if !publishes(w, s, t) {
				continue
			}
			publishers = append(publishers, s.Name)
			spl := w.GroupPlacement(s.Name)
			if !spl.Sure() || spl.Undecided(cpl) || reaches(w, s, spl, c, cpl) {
				reached = true
				break
			}
			why = append(why, fmt.Sprintf("%s runs %s", s.Name, spl.Describe()))
		}
		switch {
		case reached:
		case len(publishers) == 0:
			if anyHostNet || t.Port == 514 {
				continue // a host-network service or the host's own syslog may listen there
			}
			p.Report(t.Pos(), "service %s logs to %s, but no service of this stack publishes host port %d/%s: Docker dials that port on the host the container runs on and refuses to start it (tcp) or drops its logs (udp) when nothing listens; publish it from a log service that runs wherever %s runs", c.Name, t.Text, t.Port, t.Proto, c.Name)
		default:
			p.Report(t.Pos(), "service %s logs to %s, port %d/%s of the host it runs on, but %s while %s runs %s: where no log service runs, Docker refuses to start the container (tcp) or drops its logs (udp); pin %s to the log service's hosts, or run the log service on every host %s can use", c.Name, t.Text, t.Port, t.Proto, strings.Join(why, " and "), c.Name, cpl.Describe(), c.Name, c.Name)
		}
	}
}

// publishes reports whether s publishes t's port on the host loopback.
func publishes(w *stack.View, s *catalog.Service, t stack.SyslogTarget) bool {
	for _, b := range w.HostPorts(s) {
		if b.Serves(t) {
			return true
		}
	}
	return false
}

// reaches reports whether publisher s runs on every host consumer c can.
func reaches(w *stack.View, s *catalog.Service, spl stack.Placement, c *catalog.Service, cpl stack.Placement) bool {
	switch {
	case w.SameGroup(s.Name, c.Name):
		return true
	case spl.Global:
		return spl.Covers(cpl)
	case cpl.Global:
		return false
	}
	// Two pinned services: "same pin" means the stack is meant for the
	// host(s) carrying it, as single-host catalogs are written.
	return cpl.Pinned() && cpl.PinKey() == spl.PinKey() && subset(spl.Exclude(), cpl.Exclude())
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
