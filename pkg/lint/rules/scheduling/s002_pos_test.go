package scheduling

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// In a .tpl, a label on a line that templating changes is still reported at
// its value's column, not at column 1.
func TestS002ColumnInTemplate(t *testing.T) {
	dc := `version: '2'
services:
  master:
    image: elasticsearch:6.8.23
    labels:
      io.rancher.sidekicks: storage
  data:
    image: elasticsearch:6.8.23
    labels:
      io.rancher.sidekicks: storage{{ if eq .Values.X "b" }},extra{{ end }}
  storage:
    image: busybox:1.36
`
	res := linttest.LintFiles(t, map[string][]byte{
		"templates/app/config.yml":               []byte("name: App\nversion: 1.0.0\n"),
		"templates/app/0/rancher-compose.yml":    []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: X\n      type: string\n      default: a\n"),
		"templates/app/0/docker-compose.yml.tpl": []byte(dc),
	}, []*lint.Rule{ruleS002})
	if len(res.Findings) != 1 {
		t.Fatalf("%d findings", len(res.Findings))
	}
	f := res.Findings[0]
	want := strings.Index(strings.Split(dc, "\n")[9], "storage") + 1
	if f.Pos.Line != 10 || f.Pos.Col != want {
		t.Errorf("S002 at %d:%d, want 10:%d", f.Pos.Line, f.Pos.Col, want)
	}
}
