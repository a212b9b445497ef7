package lintconfig

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var known = map[string]*lint.Rule{
	"D005": {ID: "D005", Slug: "dc.image-tag"},
	"Q010": {ID: "Q010", Slug: "q.unused"},
}

func lookup(name string) *lint.Rule {
	if r := known[name]; r != nil {
		return r
	}
	for _, r := range known {
		if r.Slug == name {
			return r
		}
	}
	return nil
}

func TestParse(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte(`
rules:
  D005: off
  q.unused: {severity: warning}
exclude:
  - templates/legacy-*
fail-level: warning
`), lookup)
	require.NoError(t, err)
	assert.True(t, cfg.Settings.Disabled["D005"])
	assert.Equal(t, lint.Warning, cfg.Settings.Severity["Q010"])
	assert.Equal(t, "warning", cfg.FailLevel)
	assert.True(t, cfg.Excluded("templates/legacy-app/0/docker-compose.yml"))
	assert.False(t, cfg.Excluded("templates/app/0/docker-compose.yml"))
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"unknown rule":     "rules:\n  NOPE9: off\n",
		"bad severity":     "rules:\n  D005: loud\n",
		"unknown key":      "rulez: {}\n",
		"bad yaml":         "rules: [\n",
		"bad pattern":      "exclude: ['[']\n",
		"bad fail-level":   "fail-level: sometimes\n",
		"exclude not list": "exclude: templates\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(src), lookup)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "c.yaml")
		})
	}
	_, err := Parse("c.yaml", []byte("rules:\n  NOPE9: off\n"), lookup)
	assert.Contains(t, err.Error(), "c.yaml:2:3")
}

func TestFindUpward(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "templates", "app", "0")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, FileName), []byte("rules: {}\n"), 0o644))
	found, err := Find(deep)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, FileName), found)
}
