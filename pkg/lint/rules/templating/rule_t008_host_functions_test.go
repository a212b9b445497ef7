package templating_test

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/catalogen/catalogen/pkg/lint/rules"
)

// A template in a pull request cannot read the CI job's environment into a
// finding: with every rule on, nothing of the secret appears in any
// message, whichever rule reports the rendered value.
func TestNoEnvironmentInFindings(t *testing.T) {
	const secret = "tok-4f1c9a7e2b"
	t.Setenv("CATALOGEN_T008_SECRET", secret)
	files := map[string][]byte{
		"templates/app/config.yml": []byte("name: App\nversion: \"1.0.0\"\ncategory: Test\n"),
		"templates/app/0/docker-compose.yml.tpl": []byte(`version: '2'
services:
  web:
    image: {{ env "CATALOGEN_T008_SECRET" }}x y
    labels:
      a: {{ expandenv "${CATALOGEN_T008_SECRET}" }}: b
    ports: [{{ env "CATALOGEN_T008_SECRET" | quote }}]
`),
		"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  name: App\n  version: \"1.0.0\"\n"),
	}
	res := linttest.LintFiles(t, files, rules.All())
	sawT008 := false
	for _, f := range res.Findings {
		sawT008 = sawT008 || f.Rule.ID == "T008"
		if strings.Contains(f.Message, secret) || f.Fix != nil && strings.Contains(f.Fix.Message, secret) {
			t.Errorf("%s leaks the environment: %s", f.Rule.ID, f.Message)
		}
	}
	if !sawT008 {
		t.Error("no T008 for env")
	}
}
