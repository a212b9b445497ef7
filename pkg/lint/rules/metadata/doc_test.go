package metadata

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// TestExamples checks that every rule's Bad example is reported by the rule
// and its Good example is not, so the documentation cannot drift.
func TestExamples(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if r.Summary == "" || r.Doc == "" || r.Bad == "" || r.Good == "" {
				t.Fatalf("%s lacks a summary, doc or example", r.ID)
			}
			if n := countFindings(t, r, exampleCatalog(r, r.Bad, true)); n == 0 {
				t.Errorf("Bad example of %s is not reported", r.ID)
			}
			if n := countFindings(t, r, exampleCatalog(r, r.Good, false)); n != 0 {
				t.Errorf("Good example of %s is reported %d times", r.ID, n)
			}
		})
	}
}

// exampleCatalog places an example in a small catalog: question lists go
// under a `.catalog` block; the uniqueness rules see it in two folders.
func exampleCatalog(r *lint.Rule, example string, bad bool) map[string][]byte {
	rc := example
	if strings.HasPrefix(rc, "questions:") {
		rc = ".catalog:\n  version: \"1.0.0\"\n" + indent(rc, "  ")
	}
	files := map[string][]byte{
		"templates/app/config.yml":            []byte("name: App\nversion: \"1.0.0\"\n"),
		"templates/app/0/rancher-compose.yml": []byte(rc),
		"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n"),
	}
	switch {
	case r.ID == "Q010" && !bad:
		// The fix is in docker-compose.yml.
		files["templates/app/0/rancher-compose.yml"] = []byte(r.Bad)
		files["templates/app/0/docker-compose.yml"] = []byte(example)
	case r.ID == "K012":
		// The range is matched against the template's other versions.
		files["templates/app/1/rancher-compose.yml"] = []byte(".catalog:\n  version: \"1.0.0\"\n")
		files["templates/app/1/docker-compose.yml"] = files["templates/app/0/docker-compose.yml"]
	case (r.ID == "K006" || r.ID == "K011") && bad:
		files["templates/app/1/rancher-compose.yml"] = []byte(rc)
		files["templates/app/1/docker-compose.yml"] = files["templates/app/0/docker-compose.yml"]
	}
	return files
}

func countFindings(t *testing.T, r *lint.Rule, files map[string][]byte) int {
	t.Helper()
	cat, err := catalog.LoadFiles(files, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(cat, []*lint.Rule{r}, lint.Settings{})
	for _, e := range res.Internal {
		t.Error(e)
	}
	n := 0
	for _, f := range res.Findings {
		if f.Rule == r {
			n++
		}
	}
	return n
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n") + "\n"
}
