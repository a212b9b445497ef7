package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleV002 = &lint.Rule{
	ID:       "V002",
	Slug:     "volume.undeclared-named",
	Formerly: []string{"vol.undeclared-named"},
	Severity: lint.Info,
	Summary:  "named volumes used with a volume_driver are declared under top-level volumes:",
	Doc: "A named volume (`data:/path`) of a service with `volume_driver` that is not declared under the " +
		"top-level `volumes:` of a version '2' file is passed to Docker as a version 1 volume: Rancher does not " +
		"schedule containers by it and does not remove it with the stack. Rancher's docs advise against version 1 " +
		"volumes; declare the volume (with its driver) in a version '2' file. " +
		"Info: the volume is still created (version 1 semantics); declaring it makes driver and options explicit.",
	Bad: `version: '2'
services:
  db:
    image: mysql:5.7
    volume_driver: rancher-nfs
    volumes:
      - dbdata:/var/lib/mysql`,
	Good: `version: '2'
services:
  db:
    image: mysql:5.7
    volumes:
      - dbdata:/var/lib/mysql
volumes:
  dbdata:
    driver: rancher-nfs`,
	Version: checkUndeclaredVolumes,
}

func checkUndeclaredVolumes(p *lint.Pass, v *catalog.Version) {
	proj := v.Project
	if proj == nil {
		return
	}
	declared := map[string]bool{}
	for _, e := range proj.Volumes {
		declared[e.Key.Value] = true
	}
	a := newAnswers(v)
	for _, s := range proj.Services {
		de, ok := s.Field("volume_driver")
		if !ok {
			continue
		}
		driver, sure := a.scalar(de.Value)
		if !sure || driver == "" {
			continue
		}
		ve, ok := s.Field("volumes")
		if !ok || !yamlnode.IsSeq(ve.Value) {
			continue
		}
		for _, item := range yamlnode.Resolve(ve.Value).Content {
			item = yamlnode.Resolve(item)
			spec, sure := a.scalar(item)
			if !sure {
				continue
			}
			name := namedVolume(spec)
			if name == "" || declared[name] {
				continue
			}
			if proj.DCVersion == "2" {
				p.Report(ve.Doc.At(item), "volume %q of service %q (volume_driver %s) is not declared under the top-level volumes:, so Rancher creates it as a version 1 volume: not scheduled with the stack and never removed; declare it: volumes: {%s: {driver: %s}}", name, s.Name, driver, name, driver)
			} else {
				p.Report(ve.Doc.At(item), "volume %q of service %q (volume_driver %s) is a version 1 volume: Rancher does not schedule by it and never removes it; use version: '2' and declare it under the top-level volumes: with driver: %s", name, s.Name, driver, driver)
			}
		}
	}
}
