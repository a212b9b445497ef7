package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleK003 = &lint.Rule{
	ID: "K003", Slug: "catalog.placement", Formerly: []string{"rc.catalog-placement"}, Severity: lint.Error,
	Summary: "a v1 rancher-compose.yml uses `.catalog`; a v2 one keeps it at the top level, never under `services`",
	Doc: "In a v1 rancher-compose.yml every top-level key is a service: the executor drops `.catalog` " +
		"before validating, but a top-level `catalog:` is validated as a service and rejected. In a " +
		"v2 file the block must sit at the top level, next to `services:`: under `services:` the " +
		"executor validates it as a service (\"Unsupported config option for .catalog service\") and the " +
		"stack cannot be deployed. " +
		"Error: catalog-service (v1.6) finds no `.catalog` and drops the version, or the executor rejects the misplaced block.",
	Bad: `# rancher-compose.yml
version: '2'
services:
  .catalog:
    version: "1.0.0"
  web:
    scale: 1
`,
	Good: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
services:
  web:
    scale: 1
`,
	Version: checkCatalogPlacement,
}

func checkCatalogPlacement(p *lint.Pass, v *catalog.Version) {
	doc, root := rawRC(v)
	if !yamlnode.IsMap(root) {
		return
	}
	if !composefile.IsV2(root) {
		if k, _ := yamlnode.Get(root, "catalog"); k != nil {
			p.Report(doc.At(k), "this rancher-compose.yml is v1 (no `version: '2'`), where a top-level `catalog:` is a service named catalog that the executor rejects; rename it to `.catalog:`")
		}
		return
	}
	services := yamlnode.Value(root, "services")
	if k, _ := yamlnode.Get(services, ".catalog"); k != nil {
		p.Report(doc.At(k), "`.catalog` under `services:` is validated by the executor as a service and rejected (\"Unsupported config option for .catalog service\"); move the block to the top level, next to `services:`")
	}
	if k, val := yamlnode.Get(services, "catalog"); k != nil && looksLikeCatalog(val) {
		p.Report(doc.At(k), "`catalog` under `services:` is not read as metadata by catalog-service and is validated by the executor as a service; move it to the top level as `.catalog:`")
	}
}

// looksLikeCatalog tells a misplaced metadata block from a service that
// happens to be called catalog: metadata has a version or questions.
func looksLikeCatalog(n *yaml.Node) bool {
	for _, key := range []string{"version", "questions", "minimum_rancher_version", "maximum_rancher_version", "upgrade_from", "uuid"} {
		if k, _ := yamlnode.Get(n, key); k != nil {
			return true
		}
	}
	return false
}
