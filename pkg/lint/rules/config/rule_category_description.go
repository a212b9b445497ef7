package config

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleC006 = &lint.Rule{
	ID:       "C006",
	Slug:     "config.category-description",
	Formerly: []string{"config.category/description"},
	Severity: lint.Warning,
	Summary:  "config.yml has a category and a description",
	Doc: "Rancher's catalog page filters templates by `category` (or the `categories` list) and shows " +
		"`description` under the name on each tile. A template without a category is only found under \"All\", " +
		"and one without a description shows an empty tile. Machine-driver templates (machine-templates/) " +
		"are exempt: Rancher lists them as drivers, not as catalog tiles. " +
		"Warning: Rancher lists the template, but without them it is filed under All only and its tile has no summary.",
	Bad: `# config.yml
name: Nginx
version: "1.25.3"`,
	Good: `# config.yml
name: Nginx
description: Web server and reverse proxy
version: "1.25.3"
category: Web`,
	Template: checkCategoryDescription,
}

func checkCategoryDescription(p *lint.Pass, t *catalog.Template) {
	if t.Base == "machine" {
		return
	}
	c, ok := readConfig(t)
	if !ok {
		return
	}
	if missing(c, "category") && !listPresent(c, "categories") && !collection(c, "categories") {
		k, _ := c.field("category")
		pos := c.missingPos()
		if k != nil {
			pos = c.at(k)
		}
		p.Report(pos, "%s no category, so the template is only listed under \"All\" in Rancher's catalog: add e.g. category: Monitoring", c.hasNo())
	}
	if missing(c, "description") {
		k, _ := c.field("description")
		pos := c.missingPos()
		if k != nil {
			pos = c.at(k)
		}
		p.Report(pos, "%s no description, so the template's catalog tile shows no summary: add description: <one sentence on what %s deploys>", c.hasNo(), t.Name)
	}
}

// missing reports whether key is absent, null or blank. A list or mapping
// is not missing: C001 reports its type.
func missing(c configDoc, key string) bool {
	if collection(c, key) {
		return false
	}
	s, _ := c.text(key)
	return strings.TrimSpace(s) == ""
}

func collection(c configDoc, key string) bool {
	_, v := c.field(key)
	return v != nil && (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && !listEmpty(v)
}

func listEmpty(v *yaml.Node) bool { return v.Kind == yaml.SequenceNode && len(v.Content) == 0 }

// listPresent reports whether key holds a non-empty list.
func listPresent(c configDoc, key string) bool {
	_, v := c.field(key)
	if v == nil || v.Kind != yaml.SequenceNode {
		return false
	}
	for _, s := range yamlnode.Strings(v) {
		if strings.TrimSpace(s) != "" {
			return true
		}
	}
	return false
}
