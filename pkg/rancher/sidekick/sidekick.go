// Package sidekick works out Rancher 1.6's launch-config groups: which
// services are sidekicks of which primary (`io.rancher.sidekicks`), and
// whether `volumes_from` and `network_mode: container:X` stay inside a
// group, as Cattle requires.
package sidekick

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Service is what the analysis needs from one compose service, after
// templating and interpolation.
type Service struct {
	Name string
	// Sidekicks is the parsed io.rancher.sidekicks label (see ParseList).
	Sidekicks []string
	// VolumesFrom holds the volumes_from entries as written; Rancher passes
	// them to Cattle verbatim as launch-config names.
	VolumesFrom []string
	// NetworkContainer is X from `network_mode: container:X`, "" otherwise
	// (see NetworkContainer).
	NetworkContainer string
}

// Problem kinds.
const (
	KindUndefined         = "undefined-sidekick"
	KindMultiplePrimaries = "multiple-primaries"
	KindSelf              = "self"
	KindMutual            = "mutual"
	KindVolumesFrom       = "volumes-from-outside-group"
	KindNetwork           = "network-outside-group"
	KindCycle             = "cycle"
)

// Problem is one violation. Service is where it is best reported and Other
// is the service it refers to:
//   - undefined-sidekick: the primary and the missing sidekick name;
//   - multiple-primaries: the sidekick and its primaries joined by ", ";
//   - self: the service twice;
//   - mutual: the two services, in order;
//   - volumes-from-outside-group, network-outside-group: the service and
//     the referenced name;
//   - cycle: the first service of the cycle in name order and the service
//     it references.
type Problem struct {
	Kind           string
	Service, Other string
	Msg            string
}

// Analysis is the result of Analyze. Every map and slice is sorted or keyed
// by name, so equal inputs give equal analyses.
type Analysis struct {
	// PrimaryOf maps each defined sidekick to the primaries listing it.
	PrimaryOf map[string][]string
	Problems  []Problem
}

// GroupOf returns the primary of a service's launch-config group: the
// service itself when it is a primary or standalone, else the first primary
// listing it, in name order.
func (a Analysis) GroupOf(name string) string {
	if ps := a.PrimaryOf[name]; len(ps) > 0 {
		return ps[0]
	}
	return name
}

