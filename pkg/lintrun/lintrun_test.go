package lintrun

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeCatalog writes a one-version catalog whose compose file uses an
// image without a tag (D005, an info).
func writeCatalog(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"templates/app/config.yml":            "name: app\nversion: 1.0.0\ncategory: x\ndescription: x\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx\n",
		"templates/app/0/rancher-compose.yml": "version: '2'\n.catalog:\n  name: app\n  version: 1.0.0\n",
		"templates/app/catalogIcon-app.svg":   "<svg/>",
	}
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(content), 0o644))
	}
	return root
}

func has(t Target, id string) bool {
	for _, f := range t.Result.Findings {
		if f.Rule.ID == id {
			return true
		}
	}
	return false
}

// TestConfigFound: the .catalogen.yaml beside the catalog applies, and is
// named in the run; --no-config and --config override it.
func TestConfigFound(t *testing.T) {
	root := writeCatalog(t)
	run, err := Lint(context.Background(), []string{root}, Options{})
	require.NoError(t, err)
	require.Len(t, run.Targets, 1)
	assert.True(t, has(run.Targets[0], "D005"))
	assert.Empty(t, run.Configs)

	cfg := filepath.Join(root, ".catalogen.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("fail-level: warning\nrules:\n  compose.image-tag: off\n"), 0o644))
	run, err = Lint(context.Background(), []string{root}, Options{})
	require.NoError(t, err)
	assert.False(t, has(run.Targets[0], "D005"))
	assert.Equal(t, []string{cfg}, run.Configs)
	assert.Equal(t, "warning", run.FailLevel)

	run, err = Lint(context.Background(), []string{root}, Options{NoConfig: true})
	require.NoError(t, err)
	assert.True(t, has(run.Targets[0], "D005"))
	assert.Empty(t, run.FailLevel)
}

// TestUsageErrors: what the user asked wrong is a *UsageError, so that the
// command can exit 2 rather than 3.
func TestUsageErrors(t *testing.T) {
	root := writeCatalog(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("rules:\n  NOPE: off\n"), 0o644))
	for name, call := range map[string]func() error{
		"missing path": func() error {
			_, err := DistinctPaths([]string{filepath.Join(root, "nothing")})
			return err
		},
		"bad configuration": func() error {
			_, err := Lint(context.Background(), []string{root}, Options{Config: bad})
			return err
		},
		"missing configuration": func() error {
			_, err := Lint(context.Background(), []string{root}, Options{Config: filepath.Join(root, "none.yaml")})
			return err
		},
		"base outside git": func() error {
			_, err := Lint(context.Background(), []string{root}, Options{Base: "HEAD"})
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			err := call()
			var ue *UsageError
			require.Error(t, err)
			assert.True(t, errors.As(err, &ue), "%v", err)
		})
	}
}

// TestDistinctPaths drops a path inside (or equal to) another.
func TestDistinctPaths(t *testing.T) {
	root := writeCatalog(t)
	tmpl := filepath.Join(root, "templates", "app")
	got, err := DistinctPaths([]string{tmpl, root, root})
	require.NoError(t, err)
	assert.Equal(t, []string{root}, got)
}
