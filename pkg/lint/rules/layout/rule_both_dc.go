package layout

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL008 = &lint.Rule{
	ID:       "L008",
	Slug:     "layout.both-dc",
	Severity: lint.Warning,
	Summary:  "a version folder has docker-compose.yml or docker-compose.yml.tpl, not both",
	Doc: "When both files exist Rancher's UI sends `docker-compose.yml.tpl` and ignores `docker-compose.yml`. " +
		"Edits to the plain file then have no effect, while the old catalog CI still parses it. Keep one file: " +
		"the `.tpl` when it uses Go templating. " +
		"Warning: the UI (v1.6) sends the .tpl and silently ignores docker-compose.yml.",
	Bad: `# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Good: `# 1/docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Version: checkBothDockerCompose,
}

func checkBothDockerCompose(p *lint.Pass, v *catalog.Version) {
	if v.DockerCompose == nil || v.DockerComposeTpl == nil {
		return
	}
	p.Report(catalog.FilePos(v.DockerCompose), "%s has both docker-compose.yml and docker-compose.yml.tpl: Rancher's UI deploys the .tpl and ignores this file; delete one of them", v.Dir)
}
