package metadata

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
)

var ruleK010 = &lint.Rule{
	ID: "K010", Slug: "catalog.version-semver", Formerly: []string{"rc.version-semver"}, Severity: lint.Info,
	Summary: "`.catalog.version` is strict semver (MAJOR.MINOR.PATCH[-pre], a leading v allowed)",
	Doc: "Rancher orders catalog versions with its own comparator, which accepts anything, but an " +
		"`upgrade_from` range is evaluated with a strict semver parser: a stack running a version such " +
		"as `v0.1` or `1.0-rancher1` never matches any range, so it is offered no upgrade to a version " +
		"that sets `upgrade_from`. Strict semver keeps that door open. " +
		"Info: Rancher (v1.6) orders and offers any version string; only `upgrade_from` needs semver.",
	Bad: `# rancher-compose.yml
.catalog:
  version: 1.0-rancher1
`,
	Good: `# rancher-compose.yml
.catalog:
  version: 1.0.0-rancher1
`,
	Version: checkVersionSemver,
}

func checkVersionSemver(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	s := info.Version
	if s == "" || version.IsSemver(s) {
		return
	}
	hint := ""
	if fix := semverFix(s); fix != "" {
		hint = fmt.Sprintf(", e.g. %q", fix)
	}
	p.Report(at(info, info.Field("version")), "version %q is not strict semver, so upgrade_from ranges can never match a stack running it; write MAJOR.MINOR.PATCH[-pre]%s", s, hint)
}

var looseVersionRe = regexp.MustCompile(`^(v*)(\d+)(?:\.(\d+))?(?:\.(\d+))?([-+].*)?$`)

// semverFix pads a short numeric version (1.0 -> 1.0.0, v2-beta ->
// v2.0.0-beta); it returns "" when it cannot tell.
func semverFix(s string) string {
	m := looseVersionRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	parts := []string{m[2], m[3], m[4]}
	for i, x := range parts {
		if x == "" {
			parts[i] = "0"
		} else {
			parts[i] = strings.TrimLeft(x, "0")
			if parts[i] == "" {
				parts[i] = "0"
			}
		}
	}
	fix := m[1] + strings.Join(parts, ".") + m[5]
	if fix == s || !version.IsSemver(fix) {
		return ""
	}
	return fix
}
