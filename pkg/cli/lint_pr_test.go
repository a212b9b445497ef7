package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lintJSON runs lint --format json and decodes the findings.
func lintJSON(t *testing.T, args ...string) (code int, findings []jsonFinding, stderr string) {
	t.Helper()
	code, out, stderr := run(append([]string{"lint", "--format", "json"}, args...)...)
	var doc struct{ Findings []jsonFinding }
	require.NoError(t, json.Unmarshal([]byte(out), &doc), "stdout %q stderr %q", out, stderr)
	return code, doc.Findings, stderr
}

type jsonFinding struct {
	Rule, File, Root, Severity, Message string
	Line, Column                        int
}

func rulesOf(fs []jsonFinding) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Rule]++
	}
	return out
}

// Issue: lint --base on a template or version folder compared it with the
// whole catalog at the base and reported every other entry as removed.
func TestLintBaseOnSubfolder(t *testing.T) {
	root := baseRepo(t)
	for _, sub := range []string{"catalog/templates/app", "catalog/templates/app/1", "catalog"} {
		code, got := changeFindings(t, "--base", "main", filepath.Join(root, sub))
		assert.Empty(t, got, "%s: an unchanged tree has no release findings", sub)
		assert.Equal(t, ExitOK, code, sub)
	}
	// A change in the folder is still caught, and only there.
	write(t, root, "catalog/templates/app/1/docker-compose.yml", dc+"    restart: always\n")
	code, got := changeFindings(t, "--base", "main", filepath.Join(root, "catalog/templates/app"))
	assert.Equal(t, ExitFindings, code)
	assert.Equal(t, []string{"templates/app/1/docker-compose.yml"}, got["R001"])
	code, got = changeFindings(t, "--base", "main", filepath.Join(root, "catalog/templates/other"))
	assert.Equal(t, ExitOK, code)
	assert.Empty(t, got)
	// A template folder new in the change has nothing to compare with.
	write(t, root, "catalog/templates/fresh/config.yml", "name: Fresh\nversion: \"1.0.0\"\n")
	write(t, root, "catalog/templates/fresh/0/rancher-compose.yml", rc("1.0.0"))
	write(t, root, "catalog/templates/fresh/0/docker-compose.yml", dc)
	code, got = changeFindings(t, "--base", "main", filepath.Join(root, "catalog/templates/fresh"))
	assert.Equal(t, ExitOK, code)
	assert.Empty(t, got)
}

// Issue: a pull request could switch its own gate off through the head's
// .catalogen.yaml (rules: {R001: off}, exclude, fail-level: none) or an
// inline suppression.
func TestLintBasePolicyComesFromBase(t *testing.T) {
	root := baseRepo(t)
	cat := filepath.Join(root, "catalog")
	write(t, root, "catalog/templates/app/1/docker-compose.yml", dc+"    restart: always # catalogen:ignore R001 -- trust me\n")
	for _, cfg := range []string{
		"rules:\n  R001: off\n",
		"rules:\n  release.immutable: info\nfail-level: error\n",
		"exclude: [\"templates/*\"]\n",
		"fail-level: none\n",
	} {
		for _, where := range []string{".catalogen.yaml", "catalog/.catalogen.yaml", "catalog/templates/app/.catalogen.yaml"} {
			write(t, root, where, cfg)
			code, fs, stderr := lintJSON(t, "--base", "main", cat)
			assert.Equal(t, ExitFindings, code, "%s in %s must not switch the gate off: %s", cfg, where, stderr)
			assert.Equal(t, 1, rulesOf(fs)["R001"], "%s in %s", cfg, where)
			require.NoError(t, os.Remove(filepath.Join(root, where)))
		}
	}

	// The base's own configuration is honoured, and named.
	write(t, root, ".catalogen.yaml", "rules:\n  R001: warning\n")
	git(t, root, "add", ".catalogen.yaml")
	git(t, root, "commit", "-qm", "policy")
	write(t, root, ".catalogen.yaml", "rules:\n  R001: error\n")
	code, fs, stderr := lintJSON(t, "--base", "main", cat)
	assert.Equal(t, ExitOK, code, stderr)
	require.Equal(t, 1, rulesOf(fs)["R001"])
	assert.Equal(t, "warning", fs[0].Severity)
	assert.Contains(t, stderr, "configuration main:.catalogen.yaml")
}

