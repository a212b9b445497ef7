package scheduling

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

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
	for _, r := range Rules() {
		if strings.Join(got[r.ID], " ") != strings.Join(want[r.ID], " ") {
			t.Errorf("%s found in %v, want %v", r.ID, got[r.ID], want[r.ID])
		}
	}
}
