package interpolation

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// BenchmarkCollectCorpus collects the strings of every version of the
// community catalog, loaded once. Of caches its result per version, so the
// benchmark calls what Of computes; the line alignment of rendered files
// is cached by the model and counted only in the first round.
func BenchmarkCollectCorpus(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	corpus := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "corpus", "community-catalog")
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("no community catalog at %s: %v", corpus, err)
	}
	c, err := catalog.Load(corpus, catalog.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var versions []*catalog.Version
	for _, t := range c.Templates {
		for _, v := range t.Versions {
			if v.Project != nil {
				versions = append(versions, v)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range versions {
			collectInterpolated(v, &collector{s: &Strings{Version: v}})
		}
	}
}
