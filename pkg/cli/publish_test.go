package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPublishCommand(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is required: apt-get install git")
	}
	bare := filepath.Join(t.TempDir(), "catalog.git")
	out, err := exec.Command("git", "init", "-q", "--bare", "-b", "main", bare).CombinedOutput()
	require.NoError(t, err, string(out))
	cache := t.TempDir()

	code, stdout, stderr := run("publish", "--repo", bare, "--cache", cache, "--dry-run")
	require.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, stdout, "Dry run: nothing was pushed")
	assert.Contains(t, stdout, "templates/harbor/0/docker-compose.yml")
	_, err = exec.Command("git", "-C", bare, "rev-parse", "--verify", "main").Output()
	assert.Error(t, err, "the dry run created no branch")

	code, stdout, stderr = run("publish", "--repo", bare, "--cache", cache, "--message", "Harbor catalog")
	require.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, stdout, "pushed ")
	subject, err := exec.Command("git", "-C", bare, "log", "-1", "--format=%s", "main").Output()
	require.NoError(t, err)
	assert.Equal(t, "Harbor catalog", strings.TrimSpace(string(subject)))

	// build --repo is publish: nothing changed, so no commit.
	code, stdout, stderr = run("build", "--repo", bare, "--cache", cache)
	require.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, stdout, "nothing to publish")

	code, _, _ = run("publish", "--cache", cache)
	assert.Equal(t, ExitUsage, code, "--repo is required")
	code, _, _ = run("publish", "--repo", "ftp://example.com/x", "--cache", cache)
	assert.Equal(t, ExitUsage, code)
	code, _, _ = run("build", "--repo", bare, "--out", "x")
	assert.Equal(t, ExitUsage, code, "--repo and --out exclude each other")
}
