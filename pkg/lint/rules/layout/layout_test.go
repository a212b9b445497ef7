package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

func TestRules(t *testing.T) { linttest.Run(t, "testdata", Rules()) }

// writeTree writes files (slash paths) under a new temporary catalog root
// that already holds one valid template.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	base := map[string]string{
		"templates/web/config.yml":            "name: web\nversion: \"1.0.0\"\ndescription: web\ncategory: Web\n",
		"templates/web/catalogIcon-web.svg":   "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
		"templates/web/0/docker-compose.yml":  "web:\n  image: nginx:1.25.3\n",
		"templates/web/0/rancher-compose.yml": ".catalog:\n  version: 1.0.0\n",
	}
	for p, data := range files {
		base[p] = data
	}
	for p, data := range base {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// findings runs the family on the catalog at root and returns the findings
// of rule id as "path:line" keys.
func findings(t *testing.T, root, id string) []string {
	t.Helper()
	cat, err := catalog.Load(root, catalog.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	res := lint.Run(cat, Rules(), lint.Settings{})
	for _, e := range res.Internal {
		t.Errorf("internal error: %v", e)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Rule.ID == id {
			out = append(out, f.Pos.Path+": "+f.Message)
		}
	}
	return out
}

func expectOne(t *testing.T, got []string, path string) {
	t.Helper()
	if len(got) != 1 || !strings.HasPrefix(got[0], path+": ") {
		t.Fatalf("want one finding at %s, got %q", path, got)
	}
}

// A file far above the loader's limit is refused, not read, and reported.
// The file is sparse, so the test stays fast and small on disk.
func TestHugeFile(t *testing.T) {
	root := writeTree(t, nil)
	huge := filepath.Join(root, "templates/web/0/dump.sql")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 100<<20); err != nil {
		t.Fatal(err)
	}
	got := findings(t, root, "L011")
	expectOne(t, got, "templates/web/0/dump.sql")
	if !strings.Contains(got[0], "limit") {
		t.Errorf("message should name the size limit: %s", got[0])
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions are not enforced for root")
	}
	root := writeTree(t, map[string]string{"templates/web/0/README.md": "# web\n"})
	p := filepath.Join(root, "templates/web/0/README.md")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(p, 0o644) })
	expectOne(t, findings(t, root, "L011"), "templates/web/0/README.md")
}

func TestSymlinks(t *testing.T) {
	root := writeTree(t, map[string]string{"templates/web/0/README.md": "# web\n"})
	if err := os.Symlink("../0/README.md", filepath.Join(root, "templates/web/README.md")); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	if err := os.Symlink("0", filepath.Join(root, "templates/web/1")); err != nil {
		t.Fatal(err)
	}
	got := findings(t, root, "L012")
	if len(got) != 2 || !strings.HasPrefix(got[0], "templates/web/1: ") || !strings.HasPrefix(got[1], "templates/web/README.md: ") {
		t.Fatalf("want findings at templates/web/1 and templates/web/README.md, got %q", got)
	}
}

// Linting one version folder loads only that folder: the rules that need
// the whole template (config.yml, icon, folder numbering) stay silent.
func TestPartialTemplate(t *testing.T) {
	root := writeTree(t, map[string]string{
		"templates/bare/3/docker-compose.yml":  "web:\n  image: nginx:1.25.3\n",
		"templates/bare/3/rancher-compose.yml": ".catalog:\n  version: 1.0.3\n",
	})
	cat, err := catalog.Load(filepath.Join(root, "templates/bare/3"), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(cat, Rules(), lint.Settings{})
	for _, e := range res.Internal {
		t.Errorf("internal error: %v", e)
	}
	for _, f := range res.Findings {
		t.Errorf("unexpected %s at %s: %s", f.Rule.ID, f.Pos.Path, f.Message)
	}
}

// Every rule has the documentation the rules command and docs/rules.md show.
func TestRuleDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !strings.HasPrefix(r.ID, "L") || !strings.HasPrefix(r.Slug, "layout.") || seen[r.ID] {
			t.Errorf("bad or duplicate ID/slug %s %s", r.ID, r.Slug)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Doc == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("%s: summary, doc, bad and good example are all required", r.ID)
		}
		if r.Catalog == nil && r.Template == nil && r.Version == nil {
			t.Errorf("%s: no check", r.ID)
		}
	}
}

// Odd trees must not crash any rule.
func TestOddTrees(t *testing.T) {
	trees := []map[string]string{
		{"templates/x": ""},
		{"templates/config.yml": "", "templates/catalogIcon.png": "", "infra-templates/README.md": ""},
		{"templates/x/0": "", "templates/x/1/2/3/4/config.yml": "", "templates/x/v/catalogIcon": ""},
		{"a/b/c/d/e/f": "", "a/b/config.yml": "", "a/b/0/rancher-compose.yml": ""},
		{"templates/ü ñ/0/rancher-compose.yml": ".catalog: {version: 1}", "templates/ü ñ/catalogIcon-.": ""},
		{"templates/x/-1/rancher-compose.yml": "", "templates/x/007/docker-compose.yml": "", "templates/x/7/docker-compose.yml.tpl": "", "templates/x/+7/x": ""},
		{"templates/x/99999999999999999999/rancher-compose.yml": "", "templates/x/0/rancher-compose.yml": ""},
		{"kubernetes-templates/k/0/config.yml": "~", "kubernetes-templates/k/0/catalogIcon-k.svg": "<svg/>"},
	}
	for i, files := range trees {
		m := map[string][]byte{}
		for p, d := range files {
			m[p] = []byte(d)
		}
		cat, err := catalog.LoadFiles(m, catalog.Options{})
		if err != nil {
			t.Fatalf("tree %d: %v", i, err)
		}
		res := lint.Run(cat, Rules(), lint.Settings{})
		for _, e := range res.Internal {
			t.Errorf("tree %d: %v", i, e)
		}
	}
}

// An empty folder named config.yml (git cannot hold one, so it is made here)
// leaves the template without metadata.
func TestEmptyConfigFolder(t *testing.T) {
	root := writeTree(t, nil)
	cfg := filepath.Join(root, "templates/web/config.yml")
	if err := os.Remove(cfg); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	expectOne(t, findings(t, root, "L003"), "templates/web")
}
