package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleV004 = &lint.Rule{
	ID:       "V004",
	Slug:     "volume.driver-opts-without-driver",
	Formerly: []string{"vol.driver-opts-without-driver"},
	Severity: lint.Error,
	Summary:  "a top-level volume with driver_opts names its driver",
	Doc: "A top-level volume without `driver` (or whose `driver: ${X}` interpolates to nothing) is created by " +
		"Docker's `local` driver on every host (Rancher 1.2 and later). The `driver_opts` written for a shared " +
		"driver such as rancher-nfs (`host`, `exportBase`, `onRemove`) are then either rejected by `local` " +
		"(\"invalid option key\") or dropped, and the data the author meant to share lives on one host. " +
		"Error: the setting is lost or the volume cannot be created.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    volumes:
      - data:/data
volumes:
  data:
    driver_opts:
      onRemove: retain
`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    volumes:
      - data:/data
volumes:
  data:
    driver: rancher-nfs
    driver_opts:
      onRemove: retain
`,
	Version: checkDriverOpts,
}

func checkDriverOpts(p *lint.Pass, v *catalog.Version) {
	a := defaultAnswers(v)
	for _, f := range composeFiles(v) {
		if !f.isV2() {
			continue
		}
		for _, vol := range yamlnode.Pairs(yamlnode.Value(yamlnode.Resolve(f.doc.Root), "volumes")) {
			body := yamlnode.Resolve(vol.Value)
			optsKey, opts := yamlnode.Get(body, "driver_opts")
			if optsKey == nil || len(yamlnode.Pairs(opts)) == 0 {
				continue
			}
			dk, dv := yamlnode.Get(body, "driver")
			if dk == nil || yamlnode.IsNull(dv) {
				p.Report(f.at(optsKey), "volume %s has driver_opts but no driver: Docker creates it with the local driver, which rejects or drops these options; add driver: (rancher-nfs, rancher-ebs, ...)", vol.Key.Value)
				continue
			}
			if val, sure := a.scalar(dv); sure && strings.TrimSpace(val) == "" {
				p.Report(f.at(dv), "volume %s has driver_opts, but its driver %s is empty with the default answers: Docker creates it with the local driver, which rejects or drops these options; give the question a default driver", vol.Key.Value, dv.Value)
			}
		}
	}
}
