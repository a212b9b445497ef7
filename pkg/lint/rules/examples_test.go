package rules_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/catalogen/catalogen/pkg/lint/rules"
)

// TestExamples: every rule's Bad example, placed in a minimal catalog
// (linttest.WriteExample), makes the rule report, and its Good example
// does not. The examples are what `catalogen rules show` and docs/rules.md
// print, so they cannot drift from what the rule does.
func TestExamples(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			bad := exampleFindings(t, r, r.Bad)
			if len(bad) == 0 {
				t.Errorf("the Bad example of %s does not make it report:\n%s", r.ID, r.Bad)
			}
			if good := exampleFindings(t, r, r.Good); len(good) > 0 {
				t.Errorf("the Good example of %s makes it report %s:\n%s", r.ID, strings.Join(good, "; "), r.Good)
			}
		})
	}
}

// exampleFindings lints the catalog of an example with every rule (the
// runner's own rules need the others) and returns the findings of r.
func exampleFindings(t *testing.T, r *lint.Rule, example string) []string {
	t.Helper()
	head, base, err := linttest.WriteExample(t.TempDir(), example)
	if err != nil {
		t.Fatalf("%s: %v", r.ID, err)
	}
	load := func(dir string) *catalog.Catalog {
		c, err := catalog.Load(dir, catalog.Options{Workers: 1})
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		return c
	}
	settings := lint.Settings{Workers: 1}
	if r.Change != nil {
		settings.Base = load(base)
	}
	res := lint.Run(load(head), rules.All(), settings)
	for _, e := range res.Internal {
		t.Errorf("%s: %v", r.ID, e)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Rule == r {
			out = append(out, f.Pos.Path+": "+f.Message)
		}
	}
	sort.Strings(out)
	return out
}
