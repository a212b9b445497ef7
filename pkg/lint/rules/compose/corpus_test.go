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

func countByRule(res *lint.Result) map[string]int {
	n := map[string]int{}
	for _, f := range res.Findings {
		n[f.Rule.ID]++
	}
	return n
}

func TestCommunityCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	res := lint.Run(loadCorpus(t, communityCatalog), Rules(), lint.Settings{})
	for _, e := range res.Internal {
		t.Error(e)
	}
	got := countByRule(res)
	// Every one of these is a bug in the rule (or its schema) on this corpus.
	for _, id := range []string{"D001", "D002", "D003", "D004", "D006", "V001", "V003", "LB001", "LB002", "LB003", "LB004"} {
		if got[id] != 0 {
			for _, f := range res.Findings {
				if f.Rule.ID == id {
					t.Errorf("%s:%d: %s %s", f.Pos.Path, f.Pos.Line, id, f.Message)
				}
			}
		}
	}
	// drupal/0 configures a service docker-compose lacks; minio/0-4 stop
	// rendering before their load balancer (T002).
	if got["D007"] != 6 {
		t.Errorf("D007: got %d findings, want 6", got["D007"])
	}
	if got["D005"] < 100 {
		t.Errorf("D005: got %d findings, want the corpus' many untagged and latest images", got["D005"])
	}
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
