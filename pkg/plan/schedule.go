package plan

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

// Options tune a plan.
type Options struct {
	// Answers are merged over the question defaults.
	Answers map[string]string
	// Stack is the stack name (default: the template's folder name, which
	// is what Rancher's UI proposes).
	Stack string
}

// New plans version v on inventory inv.
func New(v *catalog.Version, inv *Inventory, opts Options) (*Plan, error) {
	if inv == nil || len(inv.Hosts) == 0 {
		return nil, fmt.Errorf("the inventory has no hosts")
	}
	name := opts.Stack
	if name == "" {
		name = v.Template.Name
	}
	d, err := deployFor(v, opts.Answers, strings.ToLower(name))
	if err != nil {
		return nil, err
	}
	p := &Plan{Entry: v.Template.Name, Stack: strings.ToLower(name), Stacks: inv.Stacks, Problems: []Problem{}}
	if v.Catalog != nil {
		p.Version = v.Catalog.Version
	}
	s := newScheduler(d.view, inv, p)
	p.Problems = append(p.Problems, d.problems...)
	s.run()
	sortProblems(p.Problems)
	return p, nil
}

type scheduler struct {
	w     *stack.View
	inv   *Inventory
	p     *Plan
	hosts []*hostState
	units []*unit
	plans map[string]int // service name -> index in p.Services
}

type hostState struct {
	Host
	index      int
	labels     map[string]string // lowercased, as Cattle compares
	taken      []stack.HostPort
	containers []*placedContainer
}

type placedContainer struct {
	name    string
	service string // the primary: the service the container belongs to
	launch  string // its launch config: the primary or a sidekick
	labels  map[string]string
	ports   []stack.HostPort
}

// rule is one scheduling label of one launch config.
type rule struct {
	aff     labels.Affinity
	pairs   []labels.Pair
	service string
	text    string // "key: value" for messages
	// outside is set on a container rule that no container of this stack
	// can satisfy: it is about other stacks, which the plan does not see.
	outside bool
}

// unit is a launch-config group: a primary and its sidekicks, placed
// together.
type unit struct {
	primary string
	members []*catalog.Service
	global  bool
	scale   int
	rules   []rule
	ports   []servicePort
}

type servicePort struct {
	stack.HostPort
	service string
}

func newScheduler(w *stack.View, inv *Inventory, p *Plan) *scheduler {
	s := &scheduler{w: w, inv: inv, p: p, plans: map[string]int{}}
	for i, h := range inv.Hosts {
		hs := &hostState{Host: h, index: i, labels: map[string]string{}}
		for k, v := range h.Labels {
			hs.labels[strings.ToLower(k)] = strings.ToLower(v)
		}
		for _, pt := range h.Ports {
			num, proto, _ := strings.Cut(pt, "/")
			n, _ := strconv.Atoi(num)
			hs.taken = append(hs.taken, stack.HostPort{HostPort: n, ContainerPort: n, Proto: proto, Text: pt})
		}
		s.hosts = append(s.hosts, hs)
		hp := HostPlan{Name: h.Name, TakenPorts: h.Ports}
		for k, v := range h.Labels {
			hp.Labels = append(hp.Labels, k+"="+v)
		}
		sort.Strings(hp.Labels)
		p.Hosts = append(p.Hosts, hp)
	}
	return s
}

func (s *scheduler) problem(sev Severity, kind, service, host, format string, args ...any) {
	s.p.Problems = append(s.p.Problems, Problem{Severity: sev, Kind: kind, Service: service, Host: host, Message: fmt.Sprintf(format, args...)})
}

func (s *scheduler) run() {
	s.describeServices()
	s.sidekickProblems()
	s.buildUnits()
	for _, u := range s.order() {
		s.place(u)
	}
	s.checkSyslog()
	s.checkVolumes()
	s.checkHostPaths()
	s.ingress()
	s.links()
}

func kindName(k stack.Kind) string {
	switch k {
	case stack.LoadBalancer, stack.LegacyBalancer:
		return "load-balancer"
	case stack.ExternalService:
		return "external"
	case stack.DNSService:
		return "dns"
	}
	return "container"
}

