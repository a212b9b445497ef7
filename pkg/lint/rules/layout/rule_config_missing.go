package layout

import (
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL003 = &lint.Rule{
	ID:       "L003",
	Slug:     "layout.config-missing",
	Severity: lint.Error,
	Summary:  "every template folder has a config.yml",
	Doc: "Rancher's catalog service takes a template's name, default version, category and description from " +
		"`config.yml`, matched by its exact file name. Without it the template is listed without a name and " +
		"without a default version, and the catalog CI rejects it. " +
		"Error: catalog-service (v1.6) builds a template from its config.yml; without one the template is not listed.",
	Bad: `# /templates/nginx/catalogIcon-nginx.svg
# /templates/nginx/0/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# /templates/nginx/0/rancher-compose.yml
.catalog:
  version: "1.25.3"
`,
	Good: `# /templates/nginx/config.yml
name: nginx
description: Web server and reverse proxy
version: "1.25.3"
category: Web
# /templates/nginx/catalogIcon-nginx.svg
# /templates/nginx/0/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# /templates/nginx/0/rancher-compose.yml
.catalog:
  version: "1.25.3"
`,
	Template: checkConfigMissing,
}

func checkConfigMissing(p *lint.Pass, t *catalog.Template) {
	if t.Partial || t.Config != nil {
		return
	}
	if slices.Contains(t.Ignored, "config.yml") {
		p.Report(catalog.FolderPos(t.Dir+"/config.yml"), "config.yml in %s is a folder, not a file: Rancher finds no template metadata; replace the folder with a config.yml file", t.Dir)
		return
	}
	if f := nearMiss(t.Files, "config.yml", "config.yaml"); f != nil {
		p.Report(catalog.FilePos(f), "template %s has no config.yml, only %s: Rancher matches the exact name config.yml, so rename this file", t.Dir, f.Name)
		return
	}
	p.Report(catalog.FolderPos(t.Dir), "template %s has no config.yml: Rancher lists it without a name or default version; add config.yml with name, version, description and category", t.Dir)
}
