package rules_test

import (
	"bufio"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoRuleBehindAnalyses: the catalog model with its analyses
// (pkg/catalog/...) and the deployment planner (pkg/plan) depend on no rule
// package, directly or through another package of the module. What a rule
// and the planner both need to know about a stack is an analysis of the
// model, so they cannot disagree and the planner does not carry the linter.
func TestNoRuleBehindAnalyses(t *testing.T) {
	root, module := moduleRoot(t)
	starts := []string{module + "/pkg/plan"}
	err := filepath.WalkDir(filepath.Join(root, "pkg", "catalog"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			starts = append(starts, module+"/"+filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, start := range starts {
		// via records how each package of the module was reached.
		via := map[string]string{start: ""}
		queue := []string{start}
		for len(queue) > 0 {
			pkg := queue[0]
			queue = queue[1:]
			for _, imp := range moduleImports(t, root, module, pkg) {
				if _, seen := via[imp]; seen {
					continue
				}
				via[imp] = pkg
				if strings.HasPrefix(imp, rulesPkg) || imp+"/" == rulesPkg {
					chain := []string{imp}
					for p := pkg; p != ""; p = via[p] {
						chain = append([]string{p}, chain...)
					}
					t.Errorf("%s depends on a rule package: %s", start, strings.Join(chain, " -> "))
					continue
				}
				queue = append(queue, imp)
			}
		}
	}
}

// moduleRoot returns the folder holding go.mod and the module path.
func moduleRoot(t *testing.T) (string, string) {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		f, err := os.Open(filepath.Join(dir, "go.mod"))
		if err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if m, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
					return dir, strings.Trim(strings.TrimSpace(m), `"`)
				}
			}
			t.Fatalf("%s/go.mod names no module", dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// moduleImports returns the packages of the module that a package's
// non-test Go files import (for every build configuration).
func moduleImports(t *testing.T, root, module, pkg string) []string {
	t.Helper()
	dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(pkg, module)))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("package %s: %v", pkg, err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == module || strings.HasPrefix(p, module+"/") {
				out = append(out, p)
			}
		}
	}
	return out
}