// Issue: a .catalogen.yaml in an ancestor of the checkout (exclude:
// ["templates/*"]) silently skipped the whole catalog.
func TestConfigSearchStopsAtRepositoryOrCatalogRoot(t *testing.T) {
	outer := t.TempDir()
	write(t, outer, ".catalogen.yaml", "exclude: [\"templates/*\"]\nrules:\n  CG002: off\n")
	// Outside any repository the search stops at the catalog root.
	cat := filepath.Join(outer, "checkout")
	for p, d := range map[string]string{
		"templates/app/config.yml":            "name: App\nversion: \"1.0.0\"\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.0.0\"\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3 # catalogen:ignore D005\n",
	} {
		write(t, cat, p, d)
	}
	for _, p := range []string{cat, filepath.Join(cat, "templates/app"), filepath.Join(cat, "templates/app/0")} {
		code, fs, stderr := lintJSON(t, p)
		assert.Equal(t, ExitFindings, code, p)
		assert.Equal(t, 1, rulesOf(fs)["CG002"], p)
		assert.NotContains(t, stderr, "configuration", "no configuration applies to %s", p)
	}
	// In a repository it stops at the repository root, which may lie above
	// the catalog root.
	git(t, cat, "init", "-q")
	write(t, cat, ".catalogen.yaml", "rules:\n  CG002: warning\n")
	_, fs, stderr := lintJSON(t, filepath.Join(cat, "templates/app"))
	var cg []jsonFinding
	for _, f := range fs {
		if f.Rule == "CG002" {
			cg = append(cg, f)
		}
	}
	require.Len(t, cg, 1)
	assert.Equal(t, "warning", cg[0].Severity, "the repository's configuration applies")
	assert.Contains(t, stderr, "configuration "+filepath.Join(cat, ".catalogen.yaml"))
}

// Issue: excluding a template file made it look missing (L007, Q010)
// instead of only silencing its findings.
func TestExcludeSilencesButDoesNotHide(t *testing.T) {
	root := tree(t, map[string]string{
		"templates/app/config.yml":            "name: App\nversion: \"1.0.0\"\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.0.0\"\n  questions:\n    - variable: port\n      label: Port\n      type: int\n      default: 80\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx\n    ports: [\"${port}:80\"]\n",
	})
	_, all, _ := lintJSON(t, "--no-config", root)
	excluded := "templates/app/0/docker-compose.yml"
	var want []jsonFinding
	inExcluded := 0
	for _, f := range all {
		if f.File == excluded {
			inExcluded++
			continue
		}
		want = append(want, f)
	}
	require.NotZero(t, inExcluded, "the excluded file has findings of its own")
	write(t, root, ".catalogen.yaml", "exclude: [\""+excluded+"\"]\n")
	_, got, _ := lintJSON(t, root)
	assert.Equal(t, want, got, "excluding a file removes its findings and adds none")
}

// Issue: overlapping PATHs were linted twice and every finding printed twice.
func TestOverlappingPathsLintedOnce(t *testing.T) {
	root := badSuppressionCatalog(t)
	_, once, _ := lintJSON(t, "--no-config", root)
	require.NotEmpty(t, once)
	for _, args := range [][]string{
		{root, root},
		{root, filepath.Join(root, "templates/app")},
		{filepath.Join(root, "templates/app/0"), root, filepath.Join(root, "templates/app")},
		{filepath.Join(root, "templates", "app", "..", "app")},
	} {
		_, got, _ := lintJSON(t, append([]string{"--no-config"}, args...)...)
		assert.Len(t, got, len(once), "%v", args)
	}
	code, out, _ := run("lint", "--no-config", root, root)
	assert.Equal(t, ExitFindings, code)
	assert.Contains(t, out, "in 3 files", "files are counted once")
}

// The pre-commit hook passes the changed files: lint --files lints only
// their template folders, and with --base HEAD catches an edit of a
// released folder.
func TestLintFilesForPreCommit(t *testing.T) {
	root := baseRepo(t)
	t.Chdir(root)
	write(t, root, "catalog/templates/app/1/docker-compose.yml", dc+"    restart: always\n")
	write(t, root, "catalog/templates/other/1/docker-compose.yml", dc+"    # catalogen:ignore D005\n")
	code, fs, _ := lintJSON(t, "--no-config", "--base", "HEAD", "--files", "catalog/templates/app/1/docker-compose.yml", "catalog/templates/app/config.yml", "README.md")
	assert.Equal(t, ExitFindings, code)
	for _, f := range fs {
		assert.True(t, strings.HasPrefix(f.File+"/", "templates/app/"), "only the template folder of the changed files is linted: %s", f.File)
	}
	assert.Equal(t, 1, rulesOf(fs)["R001"], "the edit of a released folder is caught")

	code, _, stderr := run("lint", "--base", "HEAD", "--files", "README.md")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, stderr, "nothing to lint")

	// A repository without commits has nothing released: no base.
	fresh := t.TempDir()
	git(t, fresh, "init", "-q")
	write(t, fresh, "templates/app/config.yml", "name: App\nversion: \"1.0.0\"\n")
	write(t, fresh, "templates/app/0/rancher-compose.yml", rc("1.0.0"))
	write(t, fresh, "templates/app/0/docker-compose.yml", dc)
	t.Chdir(fresh)
	code, _, stderr = lintJSON(t, "--no-config", "--base", "HEAD", "--files", "templates/app/0/docker-compose.yml")
	assert.Equal(t, ExitOK, code, stderr)
}
