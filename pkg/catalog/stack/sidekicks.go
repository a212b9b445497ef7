package stack

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/sidekick"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// SidekickLabel names a primary's sidekicks.
const SidekickLabel = "io.rancher.sidekicks"

// Listing is one `io.rancher.sidekicks` label: the primary, the label and
// the names it lists.
type Listing struct {
	Primary *catalog.Service
	Label   catalog.Label
	Value   string // interpolated
	Names   []string
	Sure    bool // false when the value depends on an answer the user types
}

// Ref is a reference from one launch config to another: a volumes_from
// item (Cattle's dataVolumesFromLaunchConfigs) or `network_mode:
// container:X` (networkLaunchConfig), with where it is written.
type Ref struct {
	From, To string
	Field    string // "volumes_from", "network_mode" or "net"
	Doc      *catalog.Doc
	Node     *yaml.Node
}

// Pos is where the reference is written.
func (r Ref) Pos() catalog.Pos { return r.Doc.At(r.Node) }

// Sidekicks is the stack's launch-config structure as
// pkg/rancher/sidekick analyses it, with the labels and references it was
// read from.
type Sidekicks struct {
	Listings []*Listing // in file order
	Refs     map[string][]Ref
	Analysis sidekick.Analysis
	order    map[string]int // file order of the services
	// primaries is Analysis.PrimaryOf in file order, and groups the Group
	// of every service: rules ask for them once per service or per pair.
	primaries map[string][]string
	groups    [][]string // indexed as View.Services
}

func analyzeSidekicks(w *View) *Sidekicks {
	sk := &Sidekicks{order: make(map[string]int, len(w.services))}
	input := make([]sidekick.Service, 0, len(w.services))
	for i, s := range w.services {
		sk.order[s.Name] = i
		in := sidekick.Service{Name: s.Name}
		if l, value, present, sure := w.Label(s, SidekickLabel); present {
			li := &Listing{Primary: s, Label: l, Value: value, Names: sidekick.ParseList(value), Sure: sure}
			sk.Listings = append(sk.Listings, li)
			in.Sidekicks = li.Names
		}
		for _, r := range w.refs(s) {
			if sk.Refs == nil {
				sk.Refs = map[string][]Ref{} // most stacks have no reference
			}
			sk.Refs[s.Name] = append(sk.Refs[s.Name], r)
			if r.Field == "volumes_from" {
				in.VolumesFrom = append(in.VolumesFrom, r.To)
			} else {
				in.NetworkContainer = r.To
			}
		}
		input = append(input, in)
	}
	sk.Analysis = sidekick.Analyze(input)
	if len(sk.Analysis.PrimaryOf) > 0 {
		sk.primaries = make(map[string][]string, len(sk.Analysis.PrimaryOf))
	}
	for name, ps := range sk.Analysis.PrimaryOf {
		ps = slices.Clone(ps)
		slices.SortStableFunc(ps, func(a, b string) int { return sk.order[a] - sk.order[b] })
		sk.primaries[name] = ps
	}
	return sk
}

// readGroups fills in the Group of every service, once the analysis is
// part of w.
func (w *View) readGroups() {
	sk := w.sidekicks
	sk.groups = make([][]string, len(w.services))
	all := make([]string, 0, len(w.services)) // one array for the groups of standalone services
	for i, s := range w.services {
		if len(sk.primaries[s.Name]) == 0 && sk.Listing(s.Name) == nil {
			all = append(all, s.Name)
			sk.groups[i] = all[len(all)-1 : len(all) : len(all)]
			continue
		}
		sk.groups[i] = slices.Clip(w.group(s.Name))
	}
}

// refs returns the launch-config references of service s, after
// interpolation; references whose value is not sure are left out.
func (w *View) refs(s *catalog.Service) []Ref {
	var out []Ref
	if e, ok := s.Field("volumes_from"); ok {
		items := []*yaml.Node{e.Value}
		if yamlnode.IsSeq(e.Value) {
			items = e.Value.Content
		}
		for _, item := range items {
			v, sure := w.Scalar(item)
			if !sure || v == "" {
				continue
			}
			out = append(out, Ref{From: s.Name, To: v, Field: "volumes_from", Doc: e.Doc, Node: yamlnode.Resolve(item)})
		}
	}
	for _, key := range []string{"network_mode", "net"} {
		if e, ok := s.Field(key); ok {
			if v, sure := w.Scalar(e.Value); sure {
				if x := sidekick.NetworkContainer(v); x != "" {
					out = append(out, Ref{From: s.Name, To: x, Field: key, Doc: e.Doc, Node: e.Value})
				}
			}
		}
	}
	return out
}

// Sidekicks returns the stack's sidekick analysis.
func (w *View) Sidekicks() *Sidekicks { return w.sidekicks }

// PrimariesOf returns the services that list name as a sidekick, in file
// order.
func (sk *Sidekicks) PrimariesOf(name string) []string {
	return slices.Clone(sk.primaries[name])
}

// IsSidekick reports whether some primary lists name.
func (sk *Sidekicks) IsSidekick(name string) bool { return len(sk.Analysis.PrimaryOf[name]) > 0 }

// Listing returns the sidekick label of primary, or nil.
func (sk *Sidekicks) Listing(primary string) *Listing {
	for _, l := range sk.Listings {
		if l.Primary.Name == primary {
			return l
		}
	}
	return nil
}

// Before reports whether service a comes before b in docker-compose.
func (sk *Sidekicks) Before(a, b string) bool { return sk.order[a] < sk.order[b] }

// Ref returns the reference of service from to name, if written.
func (sk *Sidekicks) Ref(from, to, field string) (Ref, bool) {
	for _, r := range sk.Refs[from] {
		if r.To == to && (field == "" || (r.Field == "volumes_from") == (field == "volumes_from")) {
			return r, true
		}
	}
	return Ref{}, false
}

// HasEmptyEntry reports whether a sidekick list has an empty entry (a stray
// comma, or an empty value). sidekick.ParseList drops such entries, but the
// executor (sidekick_info.go) keeps them and fails with "Failed to find
// sidekick: ", so they are errors in a catalog.
func HasEmptyEntry(value string) bool {
	for part := range strings.SplitSeq(strings.TrimSpace(value), ",") {
		if strings.TrimSpace(part) == "" {
			return true
		}
	}
	return false
}

// Group returns the launch configs deployed together with service name: the
// primary first (the first primary when several list it), then the
// sidekicks the primary lists that exist. The groups of the services are
// read once per version and shared: read them, do not modify them.
func (w *View) Group(name string) []string {
	if i, ok := w.sidekicks.order[name]; ok && w.sidekicks.groups != nil {
		return w.sidekicks.groups[i]
	}
	return w.group(name)
}

func (w *View) group(name string) []string {
	primary := w.PrimaryOf(name)
	group := []string{primary}
	if li := w.sidekicks.Listing(primary); li != nil {
		for _, n := range li.Names {
			if n != primary && !slices.Contains(group, n) && w.Service(n) != nil {
				group = append(group, n)
			}
		}
	}
	return group
}

// PrimaryOf returns the primary whose launch config name runs in: its first
// primary in file order when it is a sidekick, else name itself.
func (w *View) PrimaryOf(name string) string {
	if ps := w.sidekicks.primaries[name]; len(ps) > 0 {
		return ps[0]
	}
	return name
}
