package config

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/catalogblock"
	"github.com/catalogen/catalogen/pkg/spelling"
	"gopkg.in/yaml.v3"
)

var ruleC008 = &lint.Rule{
	ID:       "C008",
	Slug:     "config.unknown-key",
	Severity: lint.Warning,
	Summary:  "config.yml uses only the keys Rancher reads",
	Doc: "Rancher's catalog service reads name, description, version, category, categories, maintainer, " +
		"license, projectURL and labels from config.yml, case-sensitively, and silently ignores every other " +
		"key. A misspelt key (`catagory`, `projectUrl`) is lost, and version bounds such as " +
		"`minimum_rancher_version` have no effect here: they belong in each version's `.catalog` block. " +
		"Warning: catalog-service (v1.6) ignores unknown keys without a word, so the setting has no effect.",
	Bad: `# config.yml
name: Nginx
version: "1.25.3"
minimum_rancher_version: v1.6.0`,
	Good: `# config.yml
name: Nginx
version: "1.25.3"
# 0/rancher-compose.yml
.catalog:
  version: 1.25.3
  minimum_rancher_version: v1.6.0`,
	Template: checkUnknownKeys,
}

var knownKeys = []string{"name", "description", "version", "category", "categories", "maintainer", "license", "projectURL", "labels"}

func checkUnknownKeys(p *lint.Pass, t *catalog.Template) {
	c, ok := readConfig(t)
	if !ok || c.Root == nil {
		return
	}
	for i := 0; i+1 < len(c.Root.Content); i += 2 {
		k := c.Root.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" || isKnown(k.Value) {
			continue
		}
		p.Report(c.at(k), "%s", unknownKeyMessage(k.Value))
	}
}

func isKnown(key string) bool {
	for _, k := range knownKeys {
		if k == key {
			return true
		}
	}
	return false
}

func unknownKeyMessage(key string) string {
	lower := strings.ToLower(key)
	switch {
	case slices.Contains(catalogblock.Keys, key):
		return "`" + key + "` has no effect in config.yml, which Rancher reads only for template metadata: it belongs in the .catalog block of each version folder's rancher-compose.yml"
	case lower == "requires" || lower == "release by" || lower == "minimum_version" || lower == "rancher_version":
		return "`" + key + "` is not a config.yml key and Rancher ignores it: to require a Rancher version, set minimum_rancher_version in the .catalog block of each version folder's rancher-compose.yml"
	case lower == "issystem":
		return "`" + key + "` is not read from config.yml by Rancher 1.6 and is ignored: infrastructure stacks go under infra-templates/"
	case lower == "icon" || lower == "logo":
		return "`" + key + "` is ignored: Rancher takes the template's icon from the catalogIcon* file next to config.yml"
	}
	if hint := spelling.DidYouMean(key, knownKeys); hint != "" {
		return "unknown key `" + key + "` in config.yml is ignored by Rancher, which reads keys case-sensitively" + hint
	}
	return "unknown key `" + key + "` in config.yml is ignored by Rancher (it reads " + strings.Join(knownKeys, ", ") + ")"
}
