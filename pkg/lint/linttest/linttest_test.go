package linttest

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

func TestParseWant(t *testing.T) {
	good := map[string]string{
		`S004`:                      `S004`,
		`D001:error`:                `D001:error`,
		`S004:12 "sidekick of app"`: `S004:12 "sidekick of app"`,
		`D001:error:5 "re"`:         `D001:error:5 "re"`,
		`D001:5:error "re"`:         `D001:error:5 "re"`,
		"T008 T008":                 "T008 T008",
		"S004:3 `a\\.b` S005":       `S004:3 "a\\.b" S005`,
		`I001:7 "\"x\""`:            `I001:7 "\"x\""`,
	}
	for in, want := range good {
		items, err := ParseWant(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		var got []string
		for _, it := range items {
			got = append(got, it.String())
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s: parsed as %s, want %s", in, g, want)
		}
	}
	for _, bad := range []string{
		`S004:12 "unterminated`,
		`S004:bogus`,
		`S004:0`,
		`S004 "("`,
		`S004 ""`,
		`S004 -- why`,
		`S004x`,
	} {
		if _, err := ParseWant(bad); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

// TestCompare: a wrong column, severity or message fails, and so does a
// finding that no expectation accounts for.
func TestCompare(t *testing.T) {
	rule := &lint.Rule{ID: "X001"}
	finding := func(line, col int, sev lint.Severity, msg string) lint.Finding {
		return lint.Finding{Rule: rule, Severity: sev, Pos: catalog.Pos{Path: "f.yml", Line: line, Col: col}, Message: msg}
	}
	got := []lint.Finding{
		finding(3, 5, lint.Error, "service web names db, which is not a sidekick"),
		finding(3, 9, lint.Error, "service web names cache, which is not a sidekick"),
		finding(7, 2, lint.Warning, "unused"),
	}
	cases := []struct {
		name  string
		wants map[int]string // line → want text
		fail  bool
	}{
		{"rule only", map[int]string{3: "X001", 7: "X001"}, false},
		{"columns and messages", map[int]string{3: `X001:9 "cache" X001:5 "names db,"`, 7: `X001:warning:2 "^unused$"`}, false},
		{"wrong column", map[int]string{3: "X001:5 X001:8", 7: "X001"}, true},
		{"wrong message", map[int]string{3: `X001 "db" X001 "redis"`, 7: "X001"}, true},
		{"wrong severity", map[int]string{3: "X001", 7: "X001:error"}, true},
		{"one message for two findings", map[int]string{3: `X001 "sidekick"`, 7: "X001"}, true},
		{"missing line", map[int]string{3: "X001"}, true},
		{"extra line", map[int]string{3: "X001", 7: "X001", 8: "X001"}, true},
	}
	for _, c := range cases {
		wants := map[place][]*want{}
		for line, text := range c.wants {
			items, err := ParseWant(text)
			if err != nil {
				t.Fatal(err)
			}
			add(wants, place{"f.yml", line}, "X001", items)
		}
		errs := compare("X001", wants, got)
		if failed := len(errs) > 0; failed != c.fail {
			t.Errorf("%s: failed=%v, want %v: %s", c.name, failed, c.fail, strings.Join(errs, "; "))
		}
	}
}