// describeServices fills what the plan says of each service before placing.
func (s *scheduler) describeServices() {
	w := s.w
	for _, svc := range w.Services() {
		sp := ServicePlan{Name: svc.Name, Kind: kindName(w.KindOf(svc)), Image: w.Image(svc), Scale: 1, Eligible: []string{}}
		if pr := w.PrimaryOf(svc.Name); pr != svc.Name {
			sp.Primary = pr
		} else if g := w.Group(svc.Name); len(g) > 1 {
			sp.Sidekicks = g[1:]
		}
		if _, v, present, sure := w.Label(svc, stack.GlobalLabel); present && sure {
			sp.Global = labels.IsTrue(v)
		}
		if _, v, sure := w.FieldString(svc, "scale"); sure && v != "" {
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				sp.Scale = n
			}
		}
		for _, r := range s.rulesOf(svc) {
			sp.Rules = append(sp.Rules, r.text)
		}
		for _, hp := range s.portsOf(svc) {
			sp.Ports = append(sp.Ports, hp.Text)
		}
		for _, m := range w.Mounts(svc) {
			if m.Source != "" {
				sp.Mounts = append(sp.Mounts, m.Source+":"+m.Target)
			}
		}
		s.plans[svc.Name] = len(s.p.Services)
		s.p.Services = append(s.p.Services, sp)
	}
}

func (s *scheduler) plan(name string) *ServicePlan {
	i, ok := s.plans[name]
	if !ok {
		return nil
	}
	return &s.p.Services[i]
}

func (s *scheduler) sidekickProblems() {
	for _, pr := range s.w.Sidekicks().Analysis.Problems {
		s.problem(Error, KindSidekick, pr.Service, "", "%s", pr.Msg)
	}
}

// serviceMacro is what `${service_name}` means in a launch config's rules:
// the service, or primary/sidekick for a sidekick.
func (s *scheduler) serviceMacro(name string) string {
	if pr := s.w.PrimaryOf(name); pr != name {
		return strings.ToLower(pr + "/" + name)
	}
	return strings.ToLower(name)
}

// rulesOf reads a launch config's scheduling labels as Cattle does: value
// lowercased, macros expanded, split into pairs.
func (s *scheduler) rulesOf(svc *catalog.Service) []rule {
	var out []rule
	for _, l := range svc.Labels() {
		a, isAff, ok := labels.ParseAffinityKey(l.Key)
		if !isAff {
			continue
		}
		if !ok {
			continue // reported once, in buildUnits
		}
		v, _ := s.w.LabelValue(l)
		v = strings.ToLower(v)
		v = strings.NewReplacer("${stack_name}", s.p.Stack, "${project_name}", s.p.Stack, "${service_name}", s.serviceMacro(svc.Name)).Replace(v)
		pairs, _ := labels.ParseAffinityValue(a.Kind, v)
		if a.Kind == labels.ContainerLabel {
			for i, pr := range pairs {
				if pr.Key == "io.rancher.stack_service.name" && !strings.Contains(pr.Value, "/") {
					if t := s.w.Service(pr.Value); t != nil {
						pairs[i].Value = s.p.Stack + "/" + s.serviceMacro(t.Name)
					}
				}
			}
		}
		out = append(out, rule{aff: a, pairs: pairs, service: svc.Name, text: a.Key() + ": " + v})
	}
	return out
}

// portsOf returns the host ports a launch config takes: its published
// ports and, for a Rancher load balancer, the source ports of its rules and
// the ports it lists without a host side.
func (s *scheduler) portsOf(svc *catalog.Service) []stack.HostPort {
	out := s.w.HostPorts(svc)
	if s.w.KindOf(svc) != stack.LoadBalancer {
		return out
	}
	add := func(n int, text string) {
		hp := stack.HostPort{HostPort: n, ContainerPort: n, Proto: "tcp", Text: text}
		for _, o := range out {
			if o.Overlaps(hp) {
				return
			}
		}
		out = append(out, hp)
	}
	if e, ok := svc.Field("ports"); ok {
		for _, item := range yamlnode.Resolve(e.Value).Content {
			if t, sure := s.w.Scalar(item); sure && !strings.Contains(t, ":") {
				num, _, _ := strings.Cut(t, "/")
				if n, err := strconv.Atoi(num); err == nil && n > 0 && n < 65536 {
					add(n, t)
				}
			}
		}
	}
	for _, r := range s.portRules(svc) {
		add(r.source, strconv.Itoa(r.source))
	}
	return out
}

type portRule struct {
	source, target int
	service        string
}

