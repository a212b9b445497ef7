package layout

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL006 = &lint.Rule{
	ID:       "L006",
	Slug:     "layout.rancher-compose-missing",
	Severity: lint.Error,
	Summary:  "every version folder has a rancher-compose.yml",
	Doc: "A version's metadata (`.catalog`: version, questions, Rancher version bounds) is read only from a " +
		"file named exactly `rancher-compose.yml` in the version folder; `rancher-compose.yml.tpl` is never " +
		"read for it. Rancher's catalog service silently drops a version folder without one, and the old " +
		"catalog CI fails on it. Compose files placed directly in the template folder are never read at all. " +
		"Error: catalog-service (v1.6) reads a version's metadata from rancher-compose.yml; without it the folder is dropped.",
	Bad: `# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yaml
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
	Template: checkTemplateRancherCompose,
	Version:  checkRancherComposeMissing,
}

func checkTemplateRancherCompose(p *lint.Pass, t *catalog.Template) {
	for _, f := range t.Files {
		if f.Name == "rancher-compose.yml" || f.Name == "rancher-compose.yml.tpl" {
			p.Report(catalog.FilePos(f), "%s lies directly in the template folder, where Rancher never reads it: move it into a version folder such as %s/%d/", f.Name, t.Dir, nextRevision(t))
		}
	}
	if !t.Partial && len(t.Versions) == 0 && len(t.Ignored) == 0 {
		p.Report(catalog.FolderPos(t.Dir), "template %s has no version folder, so Rancher offers nothing to deploy: add %s/0/ with rancher-compose.yml and the compose file", t.Dir, t.Dir)
	}
}

func checkRancherComposeMissing(p *lint.Pass, v *catalog.Version) {
	if v.RancherCompose != nil {
		return
	}
	files := directFiles(v)
	if f := nearMiss(files, "rancher-compose.yml", "rancher-compose.yaml"); f != nil {
		p.Report(catalog.FilePos(f), "version folder %s has no rancher-compose.yml, only %s: Rancher reads the exact name rancher-compose.yml and drops this version; rename the file", v.Dir, f.Name)
		return
	}
	if v.RancherComposeTpl != nil {
		p.Report(catalog.FilePos(v.RancherComposeTpl), "version folder %s has only rancher-compose.yml.tpl, which Rancher never reads for the .catalog metadata, so the version is dropped: name it rancher-compose.yml (Rancher's executor applies Go templating to that file as well)", v.Dir)
		return
	}
	p.Report(catalog.FolderPos(v.Dir), "version folder %s has no rancher-compose.yml: Rancher silently drops the version; add rancher-compose.yml with a .catalog block (name, version, questions)", v.Dir)
}

// nextRevision is the folder number after the highest integer folder.
func nextRevision(t *catalog.Template) int {
	next := 0
	for _, v := range t.Versions {
		if n := v.Revision(); n >= next {
			next = n + 1
		}
	}
	return next
}
