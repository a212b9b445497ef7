package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/lint/rules"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, d := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(d), 0o644))
	}
	return root
}

// A catalog whose only problem is a suppression without a reason (CG002,
// an error), so exit codes do not depend on other rules.
func badSuppressionCatalog(t *testing.T) string {
	return tree(t, map[string]string{
		"templates/app/config.yml":            "name: App\nversion: \"1.0.0\"\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.0.0\"\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3 # catalogen:ignore D005\n",
	})
}

func TestLintExitCodes(t *testing.T) {
	root := badSuppressionCatalog(t)

	code, out, _ := run("lint", "--format", "json", root)
	assert.Equal(t, ExitFindings, code)
	var doc struct {
		Findings []struct {
			Rule, File string
			Line       int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var found bool
	for _, f := range doc.Findings {
		if f.Rule == "CG002" {
			found = true
			assert.Equal(t, "templates/app/0/docker-compose.yml", f.File)
			assert.Equal(t, 4, f.Line)
		}
	}
	assert.True(t, found, out)

	code, _, _ = run("lint", "--fail-level", "none", root)
	assert.Equal(t, ExitOK, code)

	code, _, stderr := run("lint", "--format", "yaml", root)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "unknown --format")

	code, _, _ = run("lint", "--bogus", root)
	assert.Equal(t, ExitUsage, code)

	code, _, _ = run("lint")
	assert.Equal(t, ExitUsage, code)

	code, _, stderr = run("lint", filepath.Join(root, "templates/app/config.yml"))
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "is a file")

	// A PATH that does not exist is a usage error, named with what to give.
	code, _, stderr = run("lint", filepath.Join(root, "does-not-exist"))
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "does-not-exist does not exist: give a catalog root")
	assert.NotContains(t, stderr, "stat ")
	code, _, _ = run("lint", root, filepath.Join(root, "does-not-exist"))
	assert.Equal(t, ExitUsage, code, "the same whatever its position")

	code, _, stderr = run("lint", "--fail-level", "fatal", root)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "info, warning, error, none")
}

func TestLintConfig(t *testing.T) {
	root := badSuppressionCatalog(t)
	require.NoError(t, os.WriteFile(filepath.Join(root, ".catalogen.yaml"), []byte("rules:\n  CG002: warning\n"), 0o644))
	code, out, _ := run("lint", root)
	assert.Equal(t, ExitOK, code, out)
	assert.Contains(t, out, "warning CG002")

	code, _, _ = run("lint", "--fail-level", "warning", root)
	assert.Equal(t, ExitFindings, code)

	require.NoError(t, os.WriteFile(filepath.Join(root, ".catalogen.yaml"), []byte("rules:\n  NOPE1: off\n"), 0o644))
	code, _, stderr := run("lint", root)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "unknown rule \"NOPE1\"")

	code, _, _ = run("lint", "--no-config", root)
	assert.Equal(t, ExitFindings, code)
}

func TestLintOutputFile(t *testing.T) {
	root := badSuppressionCatalog(t)
	out := filepath.Join(t.TempDir(), "lint.sarif")
	code, stdout, _ := run("lint", "--format", "sarif", "--output", out, root)
	assert.Equal(t, ExitFindings, code)
	assert.Empty(t, stdout)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"version": "2.1.0"`)
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := run("rules")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, "CG002")
	code, out, _ = run("rules", "show", "catalogen.bad-suppression")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, "Bad:")
	code, _, _ = run("rules", "show", "ZZ999")
	assert.Equal(t, ExitUsage, code)

	// Every name of every rule, in any case; a near miss suggests the slug.
	for _, r := range rules.All() {
		for _, name := range r.Names() {
			code, out, _ = run("rules", "show", strings.ToUpper(name))
			assert.Equal(t, ExitOK, code, name)
			assert.True(t, strings.HasPrefix(out, r.ID+" "+r.Slug+" "), "%s: %s", name, out)
		}
		miss := r.Slug[:len(r.Slug)-1]
		if other := rules.Lookup(miss); other != nil {
			continue // the shorter name is a rule of its own
		}
		code, _, stderr := run("rules", "show", miss)
		assert.Equal(t, ExitUsage, code)
		assert.Contains(t, stderr, fmt.Sprintf("did you mean %q?", r.Slug), miss)
	}
}

func TestRulesDocCurrent(t *testing.T) {
	want := RulesMarkdown()
	got, err := os.ReadFile("../../docs/rules.md")
	require.NoError(t, err, "docs/rules.md is missing: run `make docs`")
	assert.Equal(t, want, string(got), "docs/rules.md is stale: run `make docs`")
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := run("version")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, "catalogen ")
	for _, c := range [][]string{{"--help"}, {"lint", "--help"}, {"rules", "--help"}, {"rules", "show", "--help"}, {"version", "--help"}, {"build", "--help"}, {"publish", "--help"}, {"completion", "--help"}} {
		code, out, _ := run(c...)
		assert.Equal(t, ExitOK, code)
		assert.Contains(t, out, "Example", c)
	}
}
