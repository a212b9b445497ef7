package plan

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
)

// TypicalInventory is the environment a version is written for, read from
// the version itself with the questions' defaults: hosts carrying every
// host label its hard host_label rules ask for, and the infrastructure
// stacks it uses (Traefik when a service is published through it, each
// shared volume driver). A version is meant for several hosts when it runs
// a global service or keeps volumes on a shared driver: then the inventory
// has three hosts, else one.
func TypicalInventory(v *catalog.Version) (*Inventory, error) {
	d, err := deployFor(v, nil, strings.ToLower(v.Template.Name))
	if err != nil {
		return nil, err
	}
	w := d.view
	hostLabels := map[string]string{}
	multi := false
	stacks := []string{}
	addStack := func(name string) {
		for _, s := range stacks {
			if s == name {
				return
			}
		}
		stacks = append(stacks, name)
	}
	for _, svc := range w.Placed() {
		if _, val, present, _ := w.Label(svc, "io.rancher.scheduler.global"); present && labels.IsTrue(val) {
			multi = true
		}
		if _, val, present, _ := w.Label(svc, "traefik.enable"); present && (val == "true" || val == "stack") {
			addStack("traefik")
		}
		for _, l := range svc.Labels() {
			a, _, ok := labels.ParseAffinityKey(l.Key)
			if !ok || a.Kind != labels.HostLabel || a.Soft || a.Negated {
				continue
			}
			val, _ := w.LabelValue(l)
			pairs, _ := labels.ParseAffinityValue(labels.HostLabel, val)
			for _, p := range pairs {
				if p.Key != "" {
					hostLabels[p.Key] = p.Value
				}
			}
		}
	}
	for _, vol := range w.Volumes() {
		if vol.Shared && vol.Driver != "" && vol.Driver != "local" && len(vol.Users) > 0 {
			multi = true
			addStack(vol.Driver)
		}
	}
	sort.Strings(stacks)
	n := 1
	if multi {
		n = 3
	}
	inv := &Inventory{Stacks: stacks}
	for i := 1; i <= n; i++ {
		h := Host{Name: fmt.Sprintf("host%d", i), Labels: map[string]string{}}
		for k, val := range hostLabels {
			h.Labels[k] = val
		}
		inv.Hosts = append(inv.Hosts, h)
	}
	return inv, nil
}

// DiagramOf draws a loaded version's topology on its typical inventory
// (see TypicalInventory), with the questions' defaults, as SVG: what build
// puts in each new version folder. Problems about the answers themselves (a
// required question without a default) are left out: a reader deploying the
// version gives those. The same version gives the same bytes.
func DiagramOf(v *catalog.Version) ([]byte, error) {
	inv, err := TypicalInventory(v)
	if err != nil {
		return nil, err
	}
	p, err := New(v, inv, Options{})
	if err != nil {
		return nil, err
	}
	kept := p.Problems[:0]
	for _, pr := range p.Problems {
		if pr.Kind != KindAnswer {
			kept = append(kept, pr)
		}
	}
	p.Problems = kept
	var buf bytes.Buffer
	if err := WriteSVG(&buf, p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
