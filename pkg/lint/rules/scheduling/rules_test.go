package scheduling

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// table is the specification's rule table (§9) for the family.
var table = []linttest.Identity{
	{ID: "S001", Slug: "sidekick.defined", Severity: lint.Error},
	{ID: "S002", Slug: "sidekick.single-primary", Severity: lint.Error},
	{ID: "S003", Slug: "sidekick.self", Severity: lint.Error},
	{ID: "S004", Slug: "sidekick.volumes-from", Severity: lint.Error},
	{ID: "S005", Slug: "sidekick.cycle", Severity: lint.Error},
	{ID: "S006", Slug: "sidekick.lb-target", Severity: lint.Error},
	{ID: "B001", Slug: "label.affinity-key", Severity: lint.Warning},
	{ID: "B002", Slug: "label.affinity-pairs", Severity: lint.Error},
	{ID: "B003", Slug: "label.bool-values", Severity: lint.Warning},
	{ID: "B004", Slug: "label.enum-values", Severity: lint.Warning},
	{ID: "B005", Slug: "label.global-soft-rules", Severity: lint.Info},
	{ID: "B006", Slug: "label.system-labels", Severity: lint.Warning},
	{ID: "B007", Slug: "label.selector-syntax", Severity: lint.Error},
	{ID: "B008", Slug: "label.unknown", Severity: lint.Warning},
	{ID: "TR001", Slug: "traefik.enable", Severity: lint.Warning},
	{ID: "TR002", Slug: "traefik.port", Severity: lint.Warning},
	{ID: "TR003", Slug: "traefik.unknown-key", Severity: lint.Info},
	{ID: "TR004", Slug: "traefik.healthcheck", Severity: lint.Warning},
	{ID: "TR005", Slug: "traefik.https-mode", Severity: lint.Warning},
}

func TestRuleTable(t *testing.T) { linttest.CheckIdentities(t, Rules(), table) }

// lintShared lints a catalog of ../shared (beside the checkout) and returns
// the version folders of each rule's findings.
func lintShared(t *testing.T, rel string) map[string][]string {
	t.Helper()
	return linttest.ByRule(linttest.LintShared(t, rel, Rules()), linttest.Folder)
}

// The Harbor reference catalog: only the global log service's soft
// anti-affinity (folders 1, 3 and 4).
func TestHarborReference(t *testing.T) {
	got := lintShared(t, "reference/rancher-catalog-extension")
	want := map[string][]string{"B005": {"templates/project-harbor/1", "templates/project-harbor/3", "templates/project-harbor/4"}}
	for _, r := range table {
		if strings.Join(got[r.ID], " ") != strings.Join(want[r.ID], " ") {
			t.Errorf("%s found in %v, want %v", r.ID, got[r.ID], want[r.ID])
		}
	}
}
