package layout

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL009 = &lint.Rule{
	ID:       "L009",
	Slug:     "layout.stray-config",
	Severity: lint.Warning,
	Summary:  "no config.yml or catalogIcon* inside a version folder",
	Doc: "Rancher's catalog service recognizes `config.yml` and `catalogIcon*` by file name anywhere below " +
		"a template folder. A copy inside a version folder is taken as the template's metadata or icon, " +
		"competing with the real one (which wins depends on the walk order), and is not served as a file of " +
		"the version. " +
		"Warning: catalog-service (v1.6) matches these files by name anywhere below the template, so the copy silently competes with the real one.",
	Bad: `# 1/config.yml
name: nginx
# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Good: `# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Version: checkStrayConfig,
}

func checkStrayConfig(p *lint.Pass, v *catalog.Version) {
	for _, f := range v.Files {
		switch {
		case f.Name == "config.yml":
			p.Report(catalog.FilePos(f), "config.yml inside version folder %s: Rancher takes every config.yml below the template as the template's metadata, so this copy competes with %s/config.yml and is not part of the version; delete or rename it", v.Dir, v.Template.Dir)
		case strings.HasPrefix(f.Name, "catalogIcon"):
			p.Report(catalog.FilePos(f), "%s inside version folder %s: Rancher takes every catalogIcon* below the template as the template's icon, so this file competes with the icon in %s/ and is not part of the version; rename it", f.Name, v.Dir, v.Template.Dir)
		}
	}
}
