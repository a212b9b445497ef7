package layout

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL012 = &lint.Rule{
	ID:       "L012",
	Slug:     "layout.symlink",
	Severity: lint.Warning,
	Summary:  "the catalog holds no symbolic links",
	Doc: "Rancher's catalog service walks the catalog's regular files and skips symbolic links, so a " +
		"linked file or folder (a shared README, a version folder linked to another one) is missing in " +
		"Rancher. catalogen never follows links either. Commit a copy of the target instead. " +
		"Warning: catalog-service (v1.6) walks only regular files and silently skips links.",
	Bad: `# 0/README.md
# Nginx
# 1/README.md -> ../0/README.md
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Good: `# 0/README.md
# Nginx
# 1/README.md
# Nginx
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Catalog: checkSymlinks,
}

func checkSymlinks(p *lint.Pass, c *catalog.Catalog) {
	for _, pr := range c.Problems {
		if pr.Kind == "symlink" {
			p.Report(pr.Pos, "%s is a symbolic link, which Rancher's catalog service skips: replace it with a copy of its target", pr.Pos.Path)
		}
	}
}
