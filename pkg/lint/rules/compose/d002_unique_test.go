package compose

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// A port that is only a duplicate once interpolated is said to be so.
func TestD002TwiceAfterInterpolation(t *testing.T) {
	for _, c := range []struct{ ports, want, not string }{
		{"    - ${A}:80\n    - ${B}:80\n", "after interpolation", "\x00"},
		{"    - 8080:80\n    - 8080:80\n", "twice;", "after interpolation"},
	} {
		res := linttest.LintFiles(t, map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
			"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: A\n      type: int\n      default: 8080\n    - variable: B\n      type: int\n      default: 8080\n"),
			"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n  ports:\n" + c.ports),
		}, []*lint.Rule{ruleD002})
		if len(res.Findings) != 1 {
			t.Fatalf("%q: %d findings", c.ports, len(res.Findings))
		}
		if msg := res.Findings[0].Message; !strings.Contains(msg, c.want) || strings.Contains(msg, c.not) {
			t.Errorf("%q: %q should say %q", c.ports, msg, c.want)
		}
	}
}
