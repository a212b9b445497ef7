package lint

import (
	"cmp"
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// Finding is one problem found by a rule.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Pos      catalog.Pos
	Message  string
}

// Line returns the finding's source line text ("" when positionless).
func (f Finding) Line() string {
	if f.Pos.File == nil || f.Pos.Line < 1 {
		return ""
	}
	return f.Pos.File.Line(f.Pos.Line)
}

// SortFindings orders findings by file, line, column, rule and message, so
// output is the same from run to run whatever the parallel schedule.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Path, b.Pos.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule.ID, b.Rule.ID),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
