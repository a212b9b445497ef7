// Package lint runs rules over a loaded catalog and collects findings.
//
// A rule is a value: an ID in the scheme of the catalog specification
// ("S004"), a slug ("sidekick.volumes-from"), a default severity, a short doc
// with a bad and a good example, and the checks it runs at the catalog,
// template or version level. The registry of rules (package rules) is the one
// source for the `rules` command, the SARIF rule table, the config file's rule
// names and docs/rules.md.
//
// A slug is `<family>.<what-it-checks>`, lower case, and the family word is
// fixed by the ID's letters: L layout, C config, K catalog (the `.catalog`
// block), Q question, T template, I interpolation, D compose, S sidekick,
// B label, V volume, LB lb, TR traefik, TP topology, R release, CG catalogen.
// Wherever a rule is named (configuration, suppressions, `catalogen rules
// show`), its ID, its slug or a former slug is accepted in any case.
package lint

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// Severity orders findings; higher is worse.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "info", "warning"/"warn" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q: use info, warning or error", s)
}

// Rule is one check.
type Rule struct {
	ID   string // "S004"
	Slug string // "sidekick.volumes-from": <family>.<what-it-checks>
	// Formerly lists slugs the rule had before; configuration files and
	// inline suppressions written with them keep working.
	Formerly []string
	Severity Severity // default severity
	Summary  string   // one line: what it checks
	Doc      string   // why it matters, in Rancher's terms
	// Bad is an example that is reported and Good the example fixed:
	// files of a catalog, written as linttest.WriteExample reads them (a
	// line `# <path>` starts a file; without one, docker-compose.yml), so
	// that a test lints every rule's examples.
	Bad  string
	Good string
	// Fixable says that the rule attaches a mechanical, safe Fix to its
	// findings (lint --fix); `catalogen rules` lists it.
	Fixable bool

	// Checks; a rule sets those it needs.
	Catalog  func(p *Pass, c *catalog.Catalog)
	Template func(p *Pass, t *catalog.Template)
	Version  func(p *Pass, v *catalog.Version)
	// Change compares a template with the same template at a base revision
	// (lint --base). Either side is nil when the template was added or
	// removed. It runs only when Settings.Base is set.
	Change func(p *Pass, base, cur *catalog.Template)
}

// Names are the names the rule answers to: ID, slug and former slugs.
func (r *Rule) Names() []string {
	return append([]string{r.ID, r.Slug}, r.Formerly...)
}

// Named reports whether name designates the rule: its ID, its slug or a
// former slug, in any case ("s004", "Sidekick.Volumes-From").
func (r *Rule) Named(name string) bool {
	if strings.EqualFold(name, r.ID) || strings.EqualFold(name, r.Slug) {
		return true
	}
	for _, old := range r.Formerly {
		if strings.EqualFold(name, old) {
			return true
		}
	}
	return false
}

// Name is "ID slug".
func (r *Rule) Name() string { return r.ID + " " + r.Slug }
