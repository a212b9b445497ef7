package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const renderVersion = "../rancher/deploy/testdata/app/templates/web/0"

func TestRenderCommand(t *testing.T) {
	code, _, stderr := run("render", renderVersion)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "required question(s) without an answer or a default: site")

	code, out, stderr := run("render", renderVersion, "--set", "site=shop", "--set", "port=9000")
	assert.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, out, "# Source: templates/web/0/docker-compose.yml.tpl\n")
	assert.Contains(t, out, "SITE: shop")
	assert.Contains(t, out, "9000:80")
	assert.Contains(t, out, "---\n# Source: templates/web/0/rancher-compose.yml\n")
	assert.NotContains(t, out, ".catalog")

	answers := filepath.Join(t.TempDir(), "answers.yml")
	require.NoError(t, os.WriteFile(answers, []byte("site: from-file\ntls: \"true\"\n"), 0o644))
	dir := t.TempDir()
	code, out, stderr = run("render", renderVersion, "--answers", answers, "--out", dir)
	assert.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, out, "wrote "+filepath.Join(dir, "docker-compose.yml"))
	dc, err := os.ReadFile(filepath.Join(dir, "docker-compose.yml"))
	require.NoError(t, err)
	assert.Contains(t, string(dc), "SITE: from-file")
	assert.Contains(t, string(dc), "TLS: \"on\"")
	_, err = os.Stat(filepath.Join(dir, "rancher-compose.yml"))
	assert.NoError(t, err)

	code, _, stderr = run("render", renderVersion, "--set", "oops")
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "VARIABLE=value")
	code, _, stderr = run("render", "no/such/folder")
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "does not exist")
}
