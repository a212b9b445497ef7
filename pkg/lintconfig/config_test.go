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
	"D005": {ID: "D005", Slug: "compose.image-tag"},
	"Q010": {ID: "Q010", Slug: "question.unused"},
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
  question.unused: {severity: warning}
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

// Issue: configuration errors were raw JSON-schema text without a line.
func TestConfigErrorsExplain(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"rules:\n  D005: of\n", `c.yaml:2:9: rules.D005: "of" is not a setting; allowed: off, on, info, warning, error, or {enabled: true|false, severity: info|warning|error}; did you mean "off"?`},
		{"rules:\n  D005: {severity: warnign}\n", `c.yaml:2:20: rules.D005.severity: "warnign" is not a severity; allowed: info, warning, error; did you mean "warning"?`},
		{"rules:\n  D005: {enable: false}\n", `c.yaml:2:10: rules.D005: unknown field "enable"; allowed: enabled, severity; did you mean "enabled"?`},
		{"exlude: [x]\n", `c.yaml:1:1: unknown field "exlude"; allowed: exclude, fail-level, profile, rules; did you mean "exclude"?`},
		{"fail-level: warn1ng\n", `c.yaml:1:13: fail-level: "warn1ng" is not a level; allowed: info, warning, error, none; did you mean "warning"?`},
		{"exclude: templates/*\n", `c.yaml:1:10: exclude: must be a list of path patterns`},
		{"rules:\n  q.unsued: off\n", `c.yaml:2:3: rules: unknown rule "q.unsued": use a rule ID or slug from ` + "`catalogen rules`" + `; did you mean "question.unused"?`},
	} {
		_, err := Parse("c.yaml", []byte(tc.text), lookup)
		require.Error(t, err, tc.text)
		assert.Contains(t, err.Error(), tc.want, tc.text)
		assert.NotContains(t, err.Error(), "Must validate", tc.text)
	}
}

// The search for the configuration stops at the repository root, or at the
// catalog root outside a repository.
func TestFindFor(t *testing.T) {
	outer := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outer, FileName), []byte("{}"), 0o644))
	cat := filepath.Join(outer, "repo", "catalog")
	deep := filepath.Join(cat, "templates", "app")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	found, err := FindFor(deep, cat)
	require.NoError(t, err)
	assert.Empty(t, found, "a file above the catalog root is not used outside a repository")

	require.NoError(t, os.Mkdir(filepath.Join(outer, "repo", ".git"), 0o755))
	found, err = FindFor(deep, cat)
	require.NoError(t, err)
	assert.Empty(t, found, "nor above the repository root")

	require.NoError(t, os.WriteFile(filepath.Join(outer, "repo", FileName), []byte("{}"), 0o644))
	found, err = FindFor(deep, cat)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(outer, "repo", FileName), found)
}
