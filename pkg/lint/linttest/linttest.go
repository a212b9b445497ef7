// Package linttest checks rules against testdata catalogs whose expected
// findings are written next to the offending line, so an expectation cannot
// drift from its example and a new case is a new folder, not new code.
//
// Layout: <dir>/<RULE-ID>/<case>/ is a catalog root (it holds templates/ or
// <kind>-templates/). Only findings of the case's own rule are compared, so
// a case need not be clean for every other rule.
//
// A finding is expected on a line that carries a `# want` comment, and a
// finding about a whole file or folder (line 0), or on a line that cannot
// carry a comment, when the case's want.txt has a line `<path>[:line]`
// followed by the same expectations. The grammar, after `want`:
//
//	want     = item { item }
//	item     = rule-id { ":" ( severity | column ) } [ message ]
//	severity = "error" | "warning" | "info"
//	column   = decimal number, the finding's 1-based column
//	message  = a Go string literal, "..." or `...`: a regular expression
//	           that the finding's message must match
//
// For example `# want S004`, `# want D001:error`, `# want S004:12 "sidekick
// of app"` or `# want D001:error:5 "version"`. An item with a message
// stands for exactly one finding (write the item twice for two findings on
// the line); an item without one stands for every finding of the rule on
// the line that has its severity and column. Every finding must be matched
// by an item and every item must match a finding: a wrong column, severity
// or message fails the test, naming what was found instead.
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
	"strconv"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// wantRe finds a `# want` comment whose first word is a rule ID.
var wantRe = regexp.MustCompile(`#\s*want\s+([A-Z]+[0-9]+\b.*)$`)

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

// want is one expectation.
type want struct {
	path string
	line int
	sev  string         // "" for any
	col  int            // 0 for any
	msg  *regexp.Regexp // nil for any
	text string         // as written
	hits int
}

// matches reports whether finding f satisfies the expectation.
func (w *want) matches(f lint.Finding) bool {
	return (w.sev == "" || w.sev == f.Severity.String()) &&
		(w.col == 0 || w.col == f.Pos.Col) &&
		(w.msg == nil || w.msg.MatchString(f.Message))
}

type place struct {
	path string
	line int
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
	wants, err := expectations(root, id)
	if err != nil {
		t.Fatal(err)
	}
	var got []lint.Finding
	for _, f := range res.Findings {
		if f.Rule.ID == id {
			got = append(got, f)
		}
	}
	for _, e := range compare(id, wants, got) {
		t.Error(e)
	}
}

// compare matches findings with expectations and describes every mismatch.
// A finding first takes an unused expectation with a message, then an
// expectation without one (an unused one first, so that `# want T008 T008`
// asks for two findings).
func compare(id string, wants map[place][]*want, got []lint.Finding) []string {
	var errs []string
	byPlace := map[place][]lint.Finding{}
	for _, f := range got {
		at := place{f.Pos.Path, f.Pos.Line}
		byPlace[at] = append(byPlace[at], f)
		var hit *want
		for _, w := range wants[at] {
			if w.msg != nil && w.hits == 0 && w.matches(f) {
				hit = w
				break
			}
		}
		if hit == nil {
			for _, w := range wants[at] {
				if w.msg == nil && w.matches(f) && (hit == nil || hit.hits > 0 && w.hits == 0) {
					hit = w
				}
			}
		}
		if hit == nil {
			errs = append(errs, fmt.Sprintf("unexpected %s at %s: %s: %s", id, where(f.Pos.Path, f.Pos.Line, f.Pos.Col), f.Severity, f.Message))
			continue
		}
		hit.hits++
	}
	for at, ws := range wants {
		for _, w := range ws {
			if w.hits > 0 {
				continue
			}
			msg := fmt.Sprintf("expected %s at %s, got none", w.text, where(at.path, at.line, 0))
			if others := byPlace[at]; len(others) > 0 {
				var found []string
				for _, f := range others {
					found = append(found, fmt.Sprintf("%s %s: %s", where(f.Pos.Path, f.Pos.Line, f.Pos.Col), f.Severity, f.Message))
				}
				msg = fmt.Sprintf("expected %s at %s; found instead: %s", w.text, where(at.path, at.line, 0), strings.Join(found, " | "))
			}
			errs = append(errs, msg)
		}
	}
	sort.Strings(errs)
	return errs
}

