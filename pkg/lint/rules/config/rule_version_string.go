package config

import (
	"strconv"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleC004 = &lint.Rule{
	ID:       "C004",
	Slug:     "config.version-string",
	Severity: lint.Warning,
	Summary:  "config.yml's version is a quoted string, not a YAML number",
	Doc: "An unquoted `version: 17.07` or `version: 1.0` is a YAML number. The catalog CI service reads " +
		"config.yml into a generic map and requires a string, so it sees no default version, and YAML 1.1 " +
		"tools print numbers back differently (`1.10` becomes `1.1`, `1.0` becomes `1`). Quote the version. " +
		"Warning: yaml.v2 turns `1.10` into 1.1, so the default version silently matches nothing.",
	Bad: `# config.yml
version: 17.07`,
	Good: `# config.yml
version: "17.07"`,
	Fixable:  true,
	Template: checkVersionString,
}

func checkVersionString(p *lint.Pass, t *catalog.Template) {
	c, ok := readConfig(t)
	if !ok {
		return
	}
	_, v := c.field("version")
	if !yaml11.IsPlain(v) {
		return // quoted, tagged, block, or not a scalar at all
	}
	// The catalog CI reads config.yml with yaml.v2, so YAML 1.1 decides.
	var kind string
	switch yaml11.KindOf(v) {
	case yaml11.Int, yaml11.Float:
		kind = "number"
	case yaml11.Bool:
		kind = "boolean"
	default:
		return
	}
	pos := c.at(v)
	fix := lint.ReplaceFix(pos, v.Value, strconv.Quote(v.Value), "quote the version")
	p.ReportFix(pos, fix, "version %s is unquoted, so YAML reads it as a %s, not a string: the catalog CI then sees no default version; quote it: version: %q", v.Value, kind, v.Value)
}
