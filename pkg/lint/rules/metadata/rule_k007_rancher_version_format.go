package metadata

import (
	"regexp"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleK007 = &lint.Rule{
	ID: "K007", Slug: "catalog.rancher-version-format", Formerly: []string{"rc.rancher-version-format"}, Severity: lint.Warning,
	Summary: "`minimum_rancher_version` and `maximum_rancher_version` look like v1.6.0",
	Doc: "catalog-service compares these bounds with Rancher's own version part by part, so a bound " +
		"that is not of the form `vX.Y.Z` (optionally `-pre`) compares in surprising ways and may hide " +
		"the version from releases it was meant for, or show it where it breaks. Write them like " +
		"`v1.6.0` or `v1.5.99`. " +
		"Warning: catalog-service (v1.6) compares such a value loosely, so the version may be shown or hidden on the wrong Rancher releases.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "2.1.0"
  minimum_rancher_version: v.1.6.0
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "2.1.0"
  minimum_rancher_version: v1.6.0
`,
	Version: checkRancherVersionFormat,
}

var rancherVersionRe = regexp.MustCompile(`^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)

func checkRancherVersionFormat(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, key := range []string{"minimum_rancher_version", "maximum_rancher_version"} {
		n := info.Field(key)
		if yaml11.KindOf(n).IsCollection() {
			continue // K004
		}
		s := yaml11.Text(n)
		if s == "" || rancherVersionRe.MatchString(s) {
			continue
		}
		hint := "; write it like v1.6.0"
		if fix := fixRancherVersion(s); fix != "" {
			hint = spelling.Hint(fix)
		}
		p.Report(at(info, n), "%s %q is not a Rancher version of the form vX.Y.Z[-pre], so Rancher's version comparison may not do what you expect%s", key, s, hint)
	}
}

var (
	shortVersionRe = regexp.MustCompile(`^v?\d+\.\d+$`)
	digitsRe       = regexp.MustCompile(`\d+`)
)

// fixRancherVersion guesses the intended bound for a few common slips.
func fixRancherVersion(s string) string {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(strings.TrimPrefix(t, "V"), "v")
	t = strings.TrimLeft(t, ".")
	if shortVersionRe.MatchString(t) {
		t += ".0"
	}
	if rancherVersionRe.MatchString(t) {
		return "v" + t
	}
	if parts := digitsRe.FindAllString(t, -1); len(parts) == 3 && strings.Trim(digitsRe.ReplaceAllString(t, ""), ".") == "" {
		return "v" + strings.Join(parts, ".")
	}
	return ""
}