func where(path string, line, col int) string {
	switch {
	case line == 0:
		return path
	case col == 0:
		return fmt.Sprintf("%s:%d", path, line)
	}
	return fmt.Sprintf("%s:%d:%d", path, line, col)
}

// expectations reads `# want` comments and want.txt under root: the
// expectations for rule id, by place.
func expectations(root, id string) (map[place][]*want, error) {
	wants := map[place][]*want{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&os.ModeSymlink != 0 {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == "want.txt" {
			return readWantFile(p, id, wants)
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
			items, err := ParseWant(m[1])
			if err != nil {
				return fmt.Errorf("%s:%d: %v", p, i+1, err)
			}
			add(wants, place{rel, i + 1}, id, items)
		}
		return nil
	})
	return wants, err
}

func add(wants map[place][]*want, at place, id string, items []Item) {
	for _, it := range items {
		if it.Rule != id {
			continue
		}
		w := &want{path: at.path, line: at.line, sev: it.Severity, col: it.Col, text: it.String()}
		if it.Message != "" {
			w.msg = regexp.MustCompile(it.Message) // ParseWant compiled it
		}
		wants[at] = append(wants[at], w)
	}
}

func readWantFile(p, id string, wants map[place][]*want) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		path, rest, _ := strings.Cut(text, " ")
		line := 0
		if i := strings.LastIndexByte(path, ':'); i > 0 {
			if l, err := strconv.Atoi(path[i+1:]); err == nil {
				path, line = path[:i], l
			}
		}
		items, err := ParseWant(rest)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", p, n, err)
		}
		add(wants, place{path, line}, id, items)
	}
	return sc.Err()
}

// Item is one expectation of a `# want` comment or a want.txt line.
type Item struct {
	Rule     string // "S004"
	Severity string // "" for any
	Col      int    // 0 for any
	Message  string // a regular expression; "" for any
}

func (it Item) String() string {
	s := it.Rule
	if it.Severity != "" {
		s += ":" + it.Severity
	}
	if it.Col != 0 {
		s += ":" + strconv.Itoa(it.Col)
	}
	if it.Message != "" {
		s += " " + strconv.Quote(it.Message)
	}
	return s
}

var itemRe = regexp.MustCompile(`^([A-Z]+[0-9]+)((?::[a-z0-9]+)*)`)

// ParseWant reads the expectations that follow `want` (see the package doc).
func ParseWant(s string) ([]Item, error) {
	var items []Item
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" || strings.HasPrefix(s, "\r") {
			break
		}
		m := itemRe.FindStringSubmatch(s)
		if m == nil {
			return nil, fmt.Errorf("want: %q is not RULE[:severity][:column] [\"message regexp\"]", s)
		}
		s = s[len(m[0]):]
		it := Item{Rule: m[1]}
		for _, part := range strings.Split(m[2], ":")[1:] {
			if col, err := strconv.Atoi(part); err == nil && col > 0 {
				it.Col = col
				continue
			}
			if _, err := lint.ParseSeverity(part); err == nil && part != "warn" {
				it.Severity = part
				continue
			}
			return nil, fmt.Errorf("want %s: %q is neither a severity (error, warning, info) nor a column", it.Rule, part)
		}
		if len(s) > 0 && s[0] != ' ' && s[0] != '\t' && s[0] != '\r' {
			return nil, fmt.Errorf("want %s: unexpected %q", m[0], s)
		}
		if t := strings.TrimLeft(s, " \t"); strings.HasPrefix(t, `"`) || strings.HasPrefix(t, "`") {
			lit, err := strconv.QuotedPrefix(t)
			if err != nil {
				return nil, fmt.Errorf("want %s: the message is not a Go string literal: %s", m[0], t)
			}
			re, _ := strconv.Unquote(lit)
			if _, err := regexp.Compile(re); err != nil {
				return nil, fmt.Errorf("want %s: %v", m[0], err)
			}
			if re == "" {
				return nil, fmt.Errorf("want %s: empty message regexp", m[0])
			}
			it.Message = re
			s = t[len(lit):]
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("want: no rule ID")
	}
	return items, nil
}
