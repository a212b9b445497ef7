package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

func examplesHosts(name string) string {
	return filepath.Join("..", "..", "examples", "hosts", name+".yaml")
}

func TestPlanCommand(t *testing.T) {
	ref := linttest.SharedDir(t, "reference/rancher-catalog-extension/templates/project-harbor")

	// The published distributed entry on three labelled hosts runs.
	code, out, stderr := run("plan", filepath.Join(ref, "1"), "--hosts", examplesHosts("three-hosts"))
	require.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, out, "project-harbor 0.5.0-rev0-distributed as stack project-harbor on 3 hosts")
	assert.Contains(t, out, "log                  global")
	assert.Contains(t, out, "Problems: 0 errors")

	// A host without harbor-log: registry and ui cannot log there (exit 1).
	code, out, _ = run("plan", filepath.Join(ref, "1"), "--hosts", examplesHosts("missing-label"))
	assert.Equal(t, ExitFindings, code)
	assert.Contains(t, out, "error   syslog          registry on node3 logs to tcp://127.0.0.1:1514")

	// JSON for tools, with answers and a stack name.
	answers := filepath.Join(t.TempDir(), "answers.yaml")
	require.NoError(t, os.WriteFile(answers, []byte("volumedriver: local\n"), 0o644))
	code, out, stderr = run("plan", filepath.Join(ref, "1"), "--hosts", examplesHosts("three-hosts"), "--answers", answers, "--set", "traefikdomain=example.org", "--stack", "registry", "--format", "json")
	assert.Equal(t, ExitFindings, code, stderr)
	var p struct {
		Stack    string
		Problems []struct{ Kind, Message string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &p))
	assert.Equal(t, "registry", p.Stack)
	require.NotEmpty(t, p.Problems)
	assert.Equal(t, "local-volume", p.Problems[0].Kind, "the answer makes the shared volumes local")
	assert.Contains(t, out, "Host:registry.example.org", "--set reaches the Traefik route")

	// SVG and dot into a file.
	for _, format := range []string{"svg", "dot"} {
		file := filepath.Join(t.TempDir(), "plan."+format)
		code, out, stderr = run("plan", filepath.Join(ref, "0"), "--hosts", examplesHosts("one-host"), "--format", format, "--output", file)
		require.Equal(t, ExitOK, code, stderr)
		assert.Empty(t, out)
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		want := map[string]string{"svg": "<svg ", "dot": "digraph "}[format]
		assert.True(t, strings.HasPrefix(string(data), want), format)
	}
}

func TestPlanCommandErrors(t *testing.T) {
	ref := linttest.SharedDir(t, "reference/rancher-catalog-extension/templates/project-harbor")
	bad := filepath.Join(t.TempDir(), "hosts.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("hosts:\n  - name: a\n    colour: red\n"), 0o644))
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"plan", filepath.Join(ref, "1")}, ExitUsage, `required flag(s) "hosts" not set`},
		{[]string{"plan", filepath.Join(ref, "1"), "--hosts", bad}, ExitUsage, "hosts.yaml:3:5: unknown host field \"colour\""},
		{[]string{"plan", filepath.Join(ref, "1"), "--hosts", examplesHosts("one-host"), "--format", "png"}, ExitUsage, `--format "png": use one of text, json, svg, dot`},
		{[]string{"plan", ref, "--hosts", examplesHosts("one-host")}, ExitUsage, "is not a version folder"},
		{[]string{"plan", filepath.Join(ref, "9"), "--hosts", examplesHosts("one-host")}, ExitUsage, "does not exist: give a version folder"},
		{[]string{"plan", filepath.Join(ref, "1"), "--hosts", examplesHosts("one-host"), "--set", "novalue"}, ExitUsage, "novalue"},
	} {
		code, _, stderr := run(c.args...)
		assert.Equal(t, c.code, code, c.args)
		assert.Contains(t, stderr, c.want, c.args)
	}
}
