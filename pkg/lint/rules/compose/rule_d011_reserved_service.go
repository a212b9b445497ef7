package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleD011 = &lint.Rule{
	ID:       "D011",
	Slug:     "compose.reserved-service",
	Formerly: []string{"dc.reserved-service"},
	Severity: lint.Error,
	Summary:  "a version 1 compose file has no service named `containers`",
	Doc: "Since rancher-compose-executor v0.14 (Rancher 1.6) the top-level key `containers` of a compose file is " +
		"the executor's own section for standalone containers, not a service; in a version 1 file, where every " +
		"other top-level key is a service, a service named `containers` makes the deploy fail " +
		"(\"cannot unmarshal ... into config.RawService\"). Error: the stack does not deploy. Rename the service, " +
		"or move to version '2' where services live under `services:`.",
	Bad: `containers:
  image: nginx:1.25`,
	Good: `web:
  image: nginx:1.25`,
	Version: checkReservedService,
}

func checkReservedService(p *lint.Pass, v *catalog.Version) {
	for _, f := range composeFiles(v) {
		if f.version != "" {
			continue
		}
		if k, _ := yamlnode.Get(yamlnode.Resolve(f.doc.Root), "containers"); k != nil {
			p.Report(f.at(k), "a version 1 %s cannot have a service named containers: Rancher 1.6's executor reads the top-level `containers` key as its own section and fails to deploy the stack; rename the service", f.name())
		}
	}
}
