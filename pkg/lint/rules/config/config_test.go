package config

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

func TestRules(t *testing.T) { linttest.Run(t, "testdata", Rules()) }

// Every rule has the documentation the rules command and docs/rules.md show.
func TestRuleDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !strings.HasPrefix(r.ID, "C") || !strings.HasPrefix(r.Slug, "config.") || seen[r.ID] {
			t.Errorf("bad or duplicate ID/slug %s %s", r.ID, r.Slug)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Doc == "" || r.Bad == "" || r.Good == "" || r.Template == nil {
			t.Errorf("%s: summary, doc, bad and good example and a template check are all required", r.ID)
		}
	}
}
