package metadata

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleK009 = &lint.Rule{
	ID: "K009", Slug: "catalog.upgrade-from", Formerly: []string{"rc.upgrade-from"}, Severity: lint.Error,
	Summary: "`upgrade_from` is a valid semver range, and the versions it should match are strict semver",
	Doc: "catalog-service offers an upgrade to a version with `upgrade_from` only when the running " +
		"version satisfies that range, parsed with blang/semver after dropping `v` prefixes. A range " +
		"that does not parse (error) hides the upgrade from everyone; an older version of the template " +
		"that is not strict semver (warning) can never satisfy any range, so stacks running it are " +
		"never offered this version. " +
		"Error: a range that does not parse makes catalog-service (v1.6) offer the upgrade to nobody; a warning for older versions that no range can match.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "2.0.0"
  upgrade_from: ">=1.0 <2.0"
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "2.0.0"
  upgrade_from: ">=1.0.0 <2.0.0"
`,
	Template: checkUpgradeFrom,
}

func checkUpgradeFrom(p *lint.Pass, t *catalog.Template) {
	for _, v := range t.Versions {
		info := catalogInfo(v)
		if info == nil {
			continue
		}
		n, r := upgradeFrom(info)
		if r == "" {
			continue
		}
		if _, err := version.ParseRange(r); err != nil {
			p.Report(at(info, n), "upgrade_from %q is not a semver range (%v), so catalog-service offers this version as an upgrade to nobody; write full versions with operators, e.g. \">=1.0.0 <2.0.0\"", r, err)
			continue
		}
		self := info.Version
		if self == "" {
			continue
		}
		var loose []string
		for _, w := range t.Versions {
			winfo := catalogInfo(w)
			if w == v || winfo == nil {
				continue
			}
			ws := winfo.Version
			if ws != "" && version.GreaterThan(self, ws) && !version.IsSemver(ws) {
				loose = append(loose, fmt.Sprintf("%s (folder %s)", ws, w.Folder))
			}
		}
		if len(loose) > 0 {
			p.ReportSeverity(lint.Warning, at(info, n), "upgrade_from can never match older versions that are not strict semver: %s; stacks running them are not offered this upgrade (see K010)", cutList(loose, 5))
		}
	}
}

// upgradeFrom is a version's upgrade_from node and its text; "" when it is
// absent, empty, or a collection (K004 reports that).
func upgradeFrom(info *catalog.Info) (*yaml.Node, string) {
	n := info.Field("upgrade_from")
	if yaml11.KindOf(n).IsCollection() {
		return n, ""
	}
	return n, yaml11.Text(n)
}
