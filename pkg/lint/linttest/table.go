package linttest

import (
	"path"
	"sort"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// LintShared lints the catalog ../shared/<rel> with rules; a rule that
// crashes fails the test.
func LintShared(t *testing.T, rel string, rules []*lint.Rule) *lint.Result {
	t.Helper()
	c, err := catalog.Load(SharedDir(t, rel), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(c, rules, lint.Settings{})
	for _, e := range res.Internal {
		t.Error(e)
	}
	return res
}

// LintFiles lints an in-memory catalog (slash paths relative to its root)
// with one worker, as fuzz targets do; a rule that crashes fails the test.
func LintFiles(tb testing.TB, files map[string][]byte, rules []*lint.Rule) *lint.Result {
	tb.Helper()
	c, err := catalog.LoadFiles(files, catalog.Options{Workers: 1})
	if err != nil {
		tb.Fatal(err)
	}
	res := lint.Run(c, rules, lint.Settings{Workers: 1})
	for _, e := range res.Internal {
		tb.Fatal(e)
	}
	return res
}

// ByRule groups findings by rule ID: the distinct, sorted keys that key
// gives each finding (for example the folder it is in).
func ByRule(res *lint.Result, key func(lint.Finding) string) map[string][]string {
	out := map[string][]string{}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		k := key(f)
		if !seen[f.Rule.ID+"\x00"+k] {
			seen[f.Rule.ID+"\x00"+k] = true
			out[f.Rule.ID] = append(out[f.Rule.ID], k)
		}
	}
	for _, v := range out {
		sort.Strings(v)
	}
	return out
}

// Folder is the folder a finding is in.
func Folder(f lint.Finding) string { return path.Dir(f.Pos.Path) }
