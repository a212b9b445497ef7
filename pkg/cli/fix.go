package cli

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalogdir"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/report"
)

// fileFix collects the edits for one file.
type fileFix struct {
	root  string // the catalog root as given
	file  *catalog.File
	edits []lint.Edit
	fixes []string // "RULE: what" per applied fix
}

// applyFixes applies (or, with diffOnly, prints as a diff) the fixes that
// the findings carry. Edits that overlap an earlier one in the same file are
// left for a later run. It reports whether any file changed.
func applyFixes(stdout, stderr io.Writer, lr *lintRun, diffOnly bool) (bool, error) {
	byFile := map[*catalog.File]*fileFix{}
	var order []*fileFix
	for i, res := range lr.results {
		for _, f := range res.Findings {
			if f.Fix == nil || len(f.Fix.Edits) == 0 {
				continue
			}
			// A fix's edits are applied together or not at all.
			target := f.Fix.Edits[0].File
			ff := byFile[target]
			if ff == nil {
				ff = &fileFix{root: lr.cats[i].Root, file: target}
				byFile[target] = ff
				order = append(order, ff)
			}
			if !fitsIn(ff.edits, f.Fix.Edits, target) {
				continue
			}
			ff.edits = append(ff.edits, f.Fix.Edits...)
			ff.fixes = append(ff.fixes, fmt.Sprintf("%s:%d: %s %s", f.Pos.Path, f.Pos.Line, f.Rule.ID, f.Fix.Message))
		}
	}
	total := 0
	for _, ff := range order {
		fixed := apply(ff.file.Data, ff.edits)
		name := filepath.Join(ff.root, filepath.FromSlash(ff.file.Path))
		if diffOnly {
			if _, err := io.WriteString(stdout, catalogdir.UnifiedDiff(filepath.ToSlash(name), ff.file.Data, fixed)); err != nil {
				return false, err
			}
		} else {
			if err := writeFileAtomic(name, func(w io.Writer) error { _, err := w.Write(fixed); return err }); err != nil {
				return false, withCode(ExitInternal, fmt.Errorf("fixing %s: %w", name, err))
			}
		}
		for _, s := range ff.fixes {
			verb := "fixed"
			if diffOnly {
				verb = "would fix"
			}
			fmt.Fprintf(stderr, "%s %s\n", verb, report.CleanLine(s))
		}
		total += len(ff.fixes)
	}
	if diffOnly {
		fmt.Fprintf(stderr, "%d fix(es) in %d file(s) would be applied by lint --fix\n", total, len(order))
	} else {
		fmt.Fprintf(stderr, "applied %d fix(es) in %d file(s)\n", total, len(order))
	}
	return len(order) > 0, nil
}

// fitsIn reports whether the edits all target file and overlap none of have.
func fitsIn(have, edits []lint.Edit, file *catalog.File) bool {
	for _, e := range edits {
		if e.File != file || e.Start < 0 || e.End < e.Start || e.End > len(file.Data) {
			return false
		}
		for _, h := range have {
			if e.Start < h.End && h.Start < e.End || (e.Start == e.End && e.Start == h.Start) {
				return false
			}
		}
	}
	return true
}

// apply returns data with the non-overlapping edits made.
func apply(data []byte, edits []lint.Edit) []byte {
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b lint.Edit) int { return cmp.Compare(a.Start, b.Start) })
	out := make([]byte, 0, len(data))
	at := 0
	for _, e := range sorted {
		out = append(out, data[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	return append(out, data[at:]...)
}
