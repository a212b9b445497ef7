package templating

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// Literal braces in a plain docker-compose.yml get the advice that helps
// (escape them or # notemplating); template logic gets "rename to .tpl".
func TestT004Advice(t *testing.T) {
	for _, c := range []struct{ dc, want, not string }{
		{"web:\n  image: docker:17.06\n  command: docker ps --format \"{{.ID}}\"\n", "# notemplating", "rename"},
		{"web:\n  image: nginx:1.25\n{{- if eq .Values.X \"a\" }}\n  command: a\n{{- end }}\n", "rename", "notemplating"},
	} {
		res := linttest.LintFiles(t, map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
			"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: X\n      type: string\n"),
			"templates/app/0/docker-compose.yml":  []byte(c.dc),
		}, []*lint.Rule{ruleT004})
		if len(res.Findings) != 1 {
			t.Fatalf("%q: %d findings", c.dc, len(res.Findings))
		}
		msg := res.Findings[0].Message
		if !strings.Contains(msg, c.want) || strings.Contains(msg, c.not) {
			t.Errorf("%q: message %q should say %q and not %q", c.dc, msg, c.want, c.not)
		}
	}
}
