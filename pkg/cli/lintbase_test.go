package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v: %s", args, out)
}

func write(t *testing.T, root, p, data string) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(p))
	require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
	require.NoError(t, os.WriteFile(full, []byte(data), 0o644))
}

func rc(version string) string {
	return ".catalog:\n  name: App\n  version: \"" + version + "\"\n"
}

const dc = "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3\n"

func baseRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is required for the pull-request mode tests: apt-get install git")
	}
	root := t.TempDir()
	git(t, root, "init", "-q", "-b", "main")
	for _, app := range []string{"app", "other"} {
		write(t, root, "catalog/templates/"+app+"/config.yml", "name: App\nversion: \"1.1.0\"\n")
		write(t, root, "catalog/templates/"+app+"/0/rancher-compose.yml", rc("1.0.0"))
		write(t, root, "catalog/templates/"+app+"/0/docker-compose.yml", dc)
		write(t, root, "catalog/templates/"+app+"/1/rancher-compose.yml", rc("1.1.0"))
		write(t, root, "catalog/templates/"+app+"/1/docker-compose.yml", dc)
	}
	git(t, root, "add", "-A")
	git(t, root, "commit", "-qm", "base")
	return root
}

func changeFindings(t *testing.T, args ...string) (int, map[string][]string) {
	t.Helper()
	code, out, stderr := run(append([]string{"lint", "--format", "json", "--no-config"}, args...)...)
	var doc struct {
		Findings []struct {
			Rule, File string
			Line       int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), stderr)
	got := map[string][]string{}
	for _, f := range doc.Findings {
		if f.Rule[0] == 'R' {
			got[f.Rule] = append(got[f.Rule], f.File)
		}
	}
	for _, v := range got {
		sort.Strings(v)
	}
	return code, got
}

func TestLintBase(t *testing.T) {
	root := baseRepo(t)
	cat := filepath.Join(root, "catalog")

	code, got := changeFindings(t, "--base", "main", cat)
	assert.Empty(t, got, "no change, no findings")
	assert.Equal(t, ExitOK, code)

	// Edit a released folder, add a version that sorts too low, renumber
	// nothing else; the other entry is untouched.
	write(t, root, "catalog/templates/app/1/docker-compose.yml", dc+"    restart: always\n")
	write(t, root, "catalog/templates/app/2/rancher-compose.yml", rc("1.0.5"))
	write(t, root, "catalog/templates/app/2/docker-compose.yml", dc)
	require.NoError(t, os.RemoveAll(filepath.Join(root, "catalog/templates/app/0/docker-compose.yml")))
	code, got = changeFindings(t, "--base", "main", cat)
	assert.Equal(t, ExitFindings, code)
	assert.Equal(t, []string{"templates/app/0/docker-compose.yml", "templates/app/1/docker-compose.yml"}, got["R001"])
	assert.Equal(t, []string{"templates/app/2/rancher-compose.yml"}, got["R002"])

	// A newer version without moving the default: warning only.
	root = baseRepo(t)
	cat = filepath.Join(root, "catalog")
	write(t, root, "catalog/templates/app/2/rancher-compose.yml", rc("1.2.0"))
	write(t, root, "catalog/templates/app/2/docker-compose.yml", dc)
	code, got = changeFindings(t, "--base", "main", cat)
	assert.Equal(t, []string{"templates/app/config.yml"}, got["R003"])
	assert.Empty(t, got["R001"])
	assert.Empty(t, got["R002"])
	assert.Equal(t, ExitOK, code, "R003 is a warning")
	write(t, root, "catalog/templates/app/config.yml", "name: App\nversion: \"1.2.0\"\n")
	_, got = changeFindings(t, "--base", "main", cat)
	assert.Empty(t, got)

	// Renumbering: version 1.1.0 moves from folder 1 to folder 2.
	root = baseRepo(t)
	cat = filepath.Join(root, "catalog")
	require.NoError(t, os.Rename(filepath.Join(cat, "templates/app/1"), filepath.Join(cat, "templates/app/2")))
	_, got = changeFindings(t, "--base", "main", cat)
	assert.Equal(t, []string{"templates/app/2/rancher-compose.yml"}, got["R004"])
	assert.Equal(t, []string{"templates/app/1"}, got["R001"])
}

func TestLintBaseOnlyTouched(t *testing.T) {
	root := baseRepo(t)
	cat := filepath.Join(root, "catalog")
	// A suppression error in the untouched entry, committed in the base.
	write(t, root, "catalog/templates/other/1/docker-compose.yml", dc+"    # catalogen:ignore D005\n")
	git(t, root, "commit", "-qam", "other")
	write(t, root, "catalog/templates/app/1/docker-compose.yml", dc+"    restart: always\n")

	code, out, _ := run("lint", "--format", "json", "--no-config", "--base", "HEAD", cat)
	assert.Equal(t, ExitFindings, code)
	assert.NotContains(t, out, "templates/other/", "untouched entries are not reported")
	_, out, _ = run("lint", "--format", "json", "--no-config", "--base", "HEAD", "--all", cat)
	assert.Contains(t, out, "templates/other/1/docker-compose.yml")

	code, _, stderr := run("lint", "--base", "no-such-rev", cat)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "unknown revision")
}
