package release

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleR003 = &lint.Rule{
	ID: "R003", Slug: "release.default-version", Severity: lint.Warning,
	Summary: "config.yml's default version still points at an older release after a newer one was added",
	Doc: "The UI preselects config.yml's `version` when a user deploys the entry. When a " +
		"change adds a newer version but leaves the default alone, new deployments keep getting " +
		"the old release. Bump the default, or suppress this with a reason when the new version " +
		"is deliberately not the default yet. " +
		"Warning: new deployments silently get the older version.",
	Bad: `# config.yml
name: app
version: "1.0.0"   # a 1.1.0 folder was just added
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Good: `# config.yml
name: app
version: "1.1.0"
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Change: func(p *lint.Pass, base, cur *catalog.Template) {
		if base == nil || cur == nil || cur.Config == nil || cur.Config.Doc == nil {
			return
		}
		key, val := yamlnode.Get(cur.Config.Doc, "version")
		if key == nil || val == nil {
			return
		}
		def := val.Value
		if base.Config != nil && base.Config.Doc != nil {
			if old, ok := yamlnode.Scalar(base.Config.Doc, "version"); ok && old != def {
				return // the change already moved the default
			}
		}
		old := released(base)
		newest := ""
		for _, v := range cur.Versions {
			if old[v.Folder] == nil && version.GreaterThan(versionOf(v), def) && (newest == "" || version.GreaterThan(versionOf(v), newest)) {
				newest = versionOf(v)
			}
		}
		if newest != "" {
			doc := &catalog.Doc{File: cur.Config, Root: cur.Config.Doc}
			p.Report(doc.At(val), "default version %q is older than the newly added %q; set `version: %q` if the new release should be the default", def, newest, newest)
		}
	},
}
