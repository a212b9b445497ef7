package config

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
	"gopkg.in/yaml.v3"
)

var ruleC005 = &lint.Rule{
	ID:       "C005",
	Slug:     "config.version-exists",
	Severity: lint.Warning,
	Summary:  "config.yml's version equals the .catalog.version of one of the template's version folders",
	Doc: "Rancher's catalog service finds the default version by comparing config.yml's `version` with every " +
		"version folder's `.catalog.version` as strings, exactly: `v1.2` does not match `1.2`. When nothing " +
		"matches, the UI preselects no version and the community catalog CI (test_versions) fails. The usual " +
		"cause is a new version folder without bumping config.yml, or the reverse. Warning: Rancher 1.6 still " +
		"lists every version; `profile: community` makes it an error.",
	Bad: `# config.yml
name: nginx
version: "1.25.4"
# 0/rancher-compose.yml
.catalog:
  version: 1.25.3
`,
	Good: `# config.yml
name: nginx
version: "1.25.3"
# 0/rancher-compose.yml
.catalog:
  version: 1.25.3
`,
	Template: checkVersionExists,
}

func checkVersionExists(p *lint.Pass, t *catalog.Template) {
	if t.Partial {
		return
	}
	c, ok := readConfig(t)
	if !ok {
		return
	}
	_, node := c.field("version")
	want, ok := c.text("version")
	if !ok || node.Kind != yaml.ScalarNode {
		return // C003 reports a missing version
	}
	var near []string
	distinct := map[string]bool{}
	for _, v := range t.Versions {
		got := catalogVersion(v)
		if got == "" && v.Revision() < 0 && version.IsSemver(v.Folder) {
			got = v.Folder // catalog-service takes a semver folder name as the version
		}
		if got == "" {
			continue // no .catalog.version: K002's finding
		}
		distinct[got] = true
		if got == want {
			return
		}
		switch {
		case v.Catalog != nil && v.Catalog.Version == want:
			near = append(near, fmt.Sprintf("folder %s writes %s unquoted, which Rancher reads as %q: quote it there", v.Folder, v.Catalog.Version, got))
		case strings.EqualFold(strings.TrimLeft(got, "vV"), strings.TrimLeft(want, "vV")):
			near = append(near, fmt.Sprintf("folder %s has %q, and the comparison is exact", v.Folder, got))
		}
	}
	count := len(distinct) // two folders with one version (K006) are one value
	if count == 0 {
		return
	}
	if len(near) > 0 {
		p.Report(c.at(node), "version %q matches no .catalog.version of %s, so Rancher preselects no version and community CI fails: %s",
			want, t.Dir, strings.Join(near, "; "))
		return
	}
	newest, folder := newestVersion(t)
	p.Report(c.at(node), "version %q matches none of the %d .catalog.version values of %s, so Rancher preselects no version and community CI fails: set it to the default version's .catalog.version, e.g. %q (folder %s, the highest)",
		want, count, t.Dir, newest, folder)
}
