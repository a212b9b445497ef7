package compose

import (
	"fmt"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// A repeated key is found the same way in a short mapping (keys compared
// pairwise) and a long one (through a map): once, at the repeat, naming
// the first.
func TestD010ShortAndLongMappings(t *testing.T) {
	for _, n := range []int{2, shortMapping + 4} {
		var labels strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&labels, "    l%d: x\n", i)
		}
		labels.WriteString("    l1: y\n    l1: z\n") // the first l1 is on line 5
		res := linttest.LintFiles(t, map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
			"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
			"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n  labels:\n" + labels.String()),
		}, []*lint.Rule{ruleD010})
		var got []string
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%d %s", f.Pos.Line, f.Message))
		}
		if len(got) != 2 || !strings.HasPrefix(got[0], fmt.Sprintf("%d ", 4+n)) || !strings.Contains(got[0], "first at line 5") || !strings.Contains(got[1], "first at line 5") {
			t.Errorf("%d labels: %q", n, got)
		}
	}
}

// The same for a KEY=VALUE list: a short list is compared pairwise, a long
// one through a map, with the same findings.
func TestD010ShortAndLongLists(t *testing.T) {
	for _, n := range []int{2, shortMapping + 4} {
		var env strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&env, "    - E%d=x\n", i)
		}
		env.WriteString("    - E1=x\n    - E1=z\n") // the first E1 is on line 5
		res := linttest.LintFiles(t, map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
			"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
			"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n  environment:\n" + env.String()),
		}, []*lint.Rule{ruleD010})
		var got []string
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%d %s %s", f.Pos.Line, f.Severity, f.Message))
		}
		if len(got) != 2 || !strings.HasPrefix(got[0], fmt.Sprintf("%d ", 4+n)) || !strings.HasPrefix(got[1], fmt.Sprintf("%d ", 5+n)) ||
			!strings.Contains(got[0], "first at line 5") || !strings.Contains(got[1], "first at line 5") ||
			!strings.Contains(got[0], "both say the same") || strings.Contains(got[1], "both say the same") {
			t.Errorf("%d entries: %q", n, got)
		}
	}
}
