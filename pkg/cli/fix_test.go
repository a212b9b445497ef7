package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixable is a catalog with one finding of each fixable rule, among
// comments and formatting that a fix must keep.
func fixable(t *testing.T) (string, map[string]string) {
	files := map[string]string{
		"templates/app/config.yml": "# the app\nname: App\nversion: 1.10   # the default\ncategory: Test\ndescription: An app\n",
		"templates/app/0/rancher-compose.yml": "# notes stay\n.catalog:\n  name: App\n  version: \"1.10\"\n  questions:\n" +
			"    - variable: pass   # the admin password\n      label: Password\n      type: password\n      required: \"true\"\n" +
			"    - variable: pattern\n      label: Pattern\n      type: string\n      default: \"%{{service_name}}\"\n",
		"templates/app/0/docker-compose.yml": "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3\n    environment:\n      PASS: ${pass}\n      PATTERN: ${pattern}\n" +
			"    labels:\n      io.rancher.scheduler.affinity:container_label_ne: io.rancher.stack_service.name=${stack_name}/${service_name}  # spread\n",
	}
	return tree(t, files), files
}

func TestLintFix(t *testing.T) {
	root, files := fixable(t)
	_, before, _ := lintJSON(t, "--no-config", root)
	want := map[string]bool{}
	for _, r := range rules.All() {
		if r.Fixable {
			want[r.ID] = true
		}
	}
	require.NotEmpty(t, want)
	seen := map[string]bool{}
	for _, f := range before {
		if want[f.Rule] {
			seen[f.Rule] = true
		}
	}
	assert.Equal(t, want, seen, "the catalog has a finding of every fixable rule")

	// --fix --diff shows the changes and writes nothing.
	code, out, stderr := run("lint", "--no-config", "--fix", "--diff", root)
	assert.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, out, "-version: 1.10   # the default\n+version: \"1.10\"   # the default\n")
	assert.Contains(t, out, "+# notemplating\n")
	assert.Contains(t, out, "+      required: true\n")
	assert.Contains(t, out, "$${stack_name}/$${service_name}  # spread")
	assert.Contains(t, stderr, "would fix templates/app/config.yml:3: C004 quote the version")
	for p, d := range files {
		got, err := os.ReadFile(filepath.Join(root, p))
		require.NoError(t, err)
		assert.Equal(t, d, string(got), "--diff changes nothing")
	}

	// --fix applies them, keeps comments, and reports what remains.
	code, out, stderr = run("lint", "--no-config", "--fix", "--format", "json", root)
	assert.Contains(t, stderr, "applied ")
	_, after, _ := lintJSON(t, "--no-config", root)
	for _, f := range after {
		assert.False(t, want[f.Rule], "still reported after --fix: %+v", f)
	}
	assert.NotContains(t, out, `"rule": "C004"`, "the report is of the fixed files")
	_ = code
	cfg, _ := os.ReadFile(filepath.Join(root, "templates/app/config.yml"))
	assert.Equal(t, strings.Replace(files["templates/app/config.yml"], "version: 1.10 ", "version: \"1.10\" ", 1), string(cfg))
	rc, _ := os.ReadFile(filepath.Join(root, "templates/app/0/rancher-compose.yml"))
	assert.True(t, strings.HasPrefix(string(rc), "# notemplating\n# notes stay\n"), string(rc))
	assert.Contains(t, string(rc), "    - variable: pass   # the admin password\n")

	// A second --fix has nothing left to do.
	_, _, stderr = run("lint", "--no-config", "--fix", root)
	assert.Contains(t, stderr, "applied 0 fix(es) in 0 file(s)")

	code, _, stderr = run("lint", "--diff", root)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "--fix --diff")
}

func TestRulesListsFixable(t *testing.T) {
	_, out, _ := run("rules")
	for _, r := range rules.All() {
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, r.ID+" ") {
				assert.Equal(t, r.Fixable, strings.Contains(line, " fix "), line)
			}
		}
		if r.Fixable {
			_, show, _ := run("rules", "show", r.ID)
			assert.Contains(t, show, "Fixable:")
		}
	}
}
