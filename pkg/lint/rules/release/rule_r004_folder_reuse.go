package release

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleR004 = &lint.Rule{
	ID: "R004", Slug: "release.folder-reuse", Severity: lint.Error,
	Summary: "a version folder was renumbered, or a folder number reused for another version",
	Doc: "Rancher identifies a deployed version by `<catalog>:<template>:<folder>`. Moving a " +
		"released version to another folder number, or putting a different version into a " +
		"released folder number, breaks the link between running stacks and their template " +
		"version: upgrades and the UI's version list go wrong. " +
		"Error: catalog-service (v1.6) identifies versions by folder; running stacks lose their upgrade path.",
	Bad: `# base/1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# base/1/rancher-compose.yml
.catalog:
  version: "1.1.0"
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.2.0"   # folder 1 held 1.1.0 in the base revision
# 2/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 2/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Good: `# base/1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# base/1/rancher-compose.yml
.catalog:
  version: "1.1.0"
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
# 2/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 2/rancher-compose.yml
.catalog:
  version: "1.2.0"
`,
	Change: func(p *lint.Pass, base, cur *catalog.Template) {
		if base == nil || cur == nil {
			return
		}
		old := released(base)
		baseFolderOf := map[string]string{}
		for _, v := range base.Versions {
			if s := versionOf(v); s != "" {
				baseFolderOf[s] = v.Folder
			}
		}
		for _, v := range cur.Versions {
			s := versionOf(v)
			if s == "" {
				continue
			}
			pos := catalog.FolderPos(v.Dir)
			if v.Catalog != nil {
				pos = v.Catalog.Doc.At(v.Catalog.Field("version"))
			}
			if b := old[v.Folder]; b != nil {
				if bs := versionOf(b); bs != "" && bs != s {
					p.Report(pos, "folder %s held version %q in the base revision and now holds %q; folder numbers of released versions are never reused", v.Folder, bs, s)
				}
				continue
			}
			if f, ok := baseFolderOf[s]; ok && f != v.Folder {
				p.Report(pos, "version %q was released in folder %s and now appears in new folder %s; keep released versions in their folders", s, f, v.Folder)
			}
		}
	},
}
