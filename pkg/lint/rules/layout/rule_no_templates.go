package layout

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL013 = &lint.Rule{
	ID:       "L013",
	Slug:     "layout.no-templates",
	Severity: lint.Warning,
	Summary:  "a catalog holds at least one template folder",
	Doc: "Rancher lists a catalog's templates from `templates/<name>/` (or `<kind>-templates/<name>/`). A catalog " +
		"whose template folders are empty or missing adds nothing to Rancher: usually the catalog was built or " +
		"checked out into the wrong folder, or the linted path is not the catalog that was meant. " +
		"Warning: nothing is broken in Rancher, but a catalog that offers nothing is almost always a mistake, and a " +
		"clean run over no files would hide it.",
	Bad: `# /templates/README.md
No templates yet: the folder holds no template folder.
`,
	Good: `# /README.md
A catalog of one template.
# /templates/nginx/config.yml
name: nginx
version: "1.25.3"
# /templates/nginx/0/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# /templates/nginx/0/rancher-compose.yml
.catalog:
  version: "1.25.3"
`,
	Catalog: checkNoTemplates,
}

func checkNoTemplates(p *lint.Pass, c *catalog.Catalog) {
	if len(c.Templates) > 0 {
		return
	}
	for _, pr := range c.Problems {
		if pr.Kind == "misplaced-template" {
			return // L001 says where they are
		}
	}
	p.Report(catalog.FolderPos("templates"), "the catalog has no template folder (templates/<name>/ with config.yml and numbered version folders), so Rancher lists nothing from it: check that this is the catalog you meant, or add a template")
}