func (s *scheduler) portRules(svc *catalog.Service) []portRule {
	e, ok := svc.Field("lb_config")
	if !ok {
		return nil
	}
	var out []portRule
	rules := yamlnode.Value(e.Value, "port_rules")
	if !yamlnode.IsSeq(rules) {
		return nil
	}
	for _, item := range yamlnode.Resolve(rules).Content {
		src, _ := s.w.Scalar(yamlnode.Value(item, "source_port"))
		tgt, _ := s.w.Scalar(yamlnode.Value(item, "target_port"))
		target, _ := s.w.Scalar(yamlnode.Value(item, "service"))
		sp, err := strconv.Atoi(src)
		if err != nil || sp < 1 || sp > 65535 {
			continue
		}
		tp, _ := strconv.Atoi(tgt)
		out = append(out, portRule{source: sp, target: tp, service: target})
	}
	return out
}

func (s *scheduler) buildUnits() {
	w := s.w
	for _, svc := range w.Placed() {
		for _, l := range svc.Labels() {
			if _, isAff, ok := labels.ParseAffinityKey(l.Key); isAff && !ok {
				s.problem(Warning, KindAffinityRule, svc.Name, "", "label %s of %s is no scheduling rule Cattle knows, so it is ignored; write io.rancher.scheduler.affinity:host_label, :container_label or :container with _soft and/or _ne", l.Key, svc.Name)
			}
		}
		if w.PrimaryOf(svc.Name) != svc.Name {
			continue
		}
		sp := s.plan(svc.Name)
		u := &unit{primary: svc.Name, global: sp.Global, scale: sp.Scale}
		for _, name := range w.Group(svc.Name) {
			m := w.Service(name)
			u.members = append(u.members, m)
			rs := s.rulesOf(m)
			for i, r := range rs {
				s.syntaxProblems(m, r)
				if r.aff.Kind != labels.HostLabel && !r.aff.Negated && !s.inStack(r) {
					rs[i].outside = true
					s.problem(Warning, KindOutside, m.Name, "", "%s of %s asks for containers no service of this stack runs; the plan assumes another stack provides them on every host", r.aff.Key(), m.Name)
				}
			}
			u.rules = append(u.rules, rs...)
			for _, hp := range s.portsOf(m) {
				u.ports = append(u.ports, servicePort{hp, name})
			}
		}
		s.units = append(s.units, u)
	}
}

func (s *scheduler) syntaxProblems(svc *catalog.Service, r rule) {
	l, _ := svc.Label(r.aff.Key())
	v, _ := s.w.LabelValue(l)
	_, probs := labels.ParseAffinityValue(r.aff.Kind, v)
	for _, pr := range probs {
		sev := Warning
		if pr.SeverityFor(r.aff) == "error" {
			sev = Error
		}
		s.problem(sev, KindAffinityRule, svc.Name, "", "%s of %s: %s", r.aff.Key(), svc.Name, pr.Msg)
	}
}

// order returns the units in the order their containers are placed: a
// service after the services it depends on or links to, otherwise in file
// order.
func (s *scheduler) order() []*unit {
	unitOf := map[string]*unit{}
	for _, u := range s.units {
		for _, m := range u.members {
			unitOf[m.Name] = u
		}
	}
	deps := map[*unit][]*unit{}
	for _, u := range s.units {
		for _, m := range u.members {
			for _, name := range s.dependencies(m) {
				if d := unitOf[name]; d != nil && d != u && !slices.Contains(deps[u], d) {
					deps[u] = append(deps[u], d)
				}
			}
		}
		// Cattle retries a container whose hard container rule finds no
		// container yet, so it lands once the containers it needs run:
		// place those first.
		for _, o := range s.units {
			if o != u && !slices.Contains(deps[u], o) && s.needs(u, o) {
				deps[u] = append(deps[u], o)
			}
		}
	}
	var out []*unit
	done := map[*unit]bool{}
	ready := func(u *unit) bool {
		for _, d := range deps[u] {
			if !done[d] {
				return false
			}
		}
		return true
	}
	for len(out) < len(s.units) {
		// The first unit whose dependencies are placed; when a cycle
		// leaves none, the first unit left.
		pick, first := -1, -1
		for i, u := range s.units {
			if done[u] {
				continue
			}
			if first < 0 {
				first = i
			}
			if ready(u) {
				pick = i
				break
			}
		}
		if pick < 0 {
			pick = first
		}
		done[s.units[pick]] = true
		out = append(out, s.units[pick])
	}
	return out
}

