package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

type hit struct {
	rule, pathPrefix string
}

func has(res *lint.Result, h hit) bool {
	for _, f := range res.Findings {
		if f.Rule.ID == h.rule && strings.HasPrefix(f.Pos.Path, h.pathPrefix) {
			return true
		}
	}
	return false
}

// TestCommunityCatalog lints the real community catalog: everything is read,
// nothing crashes, and the known defects are found.
func TestCommunityCatalog(t *testing.T) {
	c, err := catalog.Load(shared(t, "corpus/community-catalog"), catalog.Options{})
	require.NoError(t, err)
	res := lint.Run(c, rules.All(), lint.Settings{})
	require.Empty(t, res.Internal)
	assert.Equal(t, 416, res.Versions, "every version folder is read")
	assert.True(t, res.AtLeast(lint.Error), "the corpus has errors: lint exits 1")

	for _, h := range []hit{
		{"K006", "templates/registry/3"},
		{"K006", "templates/zinst/"},
		{"S002", "templates/es-cluster/"},
		{"T002", "templates/minio/0/"},
		{"T002", "templates/minio/4/"},
		{"T003", "templates/awx/0/"},
		{"T001", ""},
		{"K005", "templates/filebeat/"},
		{"K005", "templates/rabbitmq-3/"},
		{"K005", "templates/turtl/"},
		{"I003", "templates/traefik/"},
		{"B001", ""},
	} {
		assert.True(t, has(res, h), "expected %s under %q", h.rule, h.pathPrefix)
	}
	for i := 0; i <= 4; i++ {
		assert.True(t, has(res, hit{"T002", "templates/minio/" + string(rune('0'+i)) + "/"}), "T002 minio/%d", i)
	}
}

// TestHarborReference lints the published Harbor entries and finds the
// defects the generator fixes.
func TestHarborReference(t *testing.T) {
	c, err := catalog.Load(shared(t, "reference/rancher-catalog-extension"), catalog.Options{})
	require.NoError(t, err)
	res := lint.Run(c, rules.All(), lint.Settings{})
	require.Empty(t, res.Internal)
	for _, h := range []hit{
		{"I002", "templates/project-harbor/4/"}, // ${traefikdomain} never asked
		{"K011", "templates/project-harbor/"},   // uuid harbor-0 twice
		{"D005", "templates/project-harbor/4/"}, // rancher/lb-service-haproxy untagged
		{"Q009", "templates/project-harbor/"},   // admin password typed string
		{"Q011", "templates/project-harbor/"},   // Vmware123! default
	} {
		assert.True(t, has(res, h), "expected %s under %q", h.rule, h.pathPrefix)
	}
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
