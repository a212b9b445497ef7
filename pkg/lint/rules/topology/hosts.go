package topology

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
)

// placed returns the services that run containers on hosts (not external or
// DNS services), in file order.
func placed(w *stack.View) []*catalog.Service {
	var out []*catalog.Service
	for _, s := range w.Services() {
		switch w.KindOf(s) {
		case stack.ExternalService, stack.DNSService:
			continue
		}
		out = append(out, s)
	}
	return out
}

// covers reports whether a global placement g runs on every host that
// placement p allows: g requires no host label p does not also require and
// excludes none that p does not also exclude.
func covers(g, p stack.Placement) bool {
	return subset(g.Require(), p.Require()) && subset(g.Exclude(), p.Exclude())
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// incompatible reports whether no host can satisfy both placements.
func incompatible(a, b stack.Placement) bool {
	_, bad := stack.Conflicts(append(a.Require(), b.Require()...), append(a.Exclude(), b.Exclude()...))
	return bad
}

// multiHost reports whether the stack itself says that hosts matching pin
// key are several: a global service runs there too.
func multiHost(w *stack.View, key string) bool {
	if key == "" {
		return true
	}
	for _, s := range placed(w) {
		pl := w.GroupPlacement(s.Name)
		if pl.Global && pl.Sure() && pl.PinKey() == key {
			return true
		}
	}
	return false
}

// describe says where a placement runs, for messages.
func describe(pl stack.Placement) string {
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

// sameGroup reports whether a and b are launch configs of one service.
func sameGroup(w *stack.View, a, b string) bool {
	return slices.Contains(w.Group(a), b) || slices.Contains(w.Group(b), a)
}

// undecided reports whether two placements differ by a pin the user types:
// whether they can share a host depends on the answer.
func undecided(a, b stack.Placement) bool {
	if a.PinKey() == b.PinKey() && strings.Join(a.Exclude(), ",") == strings.Join(b.Exclude(), ",") {
		return false
	}
	for _, kv := range append(append(a.Require(), a.Exclude()...), append(b.Require(), b.Exclude()...)...) {
		if stack.Symbolic(kv) {
			return true
		}
	}
	return false
}
