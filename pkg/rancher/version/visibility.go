package version

import (
	"regexp"
	"strings"

	"github.com/blang/semver/v4"
)

// Between reports whether Rancher version v lies within [min, max], the
// `minimum_rancher_version` and `maximum_rancher_version` of a catalog
// version. Both bounds are inclusive and an empty bound is open. An empty v
// (a Rancher that does not report its version) sees every catalog version,
// as in the catalog service.
func Between(min, v, max string) bool {
	switch {
	case min == "" && max == "":
		return true
	case min == "":
		return !GreaterThan(v, max)
	case v == "":
		return true
	case max == "":
		return !GreaterThan(min, v)
	}
	return !GreaterThan(min, v) && !GreaterThan(v, max)
}

// IsSemver reports whether v is a strict semantic version once its leading
// v's are removed: the only versions that `upgrade_from` can ever match.
func IsSemver(v string) bool {
	_, err := semver.Parse(strings.TrimLeft(v, "v"))
	return err == nil
}

// rangeVPrefix matches a `v` written in front of a version inside a range,
// after the start, a space or a comparison operator.
var rangeVPrefix = regexp.MustCompile(`(^|[\s<>=!])v+([0-9])`)

// ParseRange parses an `upgrade_from` range (blang/semver syntax: `>=1.0.0
// <2.0.0 || 3.0.0`, `!1.2.0`, ...) after removing the `v` in front of each
// version. The returned function reports whether a catalog version is in the
// range; it is false for any version that is not strict semver, because the
// catalog service fails to parse it and then offers no upgrade.
func ParseRange(r string) (func(version string) bool, error) {
	rf, err := semver.ParseRange(rangeVPrefix.ReplaceAllString(r, "$1$2"))
	if err != nil {
		return nil, err
	}
	return func(version string) bool {
		v, err := semver.Parse(strings.TrimLeft(version, "v"))
		return err == nil && rf(v)
	}, nil
}

// Info is what the catalog service reads from a version's `.catalog` block
// to decide upgrades.
type Info struct {
	Version     string // .catalog.version
	Min, Max    string // minimum_rancher_version, maximum_rancher_version
	UpgradeFrom string // upgrade_from
}

// CanUpgrade reports whether a stack running catalog version from is offered
// an upgrade to to on the given Rancher version (the catalog service's
// upgradeVersionLinks): to must sort above from, be visible on that Rancher
// version, and, when it has an upgrade_from range, from must be in it. An
// upgrade_from that does not parse hides the upgrade.
func CanUpgrade(from, to Info, rancherVersion string) bool {
	if !GreaterThan(to.Version, from.Version) || !Between(to.Min, rancherVersion, to.Max) {
		return false
	}
	if to.UpgradeFrom == "" {
		return true
	}
	in, err := ParseRange(to.UpgradeFrom)
	return err == nil && in(from.Version)
}
