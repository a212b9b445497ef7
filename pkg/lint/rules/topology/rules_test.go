package topology

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// lintShared lints a catalog of ../shared (beside the checkout) and returns
// each rule's findings as "folder severity".
func lintShared(t *testing.T, rel string) map[string][]string {
	t.Helper()
	return linttest.ByRule(linttest.LintShared(t, rel, Rules()), func(f lint.Finding) string {
		return linttest.Folder(f) + " " + f.Severity.String()
	})
}

// The Harbor reference catalog: folders 0 and 2 (single host) are clean;
// 1 and 3 (distributed) log where the log service may not run; 4
// (converged) defaults the volume driver to local.
func TestHarborReference(t *testing.T) {
	got := lintShared(t, "reference/rancher-catalog-extension")
	want := map[string][]string{
		"TP002": {"templates/project-harbor/1 warning", "templates/project-harbor/3 warning"},
		"TP003": {"templates/project-harbor/4 warning"},
	}
	for _, r := range Rules() {
		if strings.Join(got[r.ID], " | ") != strings.Join(want[r.ID], " | ") {
			t.Errorf("%s found in %v, want %v", r.ID, got[r.ID], want[r.ID])
		}
	}
}
