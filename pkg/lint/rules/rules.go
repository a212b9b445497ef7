// Package rules is the registry of every catalogen rule.
package rules

import (
	"sort"
	"sync"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules/compose"
	"github.com/catalogen/catalogen/pkg/lint/rules/config"
	"github.com/catalogen/catalogen/pkg/lint/rules/layout"
	"github.com/catalogen/catalogen/pkg/lint/rules/metadata"
	"github.com/catalogen/catalogen/pkg/lint/rules/release"
	"github.com/catalogen/catalogen/pkg/lint/rules/scheduling"
	"github.com/catalogen/catalogen/pkg/lint/rules/templating"
	"github.com/catalogen/catalogen/pkg/lint/rules/topology"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var (
	once sync.Once
	all  []*lint.Rule
)

// All returns every rule, sorted by family order then ID.
func All() []*lint.Rule {
	once.Do(func() {
		families := [][]*lint.Rule{
			layout.Rules(), config.Rules(), metadata.Rules(), templating.Rules(),
			compose.Rules(), scheduling.Rules(), topology.Rules(), release.Rules(),
			{lint.UnusedSuppression, lint.BadSuppression},
		}
		for _, f := range families {
			all = append(all, f...)
		}
		sort.SliceStable(all, func(i, j int) bool { return Less(all[i].ID, all[j].ID) })
	})
	return all
}

// familyOrder follows the specification's table (§9).
var familyOrder = map[string]int{"L": 0, "C": 1, "K": 2, "Q": 3, "T": 4, "I": 5, "D": 6, "S": 7, "B": 8, "V": 9, "LB": 10, "TR": 11, "TP": 12, "R": 13, "CG": 14}

// Less orders rule IDs by family, then number.
func Less(a, b string) bool {
	fa, na := split(a)
	fb, nb := split(b)
	oa, oka := familyOrder[fa]
	ob, okb := familyOrder[fb]
	if !oka {
		oa = 100
	}
	if !okb {
		ob = 100
	}
	if oa != ob {
		return oa < ob
	}
	if fa != fb {
		return fa < fb
	}
	return na < nb
}

func split(id string) (string, string) {
	i := 0
	for i < len(id) && (id[i] < '0' || id[i] > '9') {
		i++
	}
	return id[:i], id[i:]
}

// Closest returns the rule one of whose names (ID, slug, former slug) is a
// near miss of name, by the one spelling policy, or nil.
func Closest(name string) *lint.Rule {
	owner := map[string]*lint.Rule{}
	var names []string
	for _, r := range All() {
		for _, n := range r.Names() {
			owner[n] = r
			names = append(names, n)
		}
	}
	return owner[spelling.Closest(name, names)]
}

// Lookup finds a rule by ID, slug or former slug, in any case.
func Lookup(name string) *lint.Rule {
	for _, r := range All() {
		if r.Named(name) {
			return r
		}
	}
	return nil
}
