package config

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleC002 = &lint.Rule{
	ID:       "C002",
	Slug:     "config.name",
	Severity: lint.Error,
	Summary:  "config.yml has a name",
	Doc: "`name` is the template's display name in Rancher's catalog (spaces are allowed). Without it the " +
		"catalog shows an untitled tile, and the community catalog CI rejects the template. " +
		"Error: the template is listed without a name (catalog-service v1.6 takes the tile's title from it).",
	Bad: `# config.yml
version: "1.25.3"
category: Web`,
	Good: `# config.yml
name: Nginx
version: "1.25.3"
category: Web`,
	Template: checkName,
}

func checkName(p *lint.Pass, t *catalog.Template) {
	c, ok := readConfig(t)
	if !ok {
		return
	}
	k, v := c.field("name")
	switch {
	case k == nil:
		p.Report(c.missingPos(), "%s no `name`: Rancher's catalog shows the template without a title; add name: %s", c.hasNo(), t.Name)
	case v == nil || v.Kind != yaml.ScalarNode:
		if yamlnode.IsNull(v) {
			p.Report(c.at(k), "`name` is empty: Rancher's catalog shows the template without a title; write name: %s", t.Name)
		} // a list or mapping is C001's finding
	case v.Tag == "!!null" || v.Value == "":
		p.Report(c.at(v), "`name` is empty: Rancher's catalog shows the template without a title; write name: %s", t.Name)
	}
}
