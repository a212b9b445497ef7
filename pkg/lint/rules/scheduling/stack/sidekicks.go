package stack

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// SidekickLabel names a primary's sidekicks.
const SidekickLabel = "io.rancher.sidekicks"

// Listing is one `io.rancher.sidekicks` label: the primary, the label and
// the names it lists, split as the executor splits them.
type Listing struct {
	Primary *catalog.Service
	Label   catalog.Label
	Names   []string
	Sure    bool // false when the value depends on an answer the user types
}

// Sidekicks is the executor's view of the sidekick labels
// (rancher-compose-executor sidekick_info.go): a service listed by any
// primary is a sidekick and is deployed only as a launch config of its
// primary; everything else is a service of its own.
//
// pkg/rancher has no sidekick package yet; this is the minimum the rules
// need, written from the executor's behaviour.
type Sidekicks struct {
	Listings  []*Listing          // in service order
	primaries map[string][]string // sidekick -> primaries, in service order
}

// ParseSidekickList splits a label value as the executor does: the trimmed
// value is split on commas and each part trimmed. Empty parts are kept: the
// executor looks them up too and fails with "Failed to find sidekick: ".
func ParseSidekickList(value string) []string {
	parts := strings.Split(strings.TrimSpace(value), ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

func analyzeSidekicks(w *View) *Sidekicks {
	sk := &Sidekicks{primaries: map[string][]string{}}
	for _, s := range w.Services() {
		l, value, present, sure := w.Label(s, SidekickLabel)
		if !present {
			continue
		}
		if !l.HasValue {
			value = ""
		}
		li := &Listing{Primary: s, Label: l, Names: ParseSidekickList(value), Sure: sure}
		sk.Listings = append(sk.Listings, li)
		seen := map[string]bool{}
		for _, n := range li.Names {
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			sk.primaries[n] = append(sk.primaries[n], s.Name)
		}
	}
	return sk
}

// Sidekicks returns the stack's sidekick analysis.
func (w *View) Sidekicks() *Sidekicks { return w.sidekicks }

// PrimariesOf returns the services that list name as a sidekick.
func (sk *Sidekicks) PrimariesOf(name string) []string { return sk.primaries[name] }

// IsSidekick reports whether some primary lists name.
func (sk *Sidekicks) IsSidekick(name string) bool { return len(sk.primaries[name]) > 0 }

// Listing returns the sidekick label of primary, or nil.
func (sk *Sidekicks) Listing(primary string) *Listing {
	for _, l := range sk.Listings {
		if l.Primary.Name == primary {
			return l
		}
	}
	return nil
}

// Group returns the launch configs deployed together with service name: the
// primary first, then its sidekicks that exist, in listing order. A sidekick
// belongs to the group of its first primary. A service that is neither is a
// group of one.
func (w *View) Group(name string) []string {
	primary := name
	if ps := w.sidekicks.primaries[name]; len(ps) > 0 {
		primary = ps[0]
	}
	group := []string{primary}
	if li := w.sidekicks.Listing(primary); li != nil && !w.sidekicks.IsSidekick(primary) {
		seen := map[string]bool{primary: true}
		for _, n := range li.Names {
			if n != "" && !seen[n] && w.Service(n) != nil {
				seen[n] = true
				group = append(group, n)
			}
		}
	}
	return group
}

// PrimaryOf returns the primary whose launch config name runs in: its first
// primary when it is a sidekick, else name itself.
func (w *View) PrimaryOf(name string) string {
	if ps := w.sidekicks.primaries[name]; len(ps) > 0 {
		return ps[0]
	}
	return name
}
