package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
)

var ruleK012 = &lint.Rule{
	ID: "K012", Slug: "catalog.upgrade-from-matches", Formerly: []string{"rc.upgrade-from-matches"}, Severity: lint.Warning,
	Summary: "`upgrade_from` matches at least one older version of the template",
	Doc: "catalog-service (Rancher 1.6) offers a version that has `upgrade_from` only to stacks running a " +
		"version in that range. A range that matches none of the template's other versions, a typo in a bound " +
		"or a range copied from another template, offers the upgrade to nobody, silently: stacks stay on their " +
		"version. Warning: the setting has no effect.",
	Bad: `# 0/rancher-compose.yml
.catalog:
  version: "1.0.0"
# 1/rancher-compose.yml
.catalog:
  version: "2.0.0"
  upgrade_from: ">=3.0.0"
`,
	Good: `# 0/rancher-compose.yml
.catalog:
  version: "1.0.0"
# 1/rancher-compose.yml
.catalog:
  version: "2.0.0"
  upgrade_from: ">=1.0.0 <2.0.0"
`,
	Template: checkUpgradeFromMatches,
}

func checkUpgradeFromMatches(p *lint.Pass, t *catalog.Template) {
	if t.Partial {
		return
	}
	for _, v := range t.Versions {
		info := catalogInfo(v)
		if info == nil {
			continue
		}
		n, r := upgradeFrom(info)
		if r == "" {
			continue
		}
		in, err := version.ParseRange(r)
		if err != nil {
			continue // K009
		}
		self := info.Version
		matched := false
		for _, w := range t.Versions {
			winfo := catalogInfo(w)
			if w == v || winfo == nil {
				continue
			}
			if ws := winfo.Version; ws != "" && ws != self && in(ws) {
				matched = true
				break
			}
		}
		if !matched {
			p.Report(at(info, n), "upgrade_from %q matches none of the other versions of %s, so catalog-service offers this version as an upgrade to no running stack; widen the range to the versions it upgrades from", r, t.Name)
		}
	}
}
