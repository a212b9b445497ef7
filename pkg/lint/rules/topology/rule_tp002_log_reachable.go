package topology

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
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

// syslogTarget is a service's syslog destination on its own host.
type syslogTarget struct {
	Proto string
	Port  int
	Text  string
	Doc   *catalog.Doc
	Node  *yaml.Node
}

// localSyslog returns where a service sends syslog when that is the
// host's loopback, from `logging` (v2) or `log_driver`/`log_opt` (v1).
func localSyslog(w *stack.View, s *catalog.Service) (syslogTarget, bool) {
	var driver string
	var opts catalog.Entry
	var optsNode *yaml.Node
	if e, ok := s.Field("logging"); ok {
		driver, _ = w.Scalar(yamlnode.Value(e.Value, "driver"))
		opts, optsNode = e, yamlnode.Value(e.Value, "options")
	} else if e, ok := s.Field("log_driver"); ok {
		driver, _ = w.Scalar(e.Value)
		if o, ok := s.Field("log_opt"); ok {
			opts, optsNode = o, o.Value
		}
	}
	if driver != "syslog" || optsNode == nil {
		return syslogTarget{}, false
	}
	node := yamlnode.Value(optsNode, "syslog-address")
	addr, sure := w.Scalar(node)
	if !sure {
		return syslogTarget{}, false
	}
	u, err := url.Parse(addr)
	if err != nil {
		return syslogTarget{}, false
	}
	proto := strings.TrimSuffix(u.Scheme, "+tls")
	if proto != "tcp" && proto != "udp" {
		return syslogTarget{}, false
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1":
	default:
		return syslogTarget{}, false
	}
	port := 514
	if ps := u.Port(); ps != "" {
		if port, err = strconv.Atoi(ps); err != nil {
			return syslogTarget{}, false
		}
	}
	return syslogTarget{Proto: proto, Port: port, Text: addr, Doc: opts.Doc, Node: yamlnode.Resolve(node)}, true
}

func checkTP002(p *lint.Pass, w *stack.View) {
	services := placed(w)
	anyHostNet := false
	for _, s := range services {
		anyHostNet = anyHostNet || hostNetwork(w, s)
	}
	for _, c := range services {
		t, ok := localSyslog(w, c)
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
			if !spl.Sure() || undecided(spl, cpl) || reaches(w, s, spl, c, cpl) {
				reached = true
				break
			}
			why = append(why, fmt.Sprintf("%s runs %s", s.Name, describe(spl)))
		}
		switch {
		case reached:
		case len(publishers) == 0:
			if anyHostNet || t.Port == 514 {
				continue // a host-network service or the host's own syslog may listen there
			}
			p.Report(t.Doc.At(t.Node), "service %s logs to %s, but no service of this stack publishes host port %d/%s: Docker dials that port on the host the container runs on and refuses to start it (tcp) or drops its logs (udp) when nothing listens; publish it from a log service that runs wherever %s runs", c.Name, t.Text, t.Port, t.Proto, c.Name)
		default:
			p.Report(t.Doc.At(t.Node), "service %s logs to %s, port %d/%s of the host it runs on, but %s while %s runs %s: where no log service runs, Docker refuses to start the container (tcp) or drops its logs (udp); pin %s to the log service's hosts, or run the log service on every host %s can use", c.Name, t.Text, t.Port, t.Proto, strings.Join(why, " and "), c.Name, describe(cpl), c.Name, c.Name)
		}
	}
}

// publishes reports whether s publishes t's port on the host loopback.
func publishes(w *stack.View, s *catalog.Service, t syslogTarget) bool {
	for _, b := range bindings(w, s) {
		if b.serves(t.Port, t.Proto) {
			return true
		}
	}
	return false
}

// reaches reports whether publisher s runs on every host consumer c can.
func reaches(w *stack.View, s *catalog.Service, spl stack.Placement, c *catalog.Service, cpl stack.Placement) bool {
	switch {
	case sameGroup(w, s.Name, c.Name):
		return true
	case spl.Global:
		return covers(spl, cpl)
	case cpl.Global:
		return false
	}
	// Two pinned services: "same pin" means the stack is meant for the
	// host(s) carrying it, as single-host catalogs are written.
	return cpl.Pinned() && cpl.PinKey() == spl.PinKey() && subset(spl.Exclude(), cpl.Exclude())
}
