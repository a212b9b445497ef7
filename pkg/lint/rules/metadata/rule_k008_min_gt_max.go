package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/version"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleK008 = &lint.Rule{
	ID: "K008", Slug: "catalog.min-gt-max", Formerly: []string{"rc.min-gt-max"}, Severity: lint.Error,
	Summary: "`minimum_rancher_version` is not above `maximum_rancher_version`",
	Doc: "catalog-service shows a version only on Rancher releases between its minimum and maximum " +
		"(both inclusive, compared with its version ordering). When the minimum sorts above the " +
		"maximum no Rancher release qualifies and the version is never shown. " +
		"Error: catalog-service (v1.6) lists the version on no Rancher release.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "3.0.0"
  minimum_rancher_version: v1.6.0
  maximum_rancher_version: v1.5.99
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "3.0.0"
  minimum_rancher_version: v1.6.0
`,
	Version: checkMinGtMax,
}

func checkMinGtMax(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	minNode, maxNode := info.Field("minimum_rancher_version"), info.Field("maximum_rancher_version")
	lo, hi := yaml11.Text(minNode), yaml11.Text(maxNode)
	if lo == "" || hi == "" || !version.GreaterThan(lo, hi) {
		return
	}
	p.Report(at(info, maxNode), "maximum_rancher_version %s sorts below minimum_rancher_version %s, so no Rancher release shows this version; raise the maximum or remove it", hi, lo)
}
