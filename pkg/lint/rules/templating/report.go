package templating

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// reporter drops repeats of a finding: a template line inside `range`
// renders several times, but it is one mistake to fix.
type reporter struct {
	p    *lint.Pass
	seen map[reportKey]bool
}

type reportKey struct {
	path      string
	line, col int
	what      string
}

func newReporter(p *lint.Pass) *reporter { return &reporter{p: p, seen: map[reportKey]bool{}} }

// report records a finding about construct what at pos, once.
func (r *reporter) report(pos catalog.Pos, what, format string, args ...any) {
	k := reportKey{pos.Path, pos.Line, pos.Col, what}
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	r.p.Report(pos, format, args...)
}

// reportFix is report with a fix (nil for none).
func (r *reporter) reportFix(pos catalog.Pos, what string, fix *lint.Fix, format string, args ...any) {
	k := reportKey{pos.Path, pos.Line, pos.Col, what}
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	r.p.ReportFix(pos, fix, format, args...)
}
