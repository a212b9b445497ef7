package layout

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// L004 does not say "no icon" when catalog-service finds one in a version
// folder (L009's finding); it says where the icon is and to move it.
func TestL004IconInVersionFolder(t *testing.T) {
	res := linttest.LintFiles(t, map[string][]byte{
		"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
		"templates/app/0/catalogIcon-app.svg": []byte("<svg/>"),
		"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
		"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n"),
	}, []*lint.Rule{ruleL004})
	if len(res.Findings) != 1 {
		t.Fatalf("%d findings", len(res.Findings))
	}
	if msg := res.Findings[0].Message; !strings.Contains(msg, "templates/app/0/catalogIcon-app.svg") || strings.Contains(msg, "has no icon") {
		t.Errorf("message %q should name the version folder's icon", msg)
	}
}
