package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shared is the folder of public material beside the checkout.
func shared(t testing.TB, rel string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", rel)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("%s is missing: the corpus sits beside the checkout as ../shared (%v)", dir, err)
	}
	return dir
}

// TestCommunityCatalog lints the real community catalog: everything is read
// and nothing crashes. What each rule finds there is pinned in
// testdata/community-catalog.golden (TestCommunityGolden).
func TestCommunityCatalog(t *testing.T) {
	c, err := catalog.Load(shared(t, "corpus/community-catalog"), catalog.Options{})
	require.NoError(t, err)
	res := lint.Run(c, rules.All(), lint.Settings{})
	require.Empty(t, res.Internal)
	assert.Equal(t, 416, res.Versions, "every version folder is read")
	assert.True(t, res.AtLeast(lint.Error), "the corpus has errors: lint exits 1")
}

func BenchmarkLintCorpus(b *testing.B) {
	dir := shared(b, "corpus/community-catalog")
	all := rules.All()
	b.ReportAllocs()
	for b.Loop() {
		c, err := catalog.Load(dir, catalog.Options{})
		if err != nil {
			b.Fatal(err)
		}
		lint.Run(c, all, lint.Settings{})
	}
}

// BenchmarkParseCorpus only reads the files that lint reads (every file of
// the catalog) and yaml.v3-parses the YAML and template ones: the floor that
// BenchmarkLintCorpus is measured against.
func BenchmarkParseCorpus(b *testing.B) {
	dir := shared(b, "corpus/community-catalog")
	var paths []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	b.ReportAllocs()
	for b.Loop() {
		parseAll(b, paths)
	}
}

// TestDeterministic lints the corpus twice with different worker counts:
// the findings must be the same, in the same order.
func TestDeterministic(t *testing.T) {
	dir := shared(t, "corpus/community-catalog")
	run := func(workers int) []string {
		c, err := catalog.Load(dir, catalog.Options{Workers: workers})
		require.NoError(t, err)
		res := lint.Run(c, rules.All(), lint.Settings{Workers: workers})
		var out []string
		for _, f := range res.Findings {
			out = append(out, fmt.Sprintf("%s:%d:%d %s %s %s", f.Pos.Path, f.Pos.Line, f.Pos.Col, f.Rule.ID, f.Severity, f.Message))
		}
		return out
	}
	assert.Equal(t, run(1), run(4))
}
