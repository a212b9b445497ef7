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
	// Fix, when set, is a mechanical and safe change that resolves the
	// finding (`lint --fix`). Rules attach it; only the command applies it.
	Fix *Fix
	// Justification is the reason of the inline suppression that silenced
	// the finding (set only on Result.SuppressedFindings).
	Justification string
}

// Fix is a change to one file's source, as byte edits on File.Data. It is
// data, like go/analysis' SuggestedFix: rules describe it, the command
// decides whether to apply or only show it.
type Fix struct {
	Message string // what the fix does: "quote the version"
	Edits   []Edit
}

// Edit replaces Data[Start:End] of File with New.
type Edit struct {
	File       *catalog.File
	Start, End int
	New        string
}

// LineEdit is an edit of line (1-based) of f from byte column col (1-based)
// over n bytes; it reports false when the line or range does not exist.
func LineEdit(f *catalog.File, line, col, n int, repl string) (Edit, bool) {
	if f == nil || f.Data == nil || line < 1 || col < 1 {
		return Edit{}, false
	}
	start := 0
	for l := 1; l < line; l++ {
		i := slices.Index(f.Data[start:], '\n')
		if i < 0 {
			return Edit{}, false
		}
		start += i + 1
	}
	end := len(f.Data)
	if i := slices.Index(f.Data[start:], '\n'); i >= 0 {
		end = start + i
	}
	s := start + col - 1
	if s > end || s+n > end {
		return Edit{}, false
	}
	return Edit{File: f, Start: s, End: s + n, New: repl}, true
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

// ReportFix records a finding at the rule's default severity with a fix.
// A nil fix is the same as Report.
func (p *Pass) ReportFix(pos catalog.Pos, fix *Fix, format string, args ...any) {
	p.Report(pos, format, args...)
	p.findings[len(p.findings)-1].Fix = fix
}

// ReplaceFix is a fix that replaces the text old, found in pos's file at
// pos, with repl. It is nil when the source at pos is not old (a position
// mapped from rendered text, a value written differently), so that a rule
// can only offer a fix it has checked against the bytes on disk.
func ReplaceFix(pos catalog.Pos, old, repl, msg string) *Fix {
	e, ok := LineEdit(pos.File, pos.Line, pos.Col, len(old), repl)
	if !ok || string(pos.File.Data[e.Start:e.End]) != old {
		return nil
	}
	return &Fix{Message: msg, Edits: []Edit{e}}
}

// InsertFix is a fix that inserts text at the start of file f.
func InsertFix(f *catalog.File, text, msg string) *Fix {
	if f == nil || f.Data == nil {
		return nil
	}
	return &Fix{Message: msg, Edits: []Edit{{File: f, Start: 0, End: 0, New: text}}}
}
