// Package report writes lint results: text with source snippets, JSON,
// SARIF 2.1.0, GitHub workflow annotations and JUnit XML. Formatting is kept
// apart from the rules, which only produce findings.
package report

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/catalogen/catalogen/pkg/lint"
)

// Finding is a finding ready for output.
type Finding struct {
	Root     string // the catalog root as given on the command line
	File     string // slash path relative to Root
	Line     int    // 0 when the finding is about a whole file or folder
	Col      int
	Rule     *lint.Rule
	Severity lint.Severity
	Message  string
	Source   string // the source line, for snippets
}

// DisplayPath is the path a person can open: Root joined with File.
func (f Finding) DisplayPath() string {
	if f.Root == "" || f.Root == "." {
		return f.File
	}
	return path.Join(strings.ReplaceAll(f.Root, "\\", "/"), f.File)
}

// Summary counts a run.
type Summary struct {
	Errors, Warnings, Infos int
	Suppressed              int
	Files                   int
	Templates, Versions     int
	Duration                time.Duration
}

// Report is everything a format may print.
type Report struct {
	Findings []Finding
	Summary  Summary
	Rules    []*lint.Rule // every rule, for SARIF's rule table
	Tool     string       // "catalogen"
	Version  string
}

// Add appends a run's findings for the catalog at root.
func (r *Report) Add(root string, res *lint.Result) {
	for _, f := range res.Findings {
		r.Findings = append(r.Findings, Finding{
			Root: root, File: f.Pos.Path, Line: f.Pos.Line, Col: f.Pos.Col,
			Rule: f.Rule, Severity: f.Severity, Message: f.Message, Source: f.Line(),
		})
		switch f.Severity {
		case lint.Error:
			r.Summary.Errors++
		case lint.Warning:
			r.Summary.Warnings++
		default:
			r.Summary.Infos++
		}
	}
	r.Summary.Suppressed += res.Suppressed
	r.Summary.Files += res.FilesRead
	r.Summary.Templates += res.Templates
	r.Summary.Versions += res.Versions
}

// Formats lists the output formats.
var Formats = []string{"text", "json", "sarif", "github", "junit"}

// Write prints the report in format.
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "text", "":
		return writeText(w, r)
	case "json":
		return writeJSON(w, r)
	case "sarif":
		return writeSARIF(w, r)
	case "github":
		return writeGitHub(w, r)
	case "junit":
		return writeJUnit(w, r)
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// rulesUsed returns the rules that have findings, in ID order.
func rulesUsed(r *Report) []*lint.Rule {
	seen := map[*lint.Rule]bool{}
	var out []*lint.Rule
	for _, f := range r.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
