package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleK006 = &lint.Rule{
	ID: "K006", Slug: "catalog.version-unique", Formerly: []string{"rc.version-unique"}, Severity: lint.Error,
	Summary: "`.catalog.version` is unique across the template's version folders",
	Doc: "catalog-service keys a template's versions by their `.catalog.version` string (the " +
		"`versionLinks` map), so two folders with the same version collide: only one of them is " +
		"offered, and which one depends on load order. A copied folder whose version was not bumped " +
		"is the usual cause. " +
		"Error: catalog-service (v1.6) keys versions by this string, so one of the folders is never offered.",
	Bad: `# 0/rancher-compose.yml
.catalog:
  version: "5.0.5"
# 1/rancher-compose.yml
.catalog:
  version: "5.0.5"   # copied from folder 0 and not changed
`,
	Good: `# 0/rancher-compose.yml
.catalog:
  version: "5.0.5"
# 1/rancher-compose.yml
.catalog:
  version: "5.0.6"
`,
	Template: checkVersionUnique,
}

func checkVersionUnique(p *lint.Pass, t *catalog.Template) {
	first := map[string]*catalog.Version{}
	for _, v := range t.Versions {
		info := catalogInfo(v)
		if info == nil {
			continue
		}
		s := info.Version
		if s == "" {
			continue
		}
		if prev, ok := first[s]; ok {
			p.Report(at(info, info.Field("version")), "version %q is already used by %s (%s): catalog-service keys versions by this string, so only one of the two is offered; give this folder a new version", s, folderRef(prev, v), prev.RancherCompose.Path)
			continue
		}
		first[s] = v
	}
}
