package lint

import (
	"fmt"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// Pass is what a rule's check reports through.
type Pass struct {
	rule     *Rule
	findings []Finding
}

// Rule is the rule being run.
func (p *Pass) Rule() *Rule { return p.rule }

// Report records a finding at the rule's default severity.
func (p *Pass) Report(pos catalog.Pos, format string, args ...any) {
	p.ReportSeverity(p.rule.Severity, pos, format, args...)
}

// ReportSeverity records a finding at an explicit severity, for rules whose
// severity depends on the case (the specification gives some rules two).
func (p *Pass) ReportSeverity(sev Severity, pos catalog.Pos, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	p.findings = append(p.findings, Finding{Rule: p.rule, Severity: sev, Pos: pos, Message: msg})
}
