package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const rulesPkg = "github.com/catalogen/catalogen/pkg/lint/rules/"

// families are the rule family folders beside this test.
func families(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "testdata" && e.Name() != "internal" {
			out = append(out, e.Name())
		}
	}
	if len(out) == 0 {
		t.Fatal("no rule families found")
	}
	return out
}

// parseFamily parses every Go file of a family, tests included.
func parseFamily(t *testing.T, family string) map[string]*ast.File {
	t.Helper()
	files := map[string]*ast.File{}
	err := filepath.WalkDir(family, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(p)] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestFamiliesStandAlone: a family reads the catalog model and the analyses
// attached to it (package catalog and below), never another family's
// package; what two families share belongs next to the model.
func TestFamiliesStandAlone(t *testing.T) {
	for _, fam := range families(t) {
		for path, f := range parseFamily(t, fam) {
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				rest, ok := strings.CutPrefix(p, rulesPkg)
				if !ok {
					continue
				}
				if top, _, _ := strings.Cut(rest, "/"); top != fam && top != "internal" {
					t.Errorf("%s imports %s: family %s must not depend on family %s", path, p, fam, top)
				}
			}
		}
	}
}

// TestOneRulePerFile: each rule_*.go file declares exactly one rule, and no
// other file declares any, so a rule is found by its file name.
func TestOneRulePerFile(t *testing.T) {
	for _, fam := range families(t) {
		for path, f := range parseFamily(t, fam) {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			n := 0
			ast.Inspect(f, func(node ast.Node) bool {
				if lit, ok := node.(*ast.CompositeLit); ok {
					if sel, ok := lit.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Rule" {
						if x, ok := sel.X.(*ast.Ident); ok && x.Name == "lint" {
							n++
						}
					}
				}
				return true
			})
			isRuleFile := strings.HasPrefix(filepath.Base(path), "rule_")
			switch {
			case isRuleFile && n != 1:
				t.Errorf("%s declares %d rules, want exactly one", path, n)
			case !isRuleFile && n != 0:
				t.Errorf("%s declares %d rules: a rule lives in its own rule_*.go file", path, n)
			}
		}
	}
}
