package linttest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteExample(t *testing.T) {
	dir := t.TempDir()
	head, base, err := WriteExample(dir, "version: '2'\nservices: {}\n"+
		"# config.yml\nname: x\n"+
		"# 1/rancher-compose.yml\n.catalog:\n  version: 1.1.0\n"+
		"# 1/README.md -> ../0/README.md\n"+
		"# README.md (UTF-16)\nhi\n"+
		"# base/1/rancher-compose.yml\n.catalog:\n  version: 1.0.9\n"+
		"# /other-templates/x/config.yml\nname: y\n")
	if err != nil {
		t.Fatal(err)
	}
	read := func(root, p string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for p, want := range map[string]string{
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices: {}\n", // text before the first header
		"templates/app/config.yml":            "name: x\n",                    // replaces the minimal one
		"templates/app/1/rancher-compose.yml": ".catalog:\n  version: 1.1.0\n",
		"templates/app/0/rancher-compose.yml": Minimal["templates/app/0/rancher-compose.yml"],
		"templates/app/0/README.md":           "\xff\xfeh\x00i\x00\n\x00",
		"other-templates/x/config.yml":        "name: y\n",
	} {
		if got := read(head, p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
	if target, err := os.Readlink(filepath.Join(head, "templates", "app", "1", "README.md")); err != nil || target != filepath.FromSlash("../0/README.md") {
		t.Errorf("1/README.md: link %q, %v", target, err)
	}
	if got := read(base, "templates/app/1/rancher-compose.yml"); got != ".catalog:\n  version: 1.0.9\n" {
		t.Errorf("base file: %q", got)
	}
	if got := read(base, "templates/app/config.yml"); got != Minimal["templates/app/config.yml"] {
		t.Errorf("the base is not the minimal catalog: %q", got)
	}
	if _, err := os.Stat(filepath.Join(base, "other-templates")); err == nil {
		t.Error("a file of the revision under review is in the base")
	}

	// Files under /templates/ are the whole templates folder.
	head, _, err = WriteExample(t.TempDir(), "# /templates/web/config.yml\nname: web\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(head, "templates", "app")); err == nil {
		t.Error("the minimal template stayed beside a whole templates/ folder")
	}
	if _, _, err := WriteExample(t.TempDir(), "# config.yml\na: 1\n# config.yml\na: 2\n"); err == nil {
		t.Error("a file named twice was accepted")
	}
}
