package config

import (
	"fmt"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleC003 = &lint.Rule{
	ID:       "C003",
	Slug:     "config.version",
	Severity: lint.Warning,
	Summary:  "config.yml has a version (the default version)",
	Doc: "`version` in config.yml names the version Rancher preselects when the template is deployed; it is " +
		"matched against the `.catalog.version` of the version folders. Without it no version is preselected " +
		"and the community catalog CI (test_versions) fails. Warning: Rancher 1.6 still lists every version; " +
		"`profile: community` makes it an error.",
	Bad: `# config.yml
name: Nginx
category: Web`,
	Good: `# config.yml
name: Nginx
version: "1.25.3"   # the .catalog.version of the folder to install by default
category: Web`,
	Template: checkVersion,
}

func checkVersion(p *lint.Pass, t *catalog.Template) {
	c, ok := readConfig(t)
	if !ok {
		return
	}
	k, v := c.field("version")
	switch {
	case k == nil:
		p.Report(c.missingPos(), "%s no `version`, so Rancher preselects no version and community CI fails: add %s", c.hasNo(), versionExample(t))
	case yamlnode.IsNull(v):
		p.Report(c.at(k), "`version` is empty, so Rancher preselects no version and community CI fails: write %s", versionExample(t))
	case v.Kind == yaml.ScalarNode && v.Value == "":
		p.Report(c.at(v), "`version` is empty, so Rancher preselects no version and community CI fails: write %s", versionExample(t))
	}
}

// versionExample proposes the .catalog.version of the highest version
// folder as the default version.
func versionExample(t *catalog.Template) string {
	if v, folder := newestVersion(t); v != "" {
		return fmt.Sprintf("version: %q (the .catalog.version of folder %s)", v, folder)
	}
	return `version: "<the .catalog.version of the default version folder>"`
}

// newestVersion returns the .catalog.version, as Rancher reads it, of the
// template's highest numbered version folder that has one.
func newestVersion(t *catalog.Template) (version, folder string) {
	best := -1
	for _, v := range t.Versions {
		s := catalogVersion(v)
		if s == "" {
			continue
		}
		if n := v.Revision(); n > best || version == "" {
			best, version, folder = n, s, v.Folder
		}
	}
	return version, folder
}

// catalogVersion is a version folder's .catalog.version as Rancher's
// catalog service reads it ("" without a block).
func catalogVersion(v *catalog.Version) string {
	if v.Catalog == nil {
		return ""
	}
	return v.Catalog.Version
}
