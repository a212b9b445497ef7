package templating

import (
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// An {{if}} without {{end}} is reported where it opens, not at the end of
// the file.
func TestUnclosedIfPosition(t *testing.T) {
	dc := "web:\n  image: nginx:1.25\n  {{- if eq .Values.X \"a\" }}\n  command: a\n  {{- range $i := until 2 }}\n  {{- end }}\n  labels:\n    a: b\n"
	res := linttest.LintFiles(t, map[string][]byte{
		"templates/app/config.yml":               []byte("name: App\nversion: 1.0.0\n"),
		"templates/app/0/rancher-compose.yml":    []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: X\n      type: string\n"),
		"templates/app/0/docker-compose.yml.tpl": []byte(dc),
	}, []*lint.Rule{ruleT001})
	if len(res.Findings) != 1 {
		t.Fatalf("%d findings", len(res.Findings))
	}
	if f := res.Findings[0]; f.Pos.Line != 3 || f.Pos.Col != 3 {
		t.Errorf("T001 at %d:%d, want 3:3 (the {{- if): %s", f.Pos.Line, f.Pos.Col, f.Message)
	}
}
