package release

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
)

var ruleR002 = &lint.Rule{
	ID: "R002", Slug: "release.version-order", Severity: lint.Error,
	Summary: "a new version does not sort above the entry's released versions",
	Doc: "Rancher offers an upgrade only to versions that sort above the deployed one under " +
		"its catalog comparator (numbers numerically, words lexically, `1.0.0-rc1` below " +
		"`1.0.0`). A new folder whose version sorts at or below a released one is never offered " +
		"as an upgrade and may show stale \"upgrade available\" notices. " +
		"Error: catalog-service (v1.6) does not offer the new version as an upgrade.",
	Bad: `# base/0/rancher-compose.yml
.catalog:
  version: 1.2.2-rancher1
# 0/rancher-compose.yml
.catalog:
  version: 1.2.2-rancher1
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: 1.1.1-rancher1   # sorts below the released 1.2.2-rancher1
`,
	Good: `# base/0/rancher-compose.yml
.catalog:
  version: 1.2.2-rancher1
# 0/rancher-compose.yml
.catalog:
  version: 1.2.2-rancher1
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: 1.2.2-rancher2
`,
	Change: func(p *lint.Pass, base, cur *catalog.Template) {
		if base == nil || cur == nil {
			return
		}
		old := released(base)
		for _, v := range cur.Versions {
			if old[v.Folder] != nil || v.Catalog == nil || v.Catalog.Version == "" {
				continue
			}
			for _, b := range base.Versions {
				bv := versionOf(b)
				if bv == "" || version.GreaterThan(v.Catalog.Version, bv) {
					continue
				}
				node := v.Catalog.Field("version")
				p.Report(v.Catalog.Doc.At(node), "new version %q does not sort above released version %q (folder %s) under Rancher's comparator, so it is never offered as an upgrade", v.Catalog.Version, bv, b.Folder)
				break
			}
		}
	},
}
