package lint

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// Settings adjust the rules for one run (from .catalogen.yaml).
type Settings struct {
	Disabled map[string]bool     // by rule ID
	Severity map[string]Severity // overrides by rule ID
	Workers  int
	// Base is the catalog at the base revision, for the rules that only a
	// change can break (lint --base). In that mode the findings of those
	// rules cannot be silenced by inline comments: the change under review
	// would otherwise be able to switch its own gate off.
	Base *catalog.Catalog
	// Exclude reports whether findings at a slash path (relative to the
	// catalog root) are left out of the report. Excluded files are still
	// read, so that what refers to them still finds them.
	Exclude func(path string) bool
}

// Result is the outcome of a run.
type Result struct {
	Findings   []Finding // sorted
	Suppressed int       // findings silenced by inline suppressions
	// SuppressedFindings are those findings, each with the suppression's
	// reason as Justification (SARIF reports them as suppressed results).
	SuppressedFindings []Finding
	// Excluded counts findings left out by Settings.Exclude.
	Excluded  int
	Templates int
	Versions  int
	FilesRead int
	// Internal lists rule failures (a panic in a check). They are bugs in
	// catalogen, never in the catalog; the command exits 3 when any occur.
	Internal []error
}

// Count returns how many findings have severity sev.
func (r *Result) Count(sev Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == sev {
			n++
		}
	}
	return n
}

// AtLeast reports whether any finding is at or above sev.
func (r *Result) AtLeast(sev Severity) bool {
	for _, f := range r.Findings {
		if f.Severity >= sev {
			return true
		}
	}
	return false
}

// Run checks the catalog with the enabled rules.
func Run(c *catalog.Catalog, rules []*Rule, s Settings) *Result {
	enabled := make([]*Rule, 0, len(rules))
	for _, r := range rules {
		if !s.Disabled[r.ID] {
			enabled = append(enabled, r)
		}
	}
	res := &Result{Templates: len(c.Templates), FilesRead: c.FilesRead}
	for _, t := range c.Templates {
		res.Versions += len(t.Versions)
	}

	var mu sync.Mutex
	collect := func(p *Pass, errs []error) {
		mu.Lock()
		res.Findings = append(res.Findings, p.findings...)
		res.Internal = append(res.Internal, errs...)
		mu.Unlock()
	}
	if s.Base != nil {
		// Change rules compare whole templates of two revisions.
		for _, cat := range []*catalog.Catalog{c, s.Base} {
			for _, t := range cat.Templates {
				t.Read()
			}
		}
		runChanges(c, s.Base, enabled, collect)
	}

	n := s.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	next := make(chan *catalog.Template)
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := &Pass{} // one per worker: collect copies out its findings
			for t := range next {
				t.Read() // a no-op unless the catalog streams (catalog.Options.Streaming)
				for _, r := range enabled {
					p.rule, p.findings = r, p.findings[:0]
					var errs []error
					if r.Template != nil {
						errs = append(errs, guard(r, t.Dir, func() { r.Template(p, t) })...)
					}
					if r.Version != nil {
						for _, v := range t.Versions {
							errs = append(errs, guard(r, v.Dir, func() { r.Version(p, v) })...)
						}
					}
					collect(p, errs)
				}
				t.Release()
			}
		}()
	}
	// Largest templates first, so that one with many versions (traefik has
	// 34) does not start last and keep a single worker busy at the end.
	order := slices.Clone(c.Templates)
	slices.SortStableFunc(order, func(a, b *catalog.Template) int { return len(b.Versions) - len(a.Versions) })
	for _, t := range order {
		next <- t
	}
	close(next)
	wg.Wait()

	// Catalog-wide rules run last: on a streaming catalog they see what
	// Template.Release keeps (files, read errors, `.catalog` blocks).
	for _, r := range enabled {
		if r.Catalog != nil {
			p := &Pass{rule: r}
			collect(p, guard(r, c.Root, func() { r.Catalog(p, c) }))
		}
	}

	for i := range res.Findings {
		if sev, ok := s.Severity[res.Findings[i].Rule.ID]; ok {
			res.Findings[i].Severity = sev
		}
	}
	res.Findings, res.SuppressedFindings = applySuppressions(c, res.Findings, rules, s)
	res.Suppressed = len(res.SuppressedFindings)
	if s.Exclude != nil {
		res.Findings, res.Excluded = exclude(res.Findings, s.Exclude)
		res.SuppressedFindings, _ = exclude(res.SuppressedFindings, s.Exclude)
		res.Suppressed = len(res.SuppressedFindings)
	}
	SortFindings(res.Findings)
	SortFindings(res.SuppressedFindings)
	return res
}

// exclude drops the findings whose path is excluded.
func exclude(fs []Finding, excluded func(string) bool) (kept []Finding, n int) {
	kept = fs[:0]
	for _, f := range fs {
		if f.Pos.Path != "" && excluded(f.Pos.Path) {
			n++
			continue
		}
		kept = append(kept, f)
	}
	return kept, n
}

// guard turns a panicking check into an internal error naming the rule and
// the folder, so one bug does not hide every other finding.
func guard(r *Rule, where string, f func()) (errs []error) {
	defer func() {
		if v := recover(); v != nil {
			errs = []error{fmt.Errorf("rule %s crashed on %s: %v\n%s", r.ID, where, v, debug.Stack())}
		}
	}()
	f()
	return nil
}

// runChanges pairs templates of the base and current catalogs by folder and
// runs the Change checks on every pair.
func runChanges(c, base *catalog.Catalog, rules []*Rule, collect func(*Pass, []error)) {
	type pair struct{ base, cur *catalog.Template }
	pairs := map[string]*pair{}
	var order []string
	for _, t := range base.Templates {
		pairs[t.Dir] = &pair{base: t}
		order = append(order, t.Dir)
	}
	for _, t := range c.Templates {
		if p, ok := pairs[t.Dir]; ok {
			p.cur = t
			continue
		}
		pairs[t.Dir] = &pair{cur: t}
		order = append(order, t.Dir)
	}
	for _, r := range rules {
		if r.Change == nil {
			continue
		}
		p := &Pass{rule: r}
		var errs []error
		for _, dir := range order {
			pr := pairs[dir]
			errs = append(errs, guard(r, dir, func() { r.Change(p, pr.base, pr.cur) })...)
		}
		collect(p, errs)
	}
}
