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
	// Fix describes the fix lint --fix would apply ("" when none).
	Fix string
	// Justification is the reason of the suppression that silenced the
	// finding (only in Report.Suppressed).
	Justification string
}

// AnnotationPath is the file a finding is shown on where only files can
// carry one (GitHub annotations): a finding about a template folder goes on
// its config.yml, one about a version folder on its rancher-compose.yml.
func (f Finding) AnnotationPath() string {
	p := f.DisplayPath()
	if f.Line > 0 {
		return p
	}
	parts := strings.Split(f.File, "/")
	switch {
	case len(parts) == 2 && isTemplateTop(parts[0]):
		return path.Join(p, "config.yml")
	case len(parts) == 3 && isTemplateTop(parts[0]) && isNumber(parts[2]):
		return path.Join(p, "rancher-compose.yml")
	}
	return p
}

func isTemplateTop(s string) bool { return s == "templates" || strings.HasSuffix(s, "-templates") }

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
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
	Excluded                int // findings left out by the configuration's exclude
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

	// Suppressed are the findings silenced by inline suppressions, each
	// with its justification (SARIF reports them as suppressed results).
	Suppressed []Finding
	// FailLevel is the lowest severity that fails the run (the exit code's
	// --fail-level); FailNever is --fail-level none. JUnit marks as failures
	// exactly the findings that fail the run.
	FailLevel lint.Severity
	FailNever bool
	// Color turns on ANSI colours in the text format.
	Color bool
	// Config names the configuration file used ("" for none).
	Config string
	// BaseDir is the absolute folder that relative paths start from; SARIF
	// declares it as originalUriBaseIds' %SRCROOT%.
	BaseDir string
}

// Fails reports whether a finding fails the run.
func (r *Report) Fails(f Finding) bool { return !r.FailNever && f.Severity >= r.FailLevel }

func convert(root string, f lint.Finding) Finding {
	out := Finding{
		Root: root, File: f.Pos.Path, Line: f.Pos.Line, Col: f.Pos.Col,
		Rule: f.Rule, Severity: f.Severity, Message: f.Message, Source: f.Line(),
		Justification: f.Justification,
	}
	if f.Fix != nil {
		out.Fix = f.Fix.Message
	}
	return out
}

// Add appends a run's findings for the catalog at root.
func (r *Report) Add(root string, res *lint.Result) {
	for _, f := range res.SuppressedFindings {
		r.Suppressed = append(r.Suppressed, convert(root, f))
	}
	r.Summary.Excluded += res.Excluded
	for _, f := range res.Findings {
		r.Findings = append(r.Findings, convert(root, f))
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
	for _, f := range append(append([]Finding{}, r.Findings...), r.Suppressed...) {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
