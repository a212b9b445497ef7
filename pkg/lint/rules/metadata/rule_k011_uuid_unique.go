package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleK011 = &lint.Rule{
	ID: "K011", Slug: "catalog.uuid-unique", Formerly: []string{"rc.uuid-unique"}, Severity: lint.Warning,
	Summary: "a `.catalog.uuid` is not reused by another version folder of the catalog",
	Doc: "The legacy catalog service keyed catalog entries by `.catalog.uuid`, so two version folders " +
		"with the same uuid overwrite each other there. Rancher 1.6's catalog-service ignores the " +
		"field, but a duplicate is always a folder copied without updating it: give each version its " +
		"own uuid (for instance `<template>-<folder>`) or drop the key. " +
		"Warning: Rancher (v1.6) deploys both, but tools that key templates by uuid (upgrades, the CLI) confuse them.",
	Bad: `# 0/rancher-compose.yml
.catalog:
  version: "0.5.0"
  uuid: harbor-0
# 1/rancher-compose.yml
.catalog:
  version: "0.5.0-distributed"
  uuid: harbor-0   # copied from folder 0 and not changed
`,
	Good: `# 0/rancher-compose.yml
.catalog:
  version: "0.5.0"
  uuid: harbor-0
# 1/rancher-compose.yml
.catalog:
  version: "0.5.0-distributed"
  uuid: harbor-1
`,
	Catalog: checkUUIDUnique,
}

func checkUUIDUnique(p *lint.Pass, c *catalog.Catalog) {
	first := map[string]*catalog.Version{}
	for _, t := range c.Templates {
		for _, v := range t.Versions {
			info := catalogInfo(v)
			if info == nil {
				continue
			}
			id := yaml11.Text(info.Field("uuid"))
			if id == "" {
				continue
			}
			if prev, ok := first[id]; ok {
				suggestion := t.Name + "-" + v.Folder
				if suggestion == id {
					suggestion = t.Top + "-" + t.Name + "-" + v.Folder
				}
				p.Report(at(info, info.Field("uuid")), "uuid %q is already used by %s (%s): each version folder needs its own uuid, for example %q", id, folderRef(prev, v), prev.RancherCompose.Path, suggestion)
				continue
			}
			first[id] = v
		}
	}
}
