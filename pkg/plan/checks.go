package plan

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

// checkSyslog follows every container that logs to syslog on 127.0.0.1 to
// its host: something there must listen on that port, a container of the
// stack or a listener the inventory names.
func (s *scheduler) checkSyslog() {
	for _, svc := range s.w.Placed() {
		t, ok := s.w.LocalSyslog(svc)
		if !ok {
			continue
		}
		sp := s.plan(svc.Name)
		for _, host := range sp.Hosts() {
			h := s.host(host)
			served := ""
			for _, c := range h.containers {
				for _, p := range c.ports {
					if p.Serves(t) && served == "" {
						served = c.launch
					}
				}
			}
			if served != "" {
				s.edge("syslog", svc.Name, served)
				continue
			}
			listening := false
			for _, p := range h.taken {
				listening = listening || p.Serves(t)
			}
			if listening {
				continue
			}
			if t.Proto == "tcp" {
				s.problem(Error, KindSyslog, svc.Name, host, "%s on %s logs to %s, but no log container runs on %s and nothing else listens on port %d/tcp there: Docker refuses to start the container; run the log service on %s too (global, or the same pin)", svc.Name, host, t.Text, host, t.Port, host)
			} else {
				s.problem(Warning, KindSyslog, svc.Name, host, "%s on %s logs to %s, but nothing listens on port %d/udp of %s: its logs are lost; run the log service on %s too", svc.Name, host, t.Text, t.Port, host, host)
			}
		}
	}
}

// hostsOf returns the hosts where a set of services has containers, in
// inventory order.
func (s *scheduler) hostsOf(services []string) []string {
	var out []string
	for _, h := range s.p.Hosts {
		for _, name := range services {
			if slices.Contains(s.plan(name).Hosts(), h.Name) {
				out = append(out, h.Name)
				break
			}
		}
	}
	return out
}

// checkVolumes reports local volumes that end up on several hosts, and
// drivers no infrastructure stack provides.
func (s *scheduler) checkVolumes() {
	// Local volumes split the same way are reported together.
	type split struct{ names, users, hosts []string }
	var splits []*split
	defer func() {
		for _, sp := range splits {
			s.problem(Error, KindLocalVolume, "", "", "volume%s %s use%s the local driver, and %s run on %s: each host gets its own copy and the containers never see each other's data; use a driver that shares data (rancher-nfs) or keep these services on one host",
				plural(len(sp.names)), strings.Join(sp.names, ", "), map[bool]string{true: "s", false: ""}[len(sp.names) == 1], strings.Join(sp.users, ", "), strings.Join(sp.hosts, ", "))
		}
	}()
	for _, v := range s.w.Volumes() {
		driver := v.Driver
		if driver == "" {
			driver = "local"
		}
		users := v.UserNames()
		vp := VolumePlan{Name: v.Name, Driver: driver, Shared: v.Shared, Users: users, Hosts: s.hostsOf(users)}
		s.p.Volumes = append(s.p.Volumes, vp)
		if !v.Sure || !v.Shared || len(v.Users) == 0 {
			continue
		}
		if driver == "local" {
			if len(vp.Hosts) > 1 {
				found := false
				for _, sp := range splits {
					if slices.Equal(sp.users, users) && slices.Equal(sp.hosts, vp.Hosts) {
						sp.names, found = append(sp.names, v.Name), true
					}
				}
				if !found {
					splits = append(splits, &split{[]string{v.Name}, users, vp.Hosts})
				}
			}
			continue
		}
		if has, known := s.inv.HasStack(driver); known && !has {
			s.problem(Error, KindStorage, "", "", "volume %s uses the %s driver, but the inventory runs no %s stack: Rancher cannot create the volume and %s do not start; deploy %s first (or list it under stacks:)", v.Name, driver, driver, strings.Join(users, ", "), driver)
		}
	}
}

// checkHostPaths reports services that keep their data in a host folder and
// can run, or do run, on more than one host.
func (s *scheduler) checkHostPaths() {
	for _, svc := range s.w.Placed() {
		sp := s.plan(svc.Name)
		if sp.Global || s.w.HostAgent(svc) || s.w.SpreadsItself(s.w.Service(s.w.PrimaryOf(svc.Name))) {
			continue // per-host data by design
		}
		var paths []string
		for _, m := range s.w.Mounts(svc) {
			if m.State() {
				paths = append(paths, m.Source)
			}
		}
		if len(paths) == 0 {
			continue
		}
		switch hosts := sp.Hosts(); {
		case len(hosts) > 1:
			s.problem(Error, KindHostPath, svc.Name, "", "%s keeps data in the host folder %s and runs on %s: each container sees only its own host's copy; use a shared volume or scale %s to 1", svc.Name, strings.Join(paths, ", "), strings.Join(hosts, ", "), svc.Name)
		case len(hosts) == 1 && len(sp.Eligible) > 1:
			s.problem(Warning, KindHostPath, svc.Name, "", "%s keeps data in the host folder %s on %s, but %s can also take it: when Rancher recreates the container there it starts without that data; pin %s to one host with a host_label rule", svc.Name, strings.Join(paths, ", "), hosts[0], strings.Join(without(sp.Eligible, hosts[0]), ", "), svc.Name)
		}
	}
}