// ParseList splits an io.rancher.sidekicks value: comma-separated names,
// spaces trimmed, empty entries dropped.
func ParseList(csv string) []string {
	var out []string
	for _, s := range strings.Split(csv, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// NetworkContainer returns X for a network_mode of `container:X`, "" for
// any other mode.
func NetworkContainer(networkMode string) string {
	if x, ok := strings.CutPrefix(networkMode, "container:"); ok {
		return x
	}
	return ""
}

// Analyze checks the sidekick structure of one stack's services.
func Analyze(services []Service) Analysis {
	byName := make(map[string]*Service, len(services))
	names := make([]string, 0, len(services))
	for i := range services {
		s := &services[i]
		if _, dup := byName[s.Name]; !dup {
			names = append(names, s.Name)
		}
		byName[s.Name] = s
	}
	sort.Strings(names)

	a := Analysis{PrimaryOf: map[string][]string{}}
	report := func(kind, service, other, format string, args ...any) {
		a.Problems = append(a.Problems, Problem{kind, service, other, fmt.Sprintf(format, args...)})
	}

	// listed[p] holds the sidekicks p lists; p's launch-config group is p
	// and those (isMember). Most services list none and get no set.
	var listed map[string]map[string]bool
	isMember := func(p, s string) bool { return p == s || listed[p][s] }
	for _, p := range names {
		for _, s := range byName[p].Sidekicks {
			switch {
			case s == p:
				report(KindSelf, p, p, "%s lists itself in io.rancher.sidekicks; remove it from the list", p)
			case byName[s] == nil:
				report(KindUndefined, p, s, "io.rancher.sidekicks of %s lists %s, which is not a service of this stack (Rancher: \"Failed to find sidekick: %s\")", p, s, s)
			case !listed[p][s]:
				if listed == nil {
					listed = map[string]map[string]bool{}
				}
				if listed[p] == nil {
					listed[p] = map[string]bool{}
				}
				listed[p][s] = true
				a.PrimaryOf[s] = append(a.PrimaryOf[s], p)
			}
		}
	}
	for _, s := range sortedKeys(a.PrimaryOf) {
		ps := a.PrimaryOf[s]
		if len(ps) > 1 {
			report(KindMultiplePrimaries, s, strings.Join(ps, ", "),
				"%s is listed as a sidekick by %s; a sidekick can have only one primary (Rancher ≥ 1.6.15 rejects this)", s, strings.Join(ps, " and "))
		}
		for _, p := range ps {
			if p < s && isMember(s, p) {
				report(KindMutual, p, s, "%s and %s list each other as sidekicks; keep the label on the primary only", p, s)
			}
		}
	}

	// A service's launch config lives in the group of each primary listing
	// it, or in its own group when nobody lists it; every reference must
	// resolve inside each of those groups.
	var edges map[string][]string // nil while no reference stays inside
	for _, s := range names {
		svc := byName[s]
		if len(svc.VolumesFrom) == 0 && svc.NetworkContainer == "" {
			continue
		}
		owners := a.PrimaryOf[s]
		if len(owners) == 0 {
			owners = []string{s}
		}
		refs := slices.Clone(svc.VolumesFrom)
		if svc.NetworkContainer != "" {
			refs = append(refs, svc.NetworkContainer)
		}
		for i, x := range refs {
			kind, field := KindVolumesFrom, "volumes_from"
			if i >= len(svc.VolumesFrom) {
				kind, field = KindNetwork, "network_mode: container:"+x
			}
			inside := true
			for _, o := range owners {
				if !isMember(o, x) {
					inside = false
					report(kind, s, x, "%s", outsideMsg(s, x, o, field, byName[x] != nil))
					break
				}
			}
			if inside && !slices.Contains(edges[s], x) {
				if edges == nil {
					edges = map[string][]string{}
				}
				edges[s] = append(edges[s], x)
			}
		}
	}
	for _, cycle := range cycles(names, edges) {
		report(KindCycle, cycle[0], cycle[1],
			"volumes_from and network_mode references form a cycle %s; Cattle rejects it (CircularReference)", strings.Join(cycle, " -> "))
	}

	sort.SliceStable(a.Problems, func(i, j int) bool {
		p, q := a.Problems[i], a.Problems[j]
		if p.Service != q.Service {
			return p.Service < q.Service
		}
		if p.Kind != q.Kind {
			return p.Kind < q.Kind
		}
		return p.Other < q.Other
	})
	return a
}

func outsideMsg(s, x, owner, field string, defined bool) string {
	const cattle = "Cattle rejects it (InvalidReference)"
	switch {
	case !defined:
		return fmt.Sprintf("%s of %s references %s, which is not a service of this stack; %s", field, s, x, cattle)
	case owner == s:
		return fmt.Sprintf("%s of %s references %s, which is not a sidekick of %s; %s. Add %s to io.rancher.sidekicks of %s", field, s, x, s, cattle, x, s)
	default:
		return fmt.Sprintf("%s of %s references %s, which is neither its primary %s nor a sidekick of %s; %s. Add %s to io.rancher.sidekicks of %s", field, s, x, owner, owner, cattle, x, owner)
	}
}

// cycles returns one cycle per strongly connected component that has one,
// each starting at the component's first name and closed (a -> b -> a).
func cycles(names []string, edges map[string][]string) [][]string {
	if len(edges) == 0 {
		return nil // most stacks: no reference, no cycle, no search
	}
	for _, e := range edges {
		sort.Strings(e)
	}
	index := map[string]int{}
	low := map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var out [][]string
	var visit func(v string)
	visit = func(v string) {
		index[v] = len(index)
		low[v] = index[v]
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range edges[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var comp []string
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			comp = append(comp, w)
			if w == v {
				break
			}
		}
		if len(comp) > 1 || slices.Contains(edges[v], v) {
			out = append(out, cycleIn(comp, edges))
		}
	}
	for _, n := range names {
		if _, seen := index[n]; !seen {
			visit(n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// cycleIn finds the cycle through the first name of a strongly connected
// component by a breadth-first search back to it, so the path is shortest.
func cycleIn(comp []string, edges map[string][]string) []string {
	sort.Strings(comp)
	in := map[string]bool{}
	for _, c := range comp {
		in[c] = true
	}
	start := comp[0]
	prev := map[string]string{}
	queue := []string{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range edges[v] {
			if !in[w] {
				continue
			}
			if w == start {
				path := []string{start}
				for u := v; u != start; u = prev[u] {
					path = append(path, u)
				}
				slices.Reverse(path[1:])
				return append(path, start)
			}
			if _, seen := prev[w]; !seen {
				prev[w] = v
				queue = append(queue, w)
			}
		}
	}
	return []string{start, start}
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
