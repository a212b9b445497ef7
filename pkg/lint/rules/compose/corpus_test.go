package compose

import (
	"os"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// The real-world catalogs beside the module, when present: a false positive
// on a working catalog is a bug.
const (
	communityCatalog = "../../../../../shared/corpus/community-catalog"
	harborCatalog    = "../../../../../shared/reference/rancher-catalog-extension"
)

func loadCorpus(tb testing.TB, dir string) *catalog.Catalog {
	tb.Helper()
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("%s is missing: the shared corpus sits beside the checkout as ../shared (%v)", dir, err)
	}
	cat, err := catalog.Load(dir, catalog.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

func TestHarborReference(t *testing.T) {
	res := lint.Run(loadCorpus(t, harborCatalog), Rules(), lint.Settings{})
	for _, e := range res.Internal {
		t.Error(e)
	}
	found := false
	for _, f := range res.Findings {
		switch {
		case f.Rule.ID == "D005" && f.Pos.Path == "templates/project-harbor/4/docker-compose.yml" && f.Pos.Line == 293:
			found = true
		case f.Severity >= lint.Warning:
			t.Errorf("unexpected %s at %s:%d: %s", f.Rule.ID, f.Pos.Path, f.Pos.Line, f.Message)
		}
	}
	if !found {
		t.Error("no D005 for the untagged rancher/lb-service-haproxy of project-harbor/4")
	}
}

// BenchmarkSchema measures D002 alone over the community catalog (about 400
// versions and 2000 services): it must stay a small part of a lint run.
func BenchmarkSchema(b *testing.B) {
	cat := loadCorpus(b, communityCatalog)
	rules := []*lint.Rule{ruleD002}
	lint.Run(cat, rules, lint.Settings{}) // compile the schemas
	b.ResetTimer()
	for range b.N {
		lint.Run(cat, rules, lint.Settings{Workers: 1})
	}
}

// BenchmarkRules measures the whole family over the community catalog.
func BenchmarkRules(b *testing.B) {
	cat := loadCorpus(b, communityCatalog)
	lint.Run(cat, Rules(), lint.Settings{})
	b.ResetTimer()
	for range b.N {
		lint.Run(cat, Rules(), lint.Settings{Workers: 1})
	}
}
