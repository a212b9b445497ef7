package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleV001 = &lint.Rule{
	ID:       "V001",
	Slug:     "volume.v2-required",
	Formerly: []string{"vol.v2-required"},
	Severity: lint.Error,
	Summary:  "top-level volumes: is only used in version '2' compose files",
	Doc: "Stack volumes (`volumes:` at the top of the file, with a driver and driver_opts) exist only in version " +
		"'2' compose files. In a version 1 file every top-level key is a service, so Rancher reads `volumes` as a " +
		"service called \"volumes\" and rejects its keys. Add `version: '2'` and move the services under `services:`. " +
		"Error: the executor (v1.6) reads `volumes` at the top of a version 1 file as a service and fails.",
	Bad: `# no version: this is a version 1 file
web:
  image: nginx:1.25
  volumes:
    - data:/data
volumes:
  data:
    driver: rancher-nfs`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    volumes:
      - data:/data
volumes:
  data:
    driver: rancher-nfs`,
	Version: checkVolumesNeedV2,
}

func checkVolumesNeedV2(p *lint.Pass, v *catalog.Version) {
	for _, f := range composeFiles(v) {
		if f.version != "" {
			continue // version 2, or an odd version reported by D001
		}
		if k, _ := yamlnode.Get(yamlnode.Resolve(f.doc.Root), "volumes"); k != nil {
			p.Report(f.at(k), "top-level volumes: needs version: '2' in %s: a version 1 file reads it as a service named \"volumes\"; add version: '2' and move the services under services:", f.name())
		}
	}
}