// matchesLabels reports whether a container with labels l satisfies every
// pair of a container_label rule.
func (r rule) matchesLabels(l map[string]string) bool {
	for _, p := range r.pairs {
		if p.Key == "" || l[p.Key] != p.Value {
			return false
		}
	}
	return true
}

// inStack reports whether some container of this stack can satisfy a
// container_label or container rule.
func (s *scheduler) inStack(r rule) bool {
	for _, svc := range s.w.Placed() {
		primary := s.w.PrimaryOf(svc.Name)
		switch r.aff.Kind {
		case labels.ContainerLabel:
			if r.matchesLabels(s.containerLabels(svc)) {
				return true
			}
		case labels.Container:
			prefix := s.p.Stack + "-" + primary + "-"
			if primary != svc.Name {
				prefix += svc.Name + "-"
			}
			for _, p := range r.pairs {
				if strings.HasPrefix(p.Value, strings.ToLower(prefix)) {
					return true
				}
			}
		}
	}
	return false
}

// needs reports whether a hard container_label or container rule of u asks
// for a container of o.
func (s *scheduler) needs(u, o *unit) bool {
	for _, r := range u.rules {
		if r.aff.Soft || r.aff.Negated || u.global {
			continue
		}
		for _, m := range o.members {
			switch r.aff.Kind {
			case labels.ContainerLabel:
				if r.matchesLabels(s.containerLabels(m)) {
					return true
				}
			case labels.Container:
				for _, p := range r.pairs {
					if strings.HasPrefix(p.Value, strings.ToLower(s.p.Stack+"-"+o.primary+"-")) {
						return true
					}
				}
			}
		}
	}
	return false
}

// dependencies are the services a service names in depends_on, links and
// external_links.
func (s *scheduler) dependencies(svc *catalog.Service) []string {
	var out []string
	for _, key := range []string{"depends_on", "links", "external_links"} {
		e, ok := svc.Field(key)
		if !ok {
			continue
		}
		n := yamlnode.Resolve(e.Value)
		var items []string
		switch {
		case yamlnode.IsSeq(n):
			for _, it := range n.Content {
				if v, sure := s.w.Scalar(it); sure {
					items = append(items, v)
				}
			}
		case yamlnode.IsMap(n):
			for _, pr := range yamlnode.Pairs(n) {
				items = append(items, pr.Key.Value)
			}
		}
		for _, it := range items {
			name, _, _ := strings.Cut(it, ":")
			if s.w.Service(name) != nil {
				out = append(out, name)
			}
		}
	}
	return out
}

// check says whether host h can take a container of unit u now: reason is
// "" when it can. soft counts the soft rules h satisfies; outside names a
// host port the inventory says is taken, which Cattle does not know about.
func (s *scheduler) check(h *hostState, u *unit) (reason string, soft int, outside string) {
	for _, r := range u.rules {
		if u.global && r.aff.Kind != labels.HostLabel {
			continue // Cattle honours only host_label rules for global services
		}
		if r.aff.Soft {
			if !u.global && s.satisfies(h, r) == "" {
				soft++
			}
			continue
		}
		if why := s.satisfies(h, r); why != "" {
			return why, 0, ""
		}
	}
	for _, sp := range u.ports {
		for _, c := range h.containers {
			for _, cp := range c.ports {
				if sp.Overlaps(cp) {
					return fmt.Sprintf("host port %d/%s of %s is taken by %s", sp.HostPort.HostPort, sp.Proto, sp.service, c.name), 0, ""
				}
			}
		}
	}
	for _, sp := range u.ports {
		for _, t := range h.taken {
			if sp.Overlaps(t) && outside == "" {
				outside = fmt.Sprintf("%d/%s", sp.HostPort.HostPort, sp.Proto)
			}
		}
	}
	return "", soft, outside
}

