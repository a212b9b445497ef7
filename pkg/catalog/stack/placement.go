package stack

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// GlobalLabel makes a service run one container on every eligible host.
const GlobalLabel = "io.rancher.scheduler.global"

// Pin is one hard host_label rule of a service: the label and the pairs
// Cattle reads from its interpolated value.
type Pin struct {
	Label   catalog.Label
	Value   string // interpolated
	Negated bool   // host_label_ne
	Pairs   []labels.Pair
	Sure    bool
}

// Placement is where a service's containers may run, from its own labels.
type Placement struct {
	Global bool
	// GlobalSure is false when the global label depends on an answer the
	// user types.
	GlobalSure bool
	Pins       []Pin // hard host_label and host_label_ne rules

	// worked holds Require, Exclude and PinKey worked out, for the pinned
	// placements a View hands out (see seal): rules compare them per pair
	// of services. It holds while Pins is the slice it was worked out for;
	// a Placement built or changed by hand computes them on each call.
	worked *workedPairs
}

type workedPairs struct {
	pins             []Pin
	require, exclude []string
	pinKey           string
}

// seal works out pl's pairs and returns pl. A placement without pins has
// none to work out. The slices are clipped, so that a caller appending to
// them gets a copy.
func (pl Placement) seal() Placement {
	if len(pl.Pins) == 0 {
		return pl
	}
	pl.Pins = slices.Clip(pl.Pins)
	wp := &workedPairs{pins: pl.Pins, require: slices.Clip(pl.pairs(false)), exclude: slices.Clip(pl.pairs(true))}
	wp.pinKey = strings.Join(wp.require, ",")
	pl.worked = wp
	return pl
}

// fresh reports whether pl.worked holds the pairs of pl.Pins.
func (pl *Placement) fresh() bool {
	wp := pl.worked
	return wp != nil && len(pl.Pins) == len(wp.pins) && len(pl.Pins) > 0 && &pl.Pins[0] == &wp.pins[0]
}

// PlacementOf reads a service's global flag and hard host rules. Soft and
// container rules do not restrict hosts and are left out. Pins are read with
// ExpandSymbolic: a pin the user types compares equal to the same reference.
func (w *View) PlacementOf(s *catalog.Service) Placement {
	if i := w.index(s); i >= 0 {
		return w.placements().own[i]
	}
	return w.placementOf(s).seal()
}

func (w *View) placementOf(s *catalog.Service) Placement {
	pl := Placement{GlobalSure: true}
	if _, v, present, sure := w.Label(s, GlobalLabel); present {
		pl.Global, pl.GlobalSure = labels.IsTrue(v), sure
	}
	for _, l := range s.Labels() {
		a, isAff, ok := labels.ParseAffinityKey(l.Key)
		if !isAff || !ok || a.Kind != labels.HostLabel || a.Soft {
			continue
		}
		v, sure := w.symbolicLabelValue(l)
		pairs, _ := labels.ParseAffinityValue(labels.HostLabel, v)
		pl.Pins = append(pl.Pins, Pin{Label: l, Value: v, Negated: a.Negated, Pairs: pairs, Sure: sure})
	}
	return pl
}

// Require returns the `k=v` pairs a host must have (hard host_label), sorted
// and deduplicated.
func (pl Placement) Require() []string {
	if pl.fresh() {
		return pl.worked.require
	}
	return pl.pairs(false)
}

// Exclude returns the `k=v` pairs a host must not have (host_label_ne).
func (pl Placement) Exclude() []string {
	if pl.fresh() {
		return pl.worked.exclude
	}
	return pl.pairs(true)
}

