package metadata

import (
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// BenchmarkCorpus runs the family alone over the community catalog, loaded
// once: the family's share of BenchmarkLintCorpus without the load.
func BenchmarkCorpus(b *testing.B) {
	c, err := catalog.Load(linttest.SharedDir(b, "corpus/community-catalog"), catalog.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lint.Run(c, Rules(), lint.Settings{Workers: 1})
	}
}