// satisfies returns "" when host h satisfies rule r (as a hard rule), else
// why not.
func (s *scheduler) satisfies(h *hostState, r rule) string {
	if r.outside {
		return ""
	}
	match := func(l map[string]string, p labels.Pair) bool {
		v, ok := l[p.Key]
		return p.Key != "" && ok && v == p.Value
	}
	switch r.aff.Kind {
	case labels.HostLabel:
		for _, p := range r.pairs {
			switch m := match(h.labels, p); {
			case !r.aff.Negated && !m && p.Key == "":
				return fmt.Sprintf("%s of %s: %q has no \"=\", so no host matches it", r.aff.Key(), r.service, p.Value)
			case !r.aff.Negated && !m:
				return fmt.Sprintf("lacks host label %s=%s (%s of %s)", p.Key, p.Value, r.aff.Key(), r.service)
			case r.aff.Negated && m:
				return fmt.Sprintf("has host label %s=%s, which %s of %s excludes", p.Key, p.Value, r.aff.Key(), r.service)
			}
		}
	case labels.ContainerLabel:
		if r.aff.Negated {
			for _, c := range h.containers {
				for _, p := range r.pairs {
					if match(c.labels, p) {
						return fmt.Sprintf("runs %s, which has %s=%s and %s of %s keeps away", c.name, p.Key, p.Value, r.aff.Key(), r.service)
					}
				}
			}
			return ""
		}
		for _, c := range h.containers {
			all := true
			for _, p := range r.pairs {
				all = all && match(c.labels, p)
			}
			if all {
				return ""
			}
		}
		return fmt.Sprintf("runs no container with %s (%s of %s)", pairText(r.pairs), r.aff.Key(), r.service)
	case labels.Container:
		for _, c := range h.containers {
			for _, p := range r.pairs {
				if strings.EqualFold(c.name, p.Value) {
					if r.aff.Negated {
						return fmt.Sprintf("runs %s, which %s of %s keeps away", c.name, r.aff.Key(), r.service)
					}
					return ""
				}
			}
		}
		if !r.aff.Negated {
			return fmt.Sprintf("runs no container named %s (%s of %s)", pairText(r.pairs), r.aff.Key(), r.service)
		}
	}
	return ""
}

func pairText(ps []labels.Pair) string {
	var parts []string
	for _, p := range ps {
		if p.Key == "" {
			parts = append(parts, p.Value)
		} else {
			parts = append(parts, p.Key+"="+p.Value)
		}
	}
	return strings.Join(parts, ",")
}

func (s *scheduler) place(u *unit) {
	sp := s.plan(u.primary)
	// Eligibility before the unit's own containers: what the plan shows.
	best := -1
	softRules := false
	for _, r := range u.rules {
		softRules = softRules || r.aff.Soft && !u.global
	}
	scores := map[string]int{}
	var rejected []Rejection
	for _, h := range s.hosts {
		why, soft, _ := s.check(h, u)
		if why != "" {
			rejected = append(rejected, Rejection{h.Name, why})
			continue
		}
		sp.Eligible = append(sp.Eligible, h.Name)
		scores[h.Name] = soft
		best = max(best, soft)
	}
	if softRules && best > 0 {
		for _, h := range sp.Eligible {
			if scores[h] == best {
				sp.Preferred = append(sp.Preferred, h)
			}
		}
	}
	sp.Rejected = rejected
	for _, m := range u.members[1:] {
		skp := s.plan(m.Name)
		skp.Eligible, skp.Preferred, skp.Rejected = sp.Eligible, sp.Preferred, sp.Rejected
		skp.Global, skp.Scale = sp.Global, sp.Scale
	}

	if u.global {
		if len(sp.Eligible) == 0 {
			s.problem(Error, KindGlobal, u.primary, "", "global service %s runs on no host: %s", u.primary, rejections(rejected))
			return
		}
		for _, name := range sp.Eligible {
			h := s.host(name)
			why, _, outside := s.check(h, u)
			if why != "" {
				s.unplaced(u, 1)
				s.problem(Error, KindPortTaken, u.primary, h.Name, "global service %s gets no container on %s: %s", u.primary, h.Name, why)
				continue
			}
			s.put(u, h, outside)
		}
		return
	}

	placed := 0
	for i := 0; i < u.scale; i++ {
		var cands []*hostState
		var last []Rejection
		soft := map[*hostState]int{}
		outside := map[*hostState]string{}
		for _, h := range s.hosts {
			why, sc, out := s.check(h, u)
			if why != "" {
				last = append(last, Rejection{h.Name, why})
				continue
			}
			cands = append(cands, h)
			soft[h], outside[h] = sc, out
		}
		if len(cands) == 0 {
			missing := u.scale - i
			s.unplaced(u, missing)
			if placed == 0 {
				s.problem(Error, KindNoHost, u.primary, "", "no host can take %s, so it stays in Activating: %s", u.primary, rejections(last))
			} else {
				s.problem(Error, KindScale, u.primary, "", "%s has scale %d, but only %d of its containers find a host; %d stay unplaced: %s", u.primary, u.scale, placed, missing, rejections(last))
			}
			return
		}
		sort.SliceStable(cands, func(a, b int) bool {
			x, y := cands[a], cands[b]
			if soft[x] != soft[y] {
				return soft[x] > soft[y]
			}
			if (outside[x] == "") != (outside[y] == "") {
				return outside[x] == ""
			}
			if n, m := s.count(x, u.primary), s.count(y, u.primary); n != m {
				return n < m
			}
			if len(x.containers) != len(y.containers) {
				return len(x.containers) < len(y.containers)
			}
			return x.index < y.index
		})
		h := cands[0]
		if i == 0 {
			for _, c := range cands[1:] {
				if outside[c] != "" && soft[c] == soft[h] {
					s.problem(Warning, KindPortTaken, u.primary, c.Name, "%s can also land on %s, where host port %s is already taken outside Rancher: Cattle does not know it, and a container placed there fails to start", u.primary, c.Name, outside[c])
				}
			}
		}
		s.put(u, h, outside[h])
		placed++
	}
}

