package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/catalogen/catalogen/pkg/lint"
)

// writeGitHub prints workflow commands that GitHub Actions turns into
// annotations on the pull request's changed lines.
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
		props := "file=" + escapeProperty(f.DisplayPath())
		if f.Line > 0 {
			props += fmt.Sprintf(",line=%d,col=%d", f.Line, max(f.Col, 1))
		}
		props += ",title=" + escapeProperty(f.Rule.ID+" "+f.Rule.Slug)
		fmt.Fprintf(bw, "::%s %s::%s\n", level, props, escapeData(f.Message))
	}
	return bw.Flush()
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
