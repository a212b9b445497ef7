package templating

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// The rule table of the specification, section 9.
var table = []linttest.Identity{
	{ID: "T001", Slug: "template.parse", Severity: lint.Error},
	{ID: "T002", Slug: "template.exec", Severity: lint.Error},
	{ID: "T003", Slug: "template.undeclared-values", Severity: lint.Warning},
	{ID: "T004", Slug: "template.in-plain-yml", Severity: lint.Warning},
	{ID: "T005", Slug: "template.rendered-yaml", Severity: lint.Error},
	{ID: "T006", Slug: "template.bool-compare", Severity: lint.Error},
	{ID: "T007", Slug: "template.multiline-in-template", Severity: lint.Warning},
	{ID: "T008", Slug: "template.host-functions", Severity: lint.Warning},
	{ID: "T009", Slug: "template.no-value", Severity: lint.Error},
	{ID: "I001", Slug: "interpolation.syntax", Severity: lint.Error},
	{ID: "I002", Slug: "interpolation.undeclared", Severity: lint.Warning},
	{ID: "I003", Slug: "interpolation.in-key", Severity: lint.Warning},
	{ID: "I004", Slug: "interpolation.macro-escape", Severity: lint.Warning},
}

// Every rule is the specification's, with the documentation that the rules
// command and docs/rules.md show.
func TestRuleTable(t *testing.T) { linttest.CheckIdentities(t, Rules(), table) }

// lintShared lints a catalog of ../shared (beside the checkout) and returns
// the family's findings by rule: the version folders they are in.
func lintShared(t *testing.T, rel string) map[string][]string {
	t.Helper()
	return linttest.ByRule(linttest.LintShared(t, rel, Rules()), linttest.Folder)
}

// The Harbor reference catalog asks no question for ${traefikdomain} in
// folder 4.
func TestHarborReference(t *testing.T) {
	got := lintShared(t, "reference/rancher-catalog-extension")
	want := map[string][]string{"I002": {"templates/project-harbor/4"}}
	for _, r := range table {
		if strings.Join(got[r.ID], " ") != strings.Join(want[r.ID], " ") {
			t.Errorf("%s found in %v, want %v", r.ID, got[r.ID], want[r.ID])
		}
	}
}