func (pl Placement) pairs(negated bool) []string {
	var out []string
	for _, p := range pl.Pins {
		if p.Negated != negated {
			continue
		}
		for _, pr := range p.Pairs {
			out = append(out, pr.Key+"="+pr.Value)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Pinned reports whether a hard host_label rule requires some host label.
func (pl Placement) Pinned() bool { return len(pl.Require()) > 0 }

// Sure reports whether every value the placement depends on is known.
func (pl Placement) Sure() bool {
	if !pl.GlobalSure {
		return false
	}
	for _, p := range pl.Pins {
		if !p.Sure {
			return false
		}
	}
	return true
}

// PinKey is the required pairs joined, to compare pins: "" when unpinned.
func (pl Placement) PinKey() string {
	if pl.fresh() {
		return pl.worked.pinKey
	}
	return strings.Join(pl.Require(), ",")
}

// RequirePin returns the first hard, non-negated host_label rule, if any.
func (pl Placement) RequirePin() (Pin, bool) {
	for _, p := range pl.Pins {
		if !p.Negated && len(p.Pairs) > 0 {
			return p, true
		}
	}
	return Pin{}, false
}

// Conflicts reports whether no host can satisfy both required and excluded
// pair sets: one label key required with two values, or a pair both
// required and excluded. Pairs with an empty key or holding an answer the
// user types prove nothing and are left out.
func Conflicts(require, exclude []string) (string, bool) {
	byKey := map[string]string{}
	for _, kv := range require {
		k, v, _ := strings.Cut(kv, "=")
		if k == "" || Symbolic(kv) {
			continue
		}
		if prev, ok := byKey[k]; ok && prev != v {
			return "host label " + k + " cannot be both " + prev + " and " + v, true
		}
		byKey[k] = v
	}
	for _, kv := range exclude {
		if !strings.HasPrefix(kv, "=") && !Symbolic(kv) && slices.Contains(require, kv) {
			return "host label " + kv + " is both required and excluded", true
		}
	}
	return "", false
}

// Covers reports whether every host that placement p allows also
// satisfies pl's hard rules: pl requires no host label p does not also
// require and excludes none that p does not also exclude. A global pl that
// covers p runs on every host p can use.
func (pl Placement) Covers(p Placement) bool {
	return subset(pl.Require(), p.Require()) && subset(pl.Exclude(), p.Exclude())
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// Incompatible reports whether no host can satisfy both placements.
func (pl Placement) Incompatible(p Placement) bool {
	_, bad := Conflicts(append(pl.Require(), p.Require()...), append(pl.Exclude(), p.Exclude()...))
	return bad
}

// Undecided reports whether two placements differ by a pin the user types:
// whether they can share a host depends on the answer.
func (pl Placement) Undecided(p Placement) bool {
	if pl.PinKey() == p.PinKey() && strings.Join(pl.Exclude(), ",") == strings.Join(p.Exclude(), ",") {
		return false
	}
	for _, kv := range append(append(pl.Require(), pl.Exclude()...), append(p.Require(), p.Exclude()...)...) {
		if Symbolic(kv) {
			return true
		}
	}
	return false
}

// Describe says where a placement runs, for messages: "global on hosts
// with k=v without x=y".
func (pl Placement) Describe() string {
	var b strings.Builder
	if pl.Global {
		b.WriteString("global ")
	}
	if req := pl.Require(); len(req) > 0 {
		b.WriteString("on hosts with " + strings.Join(req, ","))
	} else {
		b.WriteString("on any host")
	}
	if exc := pl.Exclude(); len(exc) > 0 {
		b.WriteString(" without " + strings.Join(exc, ","))
	}
	return b.String()
}

// MultiHost reports whether the stack itself says that the hosts matching
// pin key (a PinKey) are several: unpinned services may use any host, and a
// global service of the stack running on the same pin means there is more
// than one such host.
func (w *View) MultiHost(key string) bool {
	return key == "" || w.placements().globalPins[key]
}

// SameGroup reports whether a and b are launch configs of one service,
// which Cattle always places on one host.
func (w *View) SameGroup(a, b string) bool {
	return slices.Contains(w.Group(a), b) || slices.Contains(w.Group(b), a)
}

// GroupPlacement is where a launch-config group runs: Cattle places the
// primary and its sidekicks on one host, so the group's hosts must satisfy
// every member's hard rules; the primary's global flag decides for all.
func (w *View) GroupPlacement(name string) Placement {
	if i, ok := w.sidekicks.order[name]; ok {
		return w.placements().group[i]
	}
	return w.groupPlacement(name, w.PlacementOf)
}

func (w *View) groupPlacement(name string, placementOf func(*catalog.Service) Placement) Placement {
	group := w.Group(name)
	pl := placementOf(w.Service(group[0]))
	if len(group) == 1 {
		return pl
	}
	pl.Pins = slices.Clone(pl.Pins)
	for _, n := range group[1:] {
		pl.Pins = append(pl.Pins, placementOf(w.Service(n)).Pins...)
	}
	return pl.seal()
}

// placements holds the placements of a version's services and groups,
// read once: the TP rules compare them per service and per pair of
// services, and ask MultiHost for each.
type placements struct {
	// own and group are indexed as Services (GroupPlacement finds a
	// name's index in Sidekicks.order).
	own   []Placement
	group []Placement
	// globalPins holds the PinKeys of the sure, global groups of the
	// services that run on hosts.
	globalPins map[string]bool
}

var placementsKey = catalog.NewKey[*placements]("stack.placements")

func (w *View) placements() *placements {
	if ps := w.placementsOf.Load(); ps != nil {
		return ps
	}
	ps := catalog.Derive(w.Version, placementsKey, func() *placements { return readPlacements(w) })
	w.placementsOf.Store(ps)
	return ps
}

func readPlacements(w *View) *placements {
	services := w.Services()
	ps := &placements{own: make([]Placement, len(services)), group: make([]Placement, len(services))}
	for i, s := range services {
		ps.own[i] = w.placementOf(s).seal()
	}
	own := func(s *catalog.Service) Placement {
		if i := w.index(s); i >= 0 {
			return ps.own[i]
		}
		return w.placementOf(s).seal()
	}
	for i, s := range services {
		ps.group[i] = w.groupPlacement(s.Name, own)
	}
	for _, s := range w.Placed() {
		pl := ps.group[w.sidekicks.order[s.Name]]
		if !pl.Global || !pl.Sure() {
			continue
		}
		if ps.globalPins == nil {
			ps.globalPins = map[string]bool{}
		}
		ps.globalPins[pl.PinKey()] = true
	}
	return ps
}

// SpreadsItself reports whether a service keeps its containers on separate
// hosts with a hard container_label_ne rule on its own service name
// (`io.rancher.stack_service.name=$${stack_name}/$${service_name}`): one
// container per host, like a cluster whose members each own their data.
func (w *View) SpreadsItself(s *catalog.Service) bool {
	name := strings.ToLower(s.Name)
	for _, l := range s.Labels() {
		a, _, ok := labels.ParseAffinityKey(l.Key)
		if !ok || a.Kind != labels.ContainerLabel || !a.Negated || a.Soft {
			continue
		}
		v, sure := w.LabelValue(l)
		if !sure {
			continue
		}
		pairs, _ := labels.ParseAffinityValue(labels.ContainerLabel, v)
		for _, p := range pairs {
			if p.Key != "io.rancher.stack_service.name" {
				continue
			}
			svc := p.Value
			if i := strings.LastIndexByte(svc, '/'); i >= 0 {
				svc = svc[i+1:]
			}
			if svc == "${service_name}" || svc == name {
				return true
			}
		}
	}
	return false
}

// symbolicLabelValue reads a label value as LabelValue does, with
// ExpandSymbolic.
func (w *View) symbolicLabelValue(l catalog.Label) (string, bool) {
	if !l.HasValue {
		return "", false
	}
	if l.ValueNode != nil && l.ValueNode != l.KeyNode {
		n := yamlnode.Resolve(l.ValueNode)
		if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return "", false
		}
		return w.ExpandSymbolic(yaml11.Text(n))
	}
	return w.ExpandSymbolic(l.Value)
}
