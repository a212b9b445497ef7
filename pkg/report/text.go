package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/catalogen/catalogen/pkg/lint"
)

// ANSI SGR sequences of the text format, as linters commonly use them.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiRed     = "\x1b[31m"
	ansiYellow  = "\x1b[33m"
	ansiCyan    = "\x1b[36m"
	ansiGreen   = "\x1b[32m"
	ansiDim     = "\x1b[2m"
	ansiMagenta = "\x1b[35m"
)

type painter bool

func (p painter) paint(code, s string) string {
	if !p || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (p painter) severity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return p.paint(ansiBold+ansiRed, s.String())
	case lint.Warning:
		return p.paint(ansiBold+ansiYellow, s.String())
	}
	return p.paint(ansiCyan, s.String())
}

// writeText prints `path:line:col: severity RULE slug: message`, the source
// line with a caret under the column, and a summary. Text from the catalog
// is printed escaped (Clean), with or without colours.
func writeText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := painter(r.Color)
	for _, f := range r.Findings {
		loc := CleanLine(f.DisplayPath())
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", loc, f.Line, max(f.Col, 1))
		}
		fmt.Fprintf(bw, "%s: %s %s %s: %s\n", p.paint(ansiBold, loc), p.severity(f.Severity), p.paint(ansiMagenta, f.Rule.ID), p.paint(ansiDim, f.Rule.Slug), Clean(f.Message))
		if f.Line > 0 && strings.TrimSpace(f.Source) != "" {
			raw := strings.ReplaceAll(f.Source, "\t", " ")
			src := CleanLine(raw)
			// The caret stays under the column: count what precedes it
			// as printed, escapes included.
			col := len(CleanLine(raw[:min(max(f.Col, 1)-1, len(raw))])) + 1
			fmt.Fprintf(bw, "    %s\n    %s%s\n", src, strings.Repeat(" ", caretOffset(src, col)), p.paint(ansiBold+ansiGreen, "^"))
		}
		if f.Fix != "" {
			fmt.Fprintf(bw, "    %s %s\n", p.paint(ansiGreen, "fixable:"), Clean(f.Fix))
		}
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(bw)
	}
	fmt.Fprintln(bw, summaryLine(r, true))
	return bw.Flush()
}

// summaryLine is the run's one-line summary, shared by the text and GitHub
// formats.
func summaryLine(r *Report, withDuration bool) string {
	var b strings.Builder
	s := r.Summary
	fmt.Fprintf(&b, "%s, %s, %s", plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info"))
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, ", %d suppressed", s.Suppressed)
	}
	if s.Excluded > 0 {
		fmt.Fprintf(&b, ", %d excluded", s.Excluded)
	}
	fmt.Fprintf(&b, " in %s (%s, %s)", plural(s.Files, "file"), plural(s.Templates, "template"), plural(s.Versions, "version"))
	if withDuration && s.Duration > 0 {
		fmt.Fprintf(&b, ", %s", s.Duration.Round(time.Millisecond))
	}
	return b.String()
}

// caretOffset is the display column (in runes) of a 1-based byte column.
func caretOffset(line string, col int) int {
	if col <= 1 {
		return 0
	}
	if col-1 > len(line) {
		col = len(line) + 1
	}
	return utf8.RuneCountInString(line[:col-1])
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if word == "info" {
		return fmt.Sprintf("%d infos", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
