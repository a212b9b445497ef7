package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// imageRule reports every service image, so suppression and severity
// handling can be observed on known lines.
var imageRule = &lint.Rule{
	ID: "X001", Slug: "test.image", Severity: lint.Warning,
	Version: func(p *lint.Pass, v *catalog.Version) {
		if v.Project == nil {
			return
		}
		for _, s := range v.Project.Services {
			if _, e, ok := s.Image(); ok {
				p.Report(e.ValuePos(), "image of %s", s.Name)
			}
		}
	},
}

var panicRule = &lint.Rule{
	ID: "X002", Slug: "test.panic", Severity: lint.Error,
	Version: func(p *lint.Pass, v *catalog.Version) { panic("boom") },
}

func load(t *testing.T, dc string) *catalog.Catalog {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "templates", "app", "0")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "rancher-compose.yml"), []byte(".catalog:\n  version: 1.0.0\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "docker-compose.yml"), []byte(dc), 0o644))
	c, err := catalog.Load(root, catalog.Options{})
	require.NoError(t, err)
	return c
}

func TestSuppressions(t *testing.T) {
	c := load(t, `a:
  image: one:1 # catalogen:ignore X001 -- vendored
b:
  # catalogen:ignore test.image -- slug works, line above
  image: two:2
c:
  image: three:3
d:
  image: four:4 # catalogen:ignore X001
e:
  image: five:5 # catalogen:ignore NOPE1 -- unknown
f: # catalogen:ignore X001 -- nothing here
  labels: {}
`)
	res := lint.Run(c, []*lint.Rule{imageRule}, lint.Settings{})
	got := map[string][]int{}
	for _, f := range res.Findings {
		got[f.Rule.ID] = append(got[f.Rule.ID], f.Pos.Line)
	}
	assert.Equal(t, 2, res.Suppressed)
	assert.Equal(t, []int{7, 9, 11}, got["X001"])
	assert.Equal(t, []int{9, 11}, got["CG002"], "missing reason and unknown rule")
	assert.Equal(t, []int{12}, got["CG001"], "unused suppression")
}

func TestSuppressFile(t *testing.T) {
	c := load(t, "# catalogen:ignore-file X001 -- generated\na:\n  image: one:1\nb:\n  image: two:2\n")
	res := lint.Run(c, []*lint.Rule{imageRule}, lint.Settings{})
	assert.Empty(t, res.Findings)
	assert.Equal(t, 2, res.Suppressed)
}

func TestSettings(t *testing.T) {
	c := load(t, "a:\n  image: one:1\n")
	res := lint.Run(c, []*lint.Rule{imageRule}, lint.Settings{Severity: map[string]lint.Severity{"X001": lint.Error}})
	require.Len(t, res.Findings, 1)
	assert.Equal(t, lint.Error, res.Findings[0].Severity)
	assert.True(t, res.AtLeast(lint.Error))

	res = lint.Run(c, []*lint.Rule{imageRule}, lint.Settings{Disabled: map[string]bool{"X001": true}})
	assert.Empty(t, res.Findings)
}

func TestRulePanicIsInternalError(t *testing.T) {
	c := load(t, "a:\n  image: one:1\n")
	res := lint.Run(c, []*lint.Rule{panicRule, imageRule}, lint.Settings{})
	require.Len(t, res.Internal, 1)
	assert.Contains(t, res.Internal[0].Error(), "X002")
	assert.Len(t, res.Findings, 1, "other rules still run")
}

func TestFindingsSortedDeterministically(t *testing.T) {
	c := load(t, "z:\n  image: z:1\na:\n  image: a:1\nm:\n  image: m:1\n")
	first := lint.Run(c, []*lint.Rule{imageRule}, lint.Settings{Workers: 4})
	for i := 0; i < 20; i++ {
		again := lint.Run(c, []*lint.Rule{imageRule}, lint.Settings{Workers: 4})
		assert.Equal(t, first.Findings, again.Findings)
	}
	assert.Equal(t, 2, first.Findings[0].Pos.Line)
}
