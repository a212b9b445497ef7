package lint_test

import (
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/stretchr/testify/assert"
)

// TestRequires: a check that requires an analysis runs with the version's
// result and is skipped on a version the analysis has nothing for.
func TestRequires(t *testing.T) {
	type services struct{ names []string }
	analysis := func(v *catalog.Version) *services {
		if v.Project == nil {
			return nil
		}
		s := &services{}
		for _, svc := range v.Project.Services {
			s.names = append(s.names, svc.Name)
		}
		return s
	}
	rule := &lint.Rule{
		ID: "X003", Slug: "test.requires", Severity: lint.Warning,
		Version: lint.Requires(analysis, func(p *lint.Pass, s *services) {
			for _, n := range s.names {
				p.Report(catalog.Pos{Path: "x"}, "service %s", n)
			}
		}),
	}
	res := lint.Run(load(t, "web:\n  image: nginx\ndb:\n  image: mysql\n"), []*lint.Rule{rule}, lint.Settings{})
	assert.Empty(t, res.Internal)
	var msgs []string
	for _, f := range res.Findings {
		msgs = append(msgs, f.Message)
	}
	assert.ElementsMatch(t, []string{"service web", "service db"}, msgs)

	// No docker-compose.yml: no project, so the check must not run (it
	// would dereference nil).
	empty := load(t, "web:\n  image: nginx\n")
	for _, tpl := range empty.Templates {
		for _, v := range tpl.Versions {
			v.Project = nil
		}
	}
	res = lint.Run(empty, []*lint.Rule{rule}, lint.Settings{})
	assert.Empty(t, res.Internal)
	assert.Empty(t, res.Findings)
}
