package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleK002 = &lint.Rule{
	ID: "K002", Slug: "catalog.missing", Formerly: []string{"rc.catalog-missing"}, Severity: lint.Error,
	Summary: "rancher-compose.yml has a `.catalog` block with a `version`",
	Doc: "catalog-service lists a version folder only when its rancher-compose.yml has a `.catalog` " +
		"(or, in a v2 file, `catalog`) block with a non-empty `version`. Without it the folder is " +
		"dropped silently: no error, the version just never shows up in the UI. A folder named with a semver " +
		"version (`1.2.3`) is the exception: catalog-service (v1.6) takes the folder name as the version, so it " +
		"needs neither. Error: the version is not listed.",
	Bad: `# rancher-compose.yml
.catalog:
  name: Redis
  description: In-memory store
redis:
  scale: 1
`,
	Good: `# rancher-compose.yml
.catalog:
  name: Redis
  version: "5.0.5"
  description: In-memory store
redis:
  scale: 1
`,
	Version: checkCatalogMissing,
}

func checkCatalogMissing(p *lint.Pass, v *catalog.Version) {
	f := v.RancherCompose
	if f == nil || f.ReadErr != nil || f.ParseErr != nil {
		return
	}
	if v.Revision() < 0 && version.IsSemver(v.Folder) {
		return // the folder name is the version
	}
	info := v.Catalog
	if info == nil {
		pos := catalog.FilePos(f)
		if f.Doc != nil {
			pos = catalog.LinePos(f, max(f.Doc.Line, 1), max(f.Doc.Column, 1))
		}
		p.Report(pos, "rancher-compose.yml has no .catalog block, so catalog-service drops this version folder without a word: add a top-level `.catalog:` with at least `version: \"1.0.0\"`")
		return
	}
	name := info.Key.Value
	switch k := yaml11.KindOf(info.Node); {
	case k == yaml11.Null:
		p.Report(info.Doc.At(info.Key), "`%s` is empty, so catalog-service drops this version folder: give it at least `version: \"1.0.0\"`", name)
		return
	case k != yaml11.Map:
		return // K004
	}
	key, val := yamlnode.Get(info.Node, "version")
	switch {
	case key == nil:
		p.Report(info.Doc.At(info.Key), "`%s` has no `version`, so catalog-service drops this version folder without a word: add `version: \"1.0.0\"` (unique within the template)", name)
	case yaml11.KindOf(val).IsCollection():
		// K004
	case info.Version == "":
		p.Report(info.Doc.At(key), "`%s.version` is empty, so catalog-service drops this version folder: give it a value such as \"1.0.0\"", name)
	}
}
