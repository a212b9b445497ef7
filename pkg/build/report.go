package build

import (
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/report"
)

// Report is the build's findings in the form every report format prints:
// each at its source (template line or blueprint field), its message
// followed by the versions it affects and where it was rendered.
func (r *Result) Report() *report.Report {
	rep := &report.Report{Tool: "catalogen", Rules: rules.All(), FailLevel: r.FailLevel, FailNever: r.FailNever}
	for _, f := range r.Findings {
		rep.Findings = append(rep.Findings, f.report())
		switch f.Severity {
		case lint.Error:
			rep.Summary.Errors++
		case lint.Warning:
			rep.Summary.Warnings++
		default:
			rep.Summary.Infos++
		}
	}
	for _, f := range r.Suppressed {
		rep.Suppressed = append(rep.Suppressed, f.report())
	}
	rep.Summary.Suppressed = len(r.Suppressed)
	rep.Summary.Excluded = r.Lint.Excluded
	rep.Summary.Files = r.Lint.FilesRead
	rep.Summary.Templates = r.Lint.Templates
	rep.Summary.Versions = r.Lint.Versions
	return rep
}

func (f Finding) report() report.Finding {
	out := report.Finding{Rule: f.Rule, Severity: f.Severity, Justification: f.Justification}
	if f.Source.File == "" {
		at := f.Rendered[0]
		out.File, out.Line, out.Col, out.Message = at.Path, at.Line, at.Col, f.Message
		if at.File != nil && at.Line > 0 {
			out.Source = at.File.Line(at.Line)
		}
		return out
	}
	out.File, out.Line, out.Col, out.Source = f.Source.File, f.Source.Line, f.Col, f.SourceLine
	out.Message = f.Message + " ("
	if f.Source.Field != "" {
		out.Message += "blueprint " + f.Source.Field + "; "
	}
	out.Message += f.Where() + ")"
	return out
}