func without(list []string, x string) []string {
	var out []string
	for _, v := range list {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// ingress lists the ways in: published host ports, Traefik routes and
// load balancer rules, and reports those that reach no healthy container.
func (s *scheduler) ingress() {
	w := s.w
	traefik, traefikKnown := s.inv.HasStack("traefik")
	for _, svc := range w.Services() {
		sp := s.plan(svc.Name)
		if sp.Kind == "container" && len(sp.Ports) > 0 && len(sp.Containers) > 0 {
			var public []string
			for _, hp := range w.HostPorts(svc) {
				if hp.IP == "127.0.0.1" || hp.IP == "localhost" || hp.IP == "::1" {
					continue
				}
				public = append(public, strconv.Itoa(hp.HostPort)+"/"+hp.Proto)
			}
			if len(public) > 0 {
				s.p.Ingress = append(s.p.Ingress, Ingress{Kind: "port", Service: svc.Name, Entry: strings.Join(public, ", "), Hosts: sp.Hosts()})
			}
		}
		if _, v, present, sure := w.Label(svc, "traefik.enable"); present && sure && (v == "true" || v == "stack") {
			port := "80"
			if _, p, ok, sure := w.Label(svc, "traefik.port"); ok && sure && p != "" {
				port = p
			}
			rule := svc.Name + "." + s.p.Stack
			if v == "stack" {
				rule = s.p.Stack
			}
			if _, d, ok, sure := w.Label(svc, "traefik.domain"); ok && sure && d != "" {
				rule += "." + d
				if _, a, ok, sure := w.Label(svc, "traefik.alias"); ok && sure && a != "" {
					rule += ", " + a + "." + d
				}
			}
			s.p.Ingress = append(s.p.Ingress, Ingress{Kind: "traefik", Service: svc.Name, Entry: "Host:" + rule + " -> :" + port, Targets: []string{svc.Name}, Hosts: sp.Hosts()})
			switch {
			case traefikKnown && !traefik:
				s.problem(Error, KindIngress, svc.Name, "", "%s is published through Traefik (traefik.enable: %s), but the inventory runs no Traefik stack: nothing routes %s to it", svc.Name, v, rule)
			case len(sp.Containers) == 0:
				s.problem(Error, KindIngress, svc.Name, "", "Traefik routes %s to %s, which has no container: the route has no target", rule, svc.Name)
			case !stack.HasHealthCheck(svc):
				s.problem(Error, KindIngress, svc.Name, "", "Traefik routes %s to %s, but only adds healthy containers and %s has no health_check: the route has no healthy target; add a health_check", rule, svc.Name, svc.Name)
			}
		}
		if w.KindOf(svc) == stack.LoadBalancer {
			for _, r := range s.portRules(svc) {
				in := Ingress{Kind: "load-balancer", Service: svc.Name, Entry: fmt.Sprintf("%d -> %s:%d", r.source, r.service, r.target), Hosts: sp.Hosts()}
				if r.service != "" {
					in.Targets = []string{r.service}
					s.edge("load-balancer", svc.Name, r.service)
				}
				s.p.Ingress = append(s.p.Ingress, in)
				t := s.plan(r.service)
				switch {
				case strings.Contains(r.service, "/") || r.service == "":
				case t == nil:
					s.problem(Error, KindIngress, svc.Name, "", "load balancer %s sends port %d to %s, which is no service of this stack", svc.Name, r.source, r.service)
				case len(sp.Containers) == 0:
					s.problem(Error, KindIngress, svc.Name, "", "load balancer %s has no container, so port %d reaches nothing", svc.Name, r.source)
				case len(t.Containers) == 0:
					s.problem(Error, KindIngress, svc.Name, "", "load balancer %s sends port %d to %s, which has no container: no healthy target", svc.Name, r.source, r.service)
				}
			}
		}
	}
}

// links records the relations drawn between services: volumes_from and
// network containers, and links.
func (s *scheduler) links() {
	sk := s.w.Sidekicks()
	for _, svc := range s.w.Services() {
		for _, r := range sk.Refs[svc.Name] {
			kind := "volumes_from"
			if r.Field != "volumes_from" {
				kind = "network"
			}
			s.edge(kind, svc.Name, r.To)
		}
		for _, key := range []string{"links", "external_links"} {
			e, ok := svc.Field(key)
			if !ok || !yamlnode.IsSeq(e.Value) {
				continue
			}
			for _, it := range yamlnode.Resolve(e.Value).Content {
				v, sure := s.w.Scalar(it)
				name, _, _ := strings.Cut(v, ":")
				if sure && s.w.Service(name) != nil && name != svc.Name {
					s.edge("link", svc.Name, name)
				}
			}
		}
	}
	sort.SliceStable(s.p.Edges, func(i, j int) bool {
		a, b := s.p.Edges[i], s.p.Edges[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
}

func (s *scheduler) edge(kind, from, to string) {
	e := Edge{Kind: kind, From: from, To: to}
	if !slices.Contains(s.p.Edges, e) {
		s.p.Edges = append(s.p.Edges, e)
	}
}

// sortProblems orders problems: errors first, then by kind, service, host
// and message, so output is stable.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Severity != b.Severity {
			return a.Severity == Error
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		if a.Host != b.Host {
			return a.Host < b.Host
		}
		return a.Message < b.Message
	})
}
