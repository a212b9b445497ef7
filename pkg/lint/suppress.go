package lint

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// UnusedSuppression reports inline suppressions that silence nothing, so
// stale ones do not pile up.
var UnusedSuppression = &Rule{
	ID: "CG001", Slug: "catalogen.unused-suppression", Severity: Warning,
	Summary: "an inline `# catalogen:ignore` comment matches no finding",
	Doc:     "A suppression that silences nothing is stale: the problem was fixed or the rule name is wrong. Remove it. Warning: nothing breaks, but a stale suppression would silence the problem if it came back.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25  # catalogen:ignore D005 -- pinned by digest elsewhere`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25`,
}

// BadSuppression reports suppressions that cannot be honoured.
var BadSuppression = &Rule{
	ID: "CG002", Slug: "catalogen.bad-suppression", Severity: Error,
	Summary: "an inline suppression names no known rule or gives no reason",
	Doc:     "Suppressions are `# catalogen:ignore RULE -- reason` (on the line or the line above) or `# catalogen:ignore-file RULE -- reason`. The reason is required so reviewers know why the finding is fine; RULE is an ID (D005) or slug (compose.image-tag). Error: catalogen cannot honour the suppression, so the finding it was meant for is still reported.",
	Bad: `version: '2'
services:
  web:
    image: busybox  # catalogen:ignore D005`,
	Good: `version: '2'
services:
  web:
    image: busybox  # catalogen:ignore D005 -- the entrypoint script pins its own version`,
}

type suppressionUse struct {
	file *catalog.File
	s    *catalog.Suppression
	used bool
}

func applySuppressions(c *catalog.Catalog, findings []Finding, rules []*Rule, s Settings) (kept, suppressed []Finding) {
	byName := map[string]*Rule{} // lower-cased ID, slug and former slugs
	for _, r := range rules {
		for _, n := range r.Names() {
			byName[strings.ToLower(n)] = r
		}
	}
	// Index every file's suppressions once.
	uses := map[*catalog.File][]*suppressionUse{}
	var order []*suppressionUse
	var bad []Finding
	visit := func(f *catalog.File) {
		for i := range f.Suppressions {
			sup := &f.Suppressions[i]
			if sup.Malformed != "" {
				bad = append(bad, Finding{Rule: BadSuppression, Severity: BadSuppression.Severity, Pos: catalog.LinePos(f, sup.Line, sup.Col), Message: "suppression " + sup.Malformed})
				continue
			}
			ok := true
			for _, name := range sup.Rules {
				if byName[strings.ToLower(name)] == nil {
					bad = append(bad, Finding{Rule: BadSuppression, Severity: BadSuppression.Severity, Pos: catalog.LinePos(f, sup.Line, sup.Col), Message: fmt.Sprintf("suppression names unknown rule %q (see `catalogen rules`)", name)})
					ok = false
				}
			}
			if ok {
				u := &suppressionUse{file: f, s: sup}
				uses[f] = append(uses[f], u)
				order = append(order, u)
			}
		}
	}
	eachFile(c, visit)

	kept = findings[:0:0]
	for _, f := range findings {
		if s.Base != nil && f.Rule.Change != nil {
			kept = append(kept, f)
			continue
		}
		if u := match(uses[f.Pos.File], f, byName); u != nil {
			u.used = true
			f.Justification = u.s.Reason
			suppressed = append(suppressed, f)
			continue
		}
		kept = append(kept, f)
	}
	if !s.Disabled[UnusedSuppression.ID] {
		for _, u := range order {
			if !u.used {
				kept = append(kept, Finding{Rule: UnusedSuppression, Severity: severityOf(UnusedSuppression, s), Pos: catalog.LinePos(u.file, u.s.Line, u.s.Col), Message: fmt.Sprintf("suppression of %v matches no finding; remove it", u.s.Rules)})
			}
		}
	}
	if !s.Disabled[BadSuppression.ID] {
		for _, b := range bad {
			b.Severity = severityOf(BadSuppression, s)
			kept = append(kept, b)
		}
	}
	return kept, suppressed
}

func severityOf(r *Rule, s Settings) Severity {
	if sev, ok := s.Severity[r.ID]; ok {
		return sev
	}
	return r.Severity
}

func match(list []*suppressionUse, f Finding, byName map[string]*Rule) *suppressionUse {
	for _, u := range list {
		if !u.s.File && u.s.Line != f.Pos.Line && u.s.Line != f.Pos.Line-1 {
			continue
		}
		for _, name := range u.s.Rules {
			if byName[strings.ToLower(name)] == f.Rule {
				return u
			}
		}
	}
	return nil
}

func eachFile(c *catalog.Catalog, fn func(*catalog.File)) {
	for _, f := range c.Stray {
		fn(f)
	}
	for _, t := range c.Templates {
		for _, list := range [][]*catalog.File{{t.Config, t.Readme}, t.Icons, t.Files} {
			for _, f := range list {
				if f != nil {
					fn(f)
				}
			}
		}
		for _, v := range t.Versions {
			for _, f := range v.Files {
				fn(f)
			}
		}
	}
}
