package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blang/semver/v4"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
)

// checkReleases verifies what Rancher needs of an entry's version list: each
// catalog version sorts strictly above the previous one under the catalog
// service's comparator (else Rancher shows a wrong "latest" and offers
// downgrades as upgrades) and under semver (which upgrade_from uses), the
// default release is shipped, and every upgrade_from range admits at least
// one earlier release of the blueprint (an entry that starts later may not
// ship it, which is harmless).
func checkReleases(bp *blueprint.Blueprint, e blueprint.Entry, releases []blueprint.Release) error {
	var errs []string
	for i, r := range releases {
		cv := r.CatalogVersion()
		sv, err := semver.Parse(cv)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: catalog version %s is not strict semver (%v), so no upgrade_from range could ever match it", r.Pos, cv, err))
			continue
		}
		if i > 0 {
			prev := releases[i-1].CatalogVersion()
			if !version.GreaterThan(cv, prev) || sv.LTE(semver.MustParse(prev)) {
				errs = append(errs, fmt.Sprintf("%s: entry %s: release %s comes after %s but does not sort above it in Rancher; list releases oldest first, and raise version or revision", r.Pos, e.Name, cv, prev))
			}
		}
		if r.UpgradeFrom != "" && r.UpgradeFrom != blueprint.NoUpgrade && !admitsEarlier(r.UpgradeFrom, earlierThan(bp.Releases, r)) {
			errs = append(errs, fmt.Sprintf("%s: upgradeFrom %q of %s matches none of the earlier releases, so Rancher would never offer it", r.Pos, r.UpgradeFrom, cv))
		}
	}
	def := bp.DefaultRelease()
	if !slices.ContainsFunc(releases, func(r blueprint.Release) bool { return r.CatalogVersion() == def.CatalogVersion() }) {
		errs = append(errs, fmt.Sprintf("%s: entry %s does not ship the default release %s (see its since:)", e.Pos, e.Name, def.CatalogVersion()))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

func admitsEarlier(rangeText string, earlier []blueprint.Release) bool {
	in, err := version.ParseRange(rangeText)
	if err != nil {
		return false
	}
	for _, r := range earlier {
		if in(r.CatalogVersion()) {
			return true
		}
	}
	return false
}

func earlierThan(all []blueprint.Release, r blueprint.Release) []blueprint.Release {
	for i, x := range all {
		if x.CatalogVersion() == r.CatalogVersion() {
			return all[:i]
		}
	}
	return nil
}
