// Package build is catalogen's pipeline from blueprints to a catalog folder:
// the blueprints are rendered (package render), placed into the output
// folder under the rule that released folders never change (catalogdir),
// loaded once into the catalog model (catalog) exactly as the folder will
// read after the write, linted on that model with the same rules and
// configuration as `catalogen lint`, and each new version folder gets its
// topology drawing (plan). Findings in generated files are traced back to
// what a maintainer edits: the template line or the blueprint field, once
// for all the releases it affects.
//
// build writes nothing itself; Write (and publish, for a git repository)
// applies a Result that has no failing finding.
package build

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalogdir"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/lintconfig"
	"github.com/catalogen/catalogen/pkg/plan"
	"github.com/catalogen/catalogen/pkg/render"
)

// Rendered is the blueprints rendered once; Plan places them into any
// number of output folders (publish plans again when the remote moved).
type Rendered struct {
	Catalog *render.Catalog
	owner   map[string]*blueprint.Blueprint // entry name → its blueprint
}

// Render renders the blueprints. Errors are those that stop rendering
// itself (a template that does not parse or execute, a blueprint that
// names no release); everything about the result is a lint finding.
func Render(bps []*blueprint.Blueprint) (*Rendered, error) {
	cat, err := render.Render(bps)
	if err != nil {
		return nil, err
	}
	r := &Rendered{Catalog: cat, owner: map[string]*blueprint.Blueprint{}}
	for _, bp := range bps {
		for _, e := range bp.Entries {
			r.owner[e.Name] = bp
		}
	}
	return r, nil
}

// Entries are the names of the rendered entries, the folders under
// templates/ that a build owns.
func (r *Rendered) Entries() []string {
	names := make([]string, len(r.Catalog.Entries))
	for i, e := range r.Catalog.Entries {
		names[i] = e.Name
	}
	return names
}

// Result is a planned build: the files, the model they make, and what the
// linter found in it.
type Result struct {
	Plan    *catalogdir.Plan
	Catalog *catalog.Catalog // the model of Plan.Files
	Lint    *lint.Result
	// Findings are Lint's findings traced to their sources and merged: one
	// per source place and rule.
	Findings []Finding
	// Suppressed are the findings silenced by inline suppressions, at the
	// rendered place of the suppression.
	Suppressed []Finding
	// FailLevel is the lowest severity that fails the build (the
	// configuration's fail-level, else error); FailNever is `none`.
	FailLevel lint.Severity
	FailNever bool
}

// Failed reports whether a finding fails the build.
func (r *Result) Failed() bool {
	if r.FailNever {
		return false
	}
	for _, f := range r.Findings {
		if f.Severity >= r.FailLevel {
			return true
		}
	}
	return false
}

// Plan places the rendering into the folder that ex describes and lints the
// result with cfg (nil: every rule at its default). A released folder that
// would change is a *catalogdir.ImmutableError; lint findings are in the
// Result, never an error.
func (r *Rendered) Plan(ex *catalogdir.Existing, cfg *lintconfig.Config) (*Result, error) {
	p, err := catalogdir.MakePlan(r.Catalog, ex)
	if err != nil {
		return nil, err
	}
	model, err := catalog.LoadFiles(p.Files, catalog.Options{})
	if err != nil {
		return nil, fmt.Errorf("reading the rendered catalog: %w", err)
	}
	res := &Result{Plan: p, Catalog: model, FailLevel: lint.Error}
	settings := lint.Settings{}
	if cfg != nil {
		settings = cfg.Settings
		settings.Exclude = cfg.Excluded
		switch cfg.FailLevel {
		case "":
		case "none":
			res.FailNever = true
		default:
			if sev, err := lint.ParseSeverity(cfg.FailLevel); err == nil {
				res.FailLevel = sev
			}
		}
	}
	res.Lint = lint.Run(model, rules.All(), settings)
	if len(res.Lint.Internal) > 0 {
		return nil, fmt.Errorf("linting the rendered catalog: %w", res.Lint.Internal[0])
	}
	if err := r.checkContract(p, model); err != nil {
		return nil, err
	}
	tr := newTracer(r, p)
	res.Findings = tr.merge(res.Lint.Findings)
	// Suppressions are written in the rendered files (the blueprint puts
	// them there on purpose), so suppressed findings stay where they are;
	// tracing them would render every version again for nothing.
	for _, f := range res.Lint.SuppressedFindings {
		res.Suppressed = append(res.Suppressed, Finding{Rule: f.Rule, Severity: f.Severity, Message: f.Message, Rendered: []catalog.Pos{f.Pos}, Justification: f.Justification})
	}
	if !res.Failed() {
		// A version that fails lint is not written; the findings say why,
		// and drawing it could only fail for the same reason.
		if err := r.draw(p, model); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// draw adds the topology drawing of each new version folder, from the
// model the linter read. Released folders keep the drawing they have.
func (r *Rendered) draw(p *catalogdir.Plan, model *catalog.Catalog) error {
	versions := map[string]*catalog.Version{}
	for _, t := range model.Templates {
		for _, v := range t.Versions {
			versions[v.Dir] = v
		}
	}
	// Each drawing depends on its version only: draw them side by side,
	// each into its own slot, and add them in folder order.
	svgs := make([][]byte, len(p.NewFolders))
	errs := make([]error, len(p.NewFolders))
	var wg sync.WaitGroup
	for i, nf := range p.NewFolders {
		v := versions[nf.Path]
		if v == nil || v.ComposeFile() == nil {
			continue // nothing is scheduled, or the folder did not load
		}
		wg.Go(func() {
			if svgs[i], errs[i] = plan.DiagramOf(v); errs[i] != nil {
				errs[i] = fmt.Errorf("%s: drawing %s: %w", nf.Path, render.DiagramFile, errs[i])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, nf := range p.NewFolders {
		if svgs[i] == nil {
			continue
		}
		if err := p.Add(path.Join(nf.Path, render.DiagramFile), svgs[i]); err != nil {
			return err
		}
	}
	return nil
}

// checkContract checks what the renderer promises the folder layout:
// every rendered rancher-compose.yml says, in the `.catalog` block that
// catalog-service reads, the release it was rendered for. catalogdir files
// releases by that string, so a template writing its own `.catalog` block
// would misfile the next build. (A missing block is K002's.)
func (r *Rendered) checkContract(p *catalogdir.Plan, model *catalog.Catalog) error {
	want := map[string]string{}
	for _, pl := range p.Placed {
		want[pl.Path] = pl.Version
	}
	var problems []string
	for _, t := range model.Templates {
		for _, v := range t.Versions {
			version, ok := want[v.Dir]
			if !ok || v.Catalog == nil || v.Catalog.Version == "" || v.Catalog.Version == version {
				continue
			}
			problems = append(problems, fmt.Sprintf("%s/rancher-compose.yml: .catalog.version is %q, but the folder holds release %s of entry %s: put {{ .Catalog }} at the top level of the template instead of a .catalog block of its own", v.Dir, v.Catalog.Version, version, t.Name))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// describe names a rendered version for messages: "harbor 1.4.0-rancher.1".
func describe(entry, version string) string { return entry + " " + version }
