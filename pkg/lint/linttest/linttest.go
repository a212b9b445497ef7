// Package linttest checks rules against testdata catalogs whose expected
// findings are written next to the offending line, so an expectation cannot
// drift from its example and a new case is a new folder, not new code.
//
// Layout: <dir>/<RULE-ID>/<case>/ is a catalog root (it holds templates/ or
// <kind>-templates/). A finding of RULE-ID is expected on every line that
// carries a `# want RULE-ID` comment (several IDs may follow `want`); a
// finding about a whole file or folder (line 0) is expected when the case's
// want.txt lists `<path> RULE-ID`. Only findings of the case's own rule are
// compared, so a case need not be clean for every other rule. An ID written
// `RULE-ID:severity` (`# want D001:error`) also fixes the severity of every
// finding of the rule on that line, for rules whose severity depends on the
// case.
//
// Rules that compare with a base revision (lint --base) take a case with two
// catalog roots: <case>/base/ is the catalog before the change and
// <case>/head/ after it; expectations are written in head/.
package linttest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var wantRe = regexp.MustCompile(`#\s*want((?:\s+[A-Z]+[0-9]+(?::(?:error|warning|info))?)+)`)

// Run checks every case under dir against rules.
func Run(t *testing.T, dir string, rules []*lint.Rule) {
	t.Helper()
	ids, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading testdata: %v", err)
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	ran := 0
	for _, id := range ids {
		if !id.IsDir() {
			continue
		}
		if !known[id.Name()] {
			t.Errorf("%s: no rule with ID %s among the rules under test", filepath.Join(dir, id.Name()), id.Name())
			continue
		}
		cases, err := os.ReadDir(filepath.Join(dir, id.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if !c.IsDir() {
				continue
			}
			ran++
			root := filepath.Join(dir, id.Name(), c.Name())
			t.Run(id.Name()+"/"+c.Name(), func(t *testing.T) {
				Check(t, root, id.Name(), rules)
			})
		}
	}
	if ran == 0 {
		t.Fatalf("no test cases under %s", dir)
	}
}

// key identifies an expected or actual finding.
type key struct {
	path string
	line int
	rule string
}

// Check runs rules on the catalog at root and compares the findings of rule
// id with the expectations written in the files.
func Check(t *testing.T, root, id string, rules []*lint.Rule) {
	t.Helper()
	settings := lint.Settings{}
	if st, err := os.Stat(filepath.Join(root, "base")); err == nil && st.IsDir() {
		base, err := catalog.Load(filepath.Join(root, "base"), catalog.Options{})
		if err != nil {
			t.Fatalf("load base: %v", err)
		}
		settings.Base = base
		root = filepath.Join(root, "head")
	}
	cat, err := catalog.Load(root, catalog.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", root, err)
	}
	res := lint.Run(cat, rules, settings)
	for _, e := range res.Internal {
		t.Errorf("internal error: %v", e)
	}
	want, err := expectations(root, id)
	if err != nil {
		t.Fatal(err)
	}
	got := map[key][]string{}
	for _, f := range res.Findings {
		if f.Rule.ID != id {
			continue
		}
		k := key{f.Pos.Path, f.Pos.Line, id}
		got[k] = append(got[k], f.Message)
		if sev, ok := want[k]; ok && sev != "" && sev != f.Severity.String() {
			t.Errorf("%s at %s:%d is %s, want %s: %s", id, k.path, k.line, f.Severity, sev, f.Message)
		}
	}
	for k, msgs := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected %s at %s:%d: %s", k.rule, k.path, k.line, strings.Join(msgs, " | "))
		}
	}
	var missing []string
	for k := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, fmt.Sprintf("%s:%d", k.path, k.line))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("expected %s at %s, got none", id, m)
	}
}

// expectations reads `# want` comments and want.txt under root: the lines
// where rule id is expected, with the severity written ("" for any).
func expectations(root, id string) (map[key]string, error) {
	want := map[key]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&os.ModeSymlink != 0 {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == "want.txt" {
			return readWantFile(p, id, want)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil // unreadable cases are themselves under test
		}
		for i, line := range strings.Split(string(data), "\n") {
			m := wantRe.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, r := range strings.Fields(m[1]) {
				r, sev, _ := strings.Cut(r, ":")
				if r == id {
					want[key{rel, i + 1, id}] = sev
				}
			}
		}
		return nil
	})
	return want, err
}

func readWantFile(p, id string, want map[key]string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		path, line := fields[0], 0
		if i := strings.LastIndexByte(path, ':'); i > 0 {
			if _, err := fmt.Sscanf(path[i+1:], "%d", &line); err == nil {
				path = path[:i]
			}
		}
		if r, sev, _ := strings.Cut(fields[1], ":"); r == id {
			want[key{path, line, id}] = sev
		}
	}
	return sc.Err()
}
