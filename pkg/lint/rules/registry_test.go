package rules_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/stretchr/testify/assert"
)

// TestRegistry keeps every rule documented and uniquely named: the registry
// feeds `catalogen rules`, SARIF, the config file and docs/rules.md.
func TestRegistry(t *testing.T) {
	idRe := regexp.MustCompile(`^[A-Z]{1,2}[0-9]{3}$`)
	ids, slugs, families := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range rules.All() {
		families[strings.TrimRight(r.ID, "0123456789")] = true
		assert.Regexp(t, idRe, r.ID)
		assert.False(t, ids[r.ID], "duplicate ID %s", r.ID)
		assert.False(t, slugs[r.Slug], "duplicate slug %s", r.Slug)
		ids[r.ID], slugs[r.Slug] = true, true
		assert.NotEmpty(t, r.Slug, r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Doc, r.ID)
		assert.NotEmpty(t, r.Bad, "%s needs a bad example", r.ID)
		assert.NotEmpty(t, r.Good, "%s needs a good example", r.ID)
		checks := 0
		for _, set := range []bool{r.Catalog != nil, r.Template != nil, r.Version != nil, r.Change != nil} {
			if set {
				checks++
			}
		}
		if r != lint.UnusedSuppression && r != lint.BadSuppression { // the runner itself reports these
			assert.Positive(t, checks, "%s has no check", r.ID)
		}
		assert.Same(t, r, rules.Lookup(r.ID))
		assert.Same(t, r, rules.Lookup(r.Slug))
	}
	// Every family of the specification's table is present.
	// (The naming scheme is checked by TestRuleNames.)
	for prefix := range rules.FamilyOrder {
		assert.True(t, families[prefix], "no rule of family %s", prefix)
	}
}

// TestEveryRuleHasCases: each rule of a family has test cases under its
// family's testdata/<ID>/ (linttest runs them); the runner's own rules are
// tested with package lint.
func TestEveryRuleHasCases(t *testing.T) {
	for _, r := range rules.All() {
		if r == lint.UnusedSuppression || r == lint.BadSuppression {
			continue
		}
		cases, _ := filepath.Glob(filepath.Join("*", "testdata", r.ID, "*"))
		if len(cases) == 0 {
			t.Errorf("%s has no test cases: add <family>/testdata/%s/<case>/", r.ID, r.ID)
		}
	}
}

// TestSeverityPolicy keeps the severity policy stated where it is applied:
// every rule's doc says why its default severity is what it is, with a
// sentence that starts "Error:", "Warning:" or "Info:" (error: Rancher 1.6
// does not list or deploy the version, or the stack is broken for certain;
// warning: a likely runtime defect or a setting Rancher silently ignores;
// info: style and hygiene).
func TestSeverityPolicy(t *testing.T) {
	for _, r := range rules.All() {
		sev := r.Severity.String()
		label := strings.ToUpper(sev[:1]) + sev[1:] + ":"
		assert.Contains(t, r.Doc, label, "%s (%s) must state its evidence in a sentence starting %q", r.ID, sev, label)
	}
}

// TestRuleNames keeps one naming scheme: a slug is `<family>.<check>` in
// lower case, one family word per ID prefix (documented in package lint),
// and no name (ID, slug or former slug) designates two rules in any case.
func TestRuleNames(t *testing.T) {
	slugRe := regexp.MustCompile(`^([a-z]+)\.[a-z0-9]+(-[a-z0-9]+)*$`)
	family := map[string]string{} // ID prefix → family word
	owner := map[string]string{}  // lower-cased name → rule ID
	for _, r := range rules.All() {
		m := slugRe.FindStringSubmatch(r.Slug)
		if !assert.NotNil(t, m, "%s: slug %q is not <family>.<check>", r.ID, r.Slug) {
			continue
		}
		prefix := strings.TrimRight(r.ID, "0123456789")
		if word, seen := family[prefix]; seen {
			assert.Equal(t, word, m[1], "%s: the %s rules' slugs start with %q", r.ID, prefix, word)
		} else {
			family[prefix] = m[1]
		}
		for _, n := range r.Names() {
			key := strings.ToLower(n)
			if prev, dup := owner[key]; dup && prev != r.ID {
				t.Errorf("%q names both %s and %s", n, prev, r.ID)
			}
			owner[key] = r.ID
			assert.Same(t, r, rules.Lookup(strings.ToUpper(n)), "lookup of %q in upper case", n)
			assert.Same(t, r, rules.Lookup(strings.ToLower(n)), "lookup of %q in lower case", n)
		}
	}
	// The family words are distinct: a word names one family.
	words := map[string]string{}
	for prefix, word := range family {
		if prev, dup := words[word]; dup {
			t.Errorf("family word %q is used by both %s and %s rules", word, prev, prefix)
		}
		words[word] = prefix
	}
}
