package tmpl

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// `make fuzz` runs every fuzz target of the repository: what `make
// fuzz-list` discovers is exactly the set of Fuzz functions in test files.
func TestMakeFuzzRunsEveryTarget(t *testing.T) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Fatal("make is required: apt-get install make")
	}
	cmd := exec.Command("make", "-s", "fuzz-list")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("make fuzz-list: %v", err)
	}
	got := strings.Fields(strings.ReplaceAll(string(out), "\n", " "))
	var listed []string
	for i := 0; i+1 < len(got); i += 2 {
		listed = append(listed, got[i]+" "+got[i+1])
	}

	var want []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, obj := range f.Decls {
			if fd, ok := obj.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "Fuzz") {
				rel, _ := filepath.Rel(root, filepath.Dir(p))
				want = append(want, "./"+filepath.ToSlash(rel)+" "+fd.Name.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(want)
	want = compactStrings(want)
	if strings.Join(listed, "\n") != strings.Join(want, "\n") {
		t.Errorf("make fuzz-list:\n%s\nfuzz targets in the repository:\n%s", strings.Join(listed, "\n"), strings.Join(want, "\n"))
	}
}

func compactStrings(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