func (s *scheduler) host(name string) *hostState {
	for _, h := range s.hosts {
		if h.Name == name {
			return h
		}
	}
	return nil
}

func (s *scheduler) count(h *hostState, primary string) int {
	n := 0
	for _, c := range h.containers {
		if c.service == primary {
			n++
		}
	}
	return n
}

func (s *scheduler) unplaced(u *unit, n int) {
	for _, m := range u.members {
		s.plan(m.Name).Unplaced += n
	}
}

// put places one container of each launch config of u on h.
func (s *scheduler) put(u *unit, h *hostState, outside string) {
	sp := s.plan(u.primary)
	n := len(sp.Containers) + 1
	for _, m := range u.members {
		name := s.p.Stack + "-" + u.primary + "-" + strconv.Itoa(n)
		if m.Name != u.primary {
			name = s.p.Stack + "-" + u.primary + "-" + m.Name + "-" + strconv.Itoa(n)
		}
		c := &placedContainer{name: name, service: u.primary, launch: m.Name, labels: s.containerLabels(m)}
		for _, p := range u.ports {
			if p.service == m.Name {
				c.ports = append(c.ports, p.HostPort)
			}
		}
		h.containers = append(h.containers, c)
		mp := s.plan(m.Name)
		mp.Containers = append(mp.Containers, Container{Name: name, Service: m.Name, Host: h.Name})
		hp := &s.p.Hosts[h.index]
		hp.Containers = append(hp.Containers, name)
	}
	if outside != "" {
		s.problem(Error, KindPortTaken, u.primary, h.Name, "%s lands on %s, where host port %s is already taken outside Rancher: Cattle does not know it, so the container fails to start; free the port or keep %s off %s with a host_label rule", u.primary, h.Name, outside, u.primary, h.Name)
	}
}

// containerLabels are the labels a container carries: its service's, and
// the ones Rancher adds.
func (s *scheduler) containerLabels(m *catalog.Service) map[string]string {
	out := map[string]string{}
	for _, l := range m.Labels() {
		if v, sure := s.w.LabelValue(l); sure {
			out[strings.ToLower(l.Key)] = strings.ToLower(v)
		}
	}
	full := s.p.Stack + "/" + s.serviceMacro(m.Name)
	out["io.rancher.stack.name"] = s.p.Stack
	out["io.rancher.project.name"] = s.p.Stack
	out["io.rancher.stack_service.name"] = full
	out["io.rancher.project_service.name"] = full
	return out
}

// rejections says why hosts were rejected, hosts with the same reason
// together.
func rejections(rs []Rejection) string {
	var reasons []string
	hosts := map[string][]string{}
	for _, r := range rs {
		if hosts[r.Reason] == nil {
			reasons = append(reasons, r.Reason)
		}
		hosts[r.Reason] = append(hosts[r.Reason], r.Host)
	}
	parts := make([]string, len(reasons))
	for i, why := range reasons {
		parts[i] = strings.Join(hosts[why], ", ") + ": " + why
	}
	return strings.Join(parts, "; ")
}
