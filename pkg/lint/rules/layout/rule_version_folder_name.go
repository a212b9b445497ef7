package layout

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL005 = &lint.Rule{
	ID:       "L005",
	Slug:     "layout.version-folder-name",
	Severity: lint.Warning,
	Summary:  "sub-folders of a template are integers (or semver versions)",
	Doc: "Rancher's catalog service takes a template's sub-folder as a version when its name is an integer " +
		"(the revision) or parses as semver after trimming 'v'. Any other sub-folder, and everything in it, " +
		"is silently ignored: a version put in `latest/` or `1.0/` is never offered. " +
		"Warning: catalog-service (v1.6) silently skips such a folder, so a version meant to be offered is not.",
	Bad: `# latest/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# latest/rancher-compose.yml
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
	Template: checkVersionFolderNames,
}

func checkVersionFolderNames(p *lint.Pass, t *catalog.Template) {
	next := nextRevision(t)
	for _, name := range t.Ignored {
		if name == "config.yml" {
			continue // a folder named config.yml is L003's finding
		}
		pos := catalog.FolderPos(t.Dir + "/" + name)
		if strings.ContainsAny(name, "0123456789") {
			p.Report(pos, "folder %q is neither an integer nor a semver version, so Rancher ignores it and everything in it: rename it to the next free number, %d, or move it out of %s",
				name, next, t.Dir)
			continue
		}
		p.Report(pos, "folder %q is not a version folder (an integer or a semver version), so Rancher ignores it and everything in it: files a version needs, such as README images, go into the version folder itself", name)
	}
}
