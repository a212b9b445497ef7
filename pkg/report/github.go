package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/catalogen/catalogen/pkg/lint"
)

// writeGitHub prints workflow commands that GitHub Actions turns into
// annotations on the pull request's changed lines, then the summary as a
// plain line: the log hides workflow commands, so without it a failing step
// would show nothing.
func writeGitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		level := "notice"
		switch f.Severity {
		case lint.Error:
			level = "error"
		case lint.Warning:
			level = "warning"
		}
		props := "file=" + escapeProperty(f.AnnotationPath())
		if f.Line > 0 {
			props += fmt.Sprintf(",line=%d,col=%d", f.Line, max(f.Col, 1))
		}
		props += ",title=" + escapeProperty(f.Rule.ID+" "+f.Rule.Slug)
		msg := f.Message
		if f.Line == 0 && f.AnnotationPath() != f.DisplayPath() {
			msg = f.DisplayPath() + ": " + msg
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", level, props, escapeData(msg))
	}
	fmt.Fprintf(bw, "catalogen: %s\n", summaryLine(r, false))
	return bw.Flush()
}

// escapeData escapes a workflow command's message; control characters
// from the catalog are made visible (Clean) before GitHub's own escaping.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(cleanKeepCR(s))
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(cleanKeepCR(s))
}

// cleanKeepCR is Clean, except that a carriage return is left for GitHub's
// own %0D escape.
func cleanKeepCR(s string) string {
	parts := strings.Split(s, "\r")
	for i, p := range parts {
		parts[i] = Clean(p)
	}
	return strings.Join(parts, "\r")
}
