package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

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

// BenchmarkLintCorpus loads and lints the community catalog as `catalogen
// lint` does (streaming, one template folder at a time).
func BenchmarkLintCorpus(b *testing.B) {
	dir := shared(b, "corpus/community-catalog")
	all := rules.All()
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		c, err := catalog.Load(dir, catalog.Options{Streaming: true})
		if err != nil {
			b.Fatal(err)
		}
		lint.Run(c, all, lint.Settings{})
	}
}

// reportCPU reports the process's CPU time per iteration (cpu-ns/op) from
// the call to the call of the function it returns: on a busy machine the
// time per iteration also counts the waits for a core, the CPU time does
// not.
func reportCPU(b *testing.B) func() {
	start, ok := processCPU()
	return func() {
		if end, ok2 := processCPU(); ok && ok2 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// BenchmarkParseCorpus only reads the files that lint reads (every file of
// the catalog) and yaml.v3-parses the YAML and template ones: the floor that
// BenchmarkLintCorpus is measured against.
func BenchmarkParseCorpus(b *testing.B) {
	paths := regularFiles(b, shared(b, "corpus/community-catalog"))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		parseAll(b, paths)
	}
}

// BenchmarkLintOverParse alternates, in each iteration, a bare parse
// (BenchmarkParseCorpus's work) and a lint (BenchmarkLintCorpus's work) of
// the community catalog, each from a just-collected heap, and reports the
// CPU time of each (parse-cpu-ns/op, lint-cpu-ns/op) and their ratio
// (lint/parse). Both halves see the same machine at the same moments, so
// the ratio holds still on a busy machine where two separate benchmarks'
// numbers drift apart. Run it with -cpu 1, as `make bench-lint` does.
func BenchmarkLintOverParse(b *testing.B) {
	dir := shared(b, "corpus/community-catalog")
	paths := regularFiles(b, dir)
	all := rules.All()
	var parseCPU, lintCPU time.Duration
	phase := func(acc *time.Duration, fn func()) {
		runtime.GC()
		start, ok := processCPU()
		fn()
		if end, ok2 := processCPU(); ok && ok2 {
			*acc += end - start
		}
	}
	for b.Loop() {
		phase(&parseCPU, func() { parseAll(b, paths) })
		phase(&lintCPU, func() {
			c, err := catalog.Load(dir, catalog.Options{Streaming: true})
			if err != nil {
				b.Fatal(err)
			}
			lint.Run(c, all, lint.Settings{})
		})
	}
	if parseCPU > 0 {
		b.ReportMetric(float64(parseCPU)/float64(b.N), "parse-cpu-ns/op")
		b.ReportMetric(float64(lintCPU)/float64(b.N), "lint-cpu-ns/op")
		b.ReportMetric(float64(lintCPU)/float64(parseCPU), "lint/parse")
	}
}

// regularFiles lists the regular files under dir.
func regularFiles(tb testing.TB, dir string) []string {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return paths
}

// TestDeterministic lints the corpus twice with different worker counts:
// the findings must be the same, in the same order.
func TestDeterministic(t *testing.T) {
	dir := shared(t, "corpus/community-catalog")
	run := func(workers int) []string {
		c, err := catalog.Load(dir, catalog.Options{Workers: workers, Streaming: workers > 1})
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

// findingLines prints everything a report shows of the findings, the source
// line and the fixes included.
func findingLines(res *lint.Result) []string {
	var out []string
	for _, list := range [][]lint.Finding{res.Findings, res.SuppressedFindings} {
		for _, f := range list {
			line := fmt.Sprintf("%s:%d:%d %s %s %s | %q %q", f.Pos.Path, f.Pos.Line, f.Pos.Col, f.Rule.ID, f.Severity, f.Message, f.Line(), f.Justification)
			if f.Fix != nil {
				for _, e := range f.Fix.Edits {
					line += fmt.Sprintf(" fix %s[%d:%d]=%q", e.File.Path, e.Start, e.End, e.New)
				}
			}
			out = append(out, line)
		}
	}
	return out
}

// A streaming load (what `catalogen lint` does) finds exactly what a whole
// load finds, which the golden files pin.
func TestStreamingFindsTheSame(t *testing.T) {
	for _, rel := range []string{"corpus/community-catalog", "reference/rancher-catalog-extension"} {
		dir := shared(t, rel)
		lintWith := func(opts catalog.Options) *lint.Result {
			c, err := catalog.Load(dir, opts)
			require.NoError(t, err)
			res := lint.Run(c, rules.All(), lint.Settings{})
			require.Empty(t, res.Internal)
			return res
		}
		whole := lintWith(catalog.Options{})
		streamed := lintWith(catalog.Options{Streaming: true})
		require.NotEmpty(t, whole.Findings, rel)
		assert.Equal(t, findingLines(whole), findingLines(streamed), rel)
		assert.Equal(t, whole.Versions, streamed.Versions, rel)
		assert.Equal(t, whole.FilesRead, streamed.FilesRead, rel)
	}
}

// corpusCopies builds a catalog of n copies of the community catalog under
// a temporary folder: copy i of template folder <top>/<name> is
// <top>/<name>-<i>. Files are copied, never linked (the loader skips
// symlinks).
func corpusCopies(tb testing.TB, n int) string {
	tb.Helper()
	src := shared(tb, "corpus/community-catalog")
	dst := tb.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() || len(parts) < 2 || !catalog.IsTemplateTop(parts[0]) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			cp := slices.Clone(parts)
			cp[1] = fmt.Sprintf("%s-%d", parts[1], i)
			out := filepath.Join(dst, filepath.FromSlash(strings.Join(cp, "/")))
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(out, data, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return dst
}

// heapPeak runs fn while sampling the heap every millisecond and returns
// the most it held (live and not yet collected objects, runtime/metrics
// /memory/classes/heap/objects:bytes), after a collection at the start.
func heapPeak(fn func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	peak := read()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return max(peak, read())
}

// lintPeak lints the catalog at dir as `catalogen lint` does and returns
// the peak heap and what stays in use once lint is done while the catalog
// and the result are still held (the part that grows with the catalog).
func lintPeak(tb testing.TB, dir string) (peak, retained uint64, res *lint.Result) {
	var c *catalog.Catalog
	peak = heapPeak(func() {
		var err error
		c, err = catalog.Load(dir, catalog.Options{Streaming: true})
		if err != nil {
			tb.Fatal(err)
		}
		res = lint.Run(c, rules.All(), lint.Settings{})
	})
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	retained = ms.HeapAlloc
	runtime.KeepAlive(c)
	return peak, retained, res
}

// BenchmarkLintCopies lints catalogs of 1 and 20 copies of the community
// catalog and reports the peak heap (peak-MiB) and the heap still in use
// after the run with the catalog and its findings held (retained-MiB):
// both grow with the largest template folder, not with the catalog. Run it
// with -benchtime 1x.
func BenchmarkLintCopies(b *testing.B) {
	for _, n := range []int{1, 20} {
		b.Run(fmt.Sprintf("copies=%d", n), func(b *testing.B) {
			dir := corpusCopies(b, n)
			var peak, retained uint64
			for b.Loop() {
				p, r, _ := lintPeak(b, dir)
				peak, retained = max(peak, p), max(retained, r)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
			b.ReportMetric(float64(retained)/(1<<20), "retained-MiB")
		})
	}
}

// Linting four copies of the corpus needs little more memory than linting
// one: what lint keeps of a template folder once it is done with it is a
// small part of what a whole load holds, and the peak heap grows by less
// than a whole load per copy (a whole load grows it by more: it holds the
// parses and renders of every copy at once).
func TestLintMemoryGrowsWithTheTemplateNotTheCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("lints four copies of the corpus")
	}
	peak1, kept1, res1 := lintPeak(t, corpusCopies(t, 1))
	peak4, kept4, res4 := lintPeak(t, corpusCopies(t, 4))
	require.Equal(t, 4*res1.Versions, res4.Versions, "every copy is linted")
	t.Logf("1 copy: peak %d MiB, retained %d MiB; 4 copies: peak %d MiB, retained %d MiB", peak1>>20, kept1>>20, peak4>>20, kept4>>20)
	// A whole load keeps everything: the corpus' parses and renders take
	// several times what streaming keeps of it.
	whole := func() uint64 {
		c, err := catalog.Load(shared(t, "corpus/community-catalog"), catalog.Options{})
		require.NoError(t, err)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		runtime.KeepAlive(c)
		return ms.HeapAlloc
	}()
	perCopy := (kept4 - min(kept1, kept4)) / 3
	assert.Less(t, 2*perCopy, whole, "each copy keeps %d KiB once its templates were linted; the whole corpus loaded holds %d KiB", perCopy>>10, whole>>10)
	growth := (peak4 - min(peak1, peak4)) / 3
	assert.Less(t, growth, whole, "the peak grows by %d KiB per copy, more than the whole corpus loaded (%d KiB)", growth>>10, whole>>10)
}
