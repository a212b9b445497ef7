package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// writeText prints `path:line:col: severity RULE slug: message`, the source
// line with a caret under the column, and a summary.
func writeText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		loc := f.DisplayPath()
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", loc, f.Line, max(f.Col, 1))
		}
		fmt.Fprintf(bw, "%s: %s %s %s: %s\n", loc, f.Severity, f.Rule.ID, f.Rule.Slug, f.Message)
		if f.Line > 0 && strings.TrimSpace(f.Source) != "" {
			src := strings.ReplaceAll(f.Source, "\t", " ")
			fmt.Fprintf(bw, "    %s\n    %s^\n", src, strings.Repeat(" ", caretOffset(src, f.Col)))
		}
	}
	s := r.Summary
	if len(r.Findings) > 0 {
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "%s, %s, %s", plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info"))
	if s.Suppressed > 0 {
		fmt.Fprintf(bw, ", %d suppressed", s.Suppressed)
	}
	fmt.Fprintf(bw, " in %s (%s, %s)", plural(s.Files, "file"), plural(s.Templates, "template"), plural(s.Versions, "version"))
	if s.Duration > 0 {
		fmt.Fprintf(bw, ", %s", s.Duration.Round(time.Millisecond))
	}
	fmt.Fprintln(bw)
	return bw.Flush()
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
