package cli

import (
	"io"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/report"
)

// lintRendered lints a rendered catalog tree (slash paths relative to the
// catalog root) in memory before build writes it. It prints the findings at
// warning level and above to w and reports whether any is an error.
func lintRendered(files map[string][]byte, w io.Writer) (hasErrors bool, err error) {
	cat, err := catalog.LoadFiles(files, catalog.Options{})
	if err != nil {
		return false, err
	}
	res := lint.Run(cat, rules.All(), lint.Settings{})
	shown := res.Findings[:0:0]
	for _, f := range res.Findings {
		if f.Severity >= lint.Warning {
			shown = append(shown, f)
		}
	}
	res.Findings = shown
	if len(shown) > 0 {
		rep := &report.Report{}
		rep.Add("", res)
		if err := report.Write(w, "text", rep); err != nil {
			return false, err
		}
	}
	return res.AtLeast(lint.Error), nil
}
