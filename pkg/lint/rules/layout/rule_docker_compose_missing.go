package layout

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL007 = &lint.Rule{
	ID:       "L007",
	Slug:     "layout.docker-compose-missing",
	Severity: lint.Error,
	Summary:  "compose version folders have docker-compose.yml or docker-compose.yml.tpl",
	Doc: "For templates/, infra-templates/, swarm-templates/ and mesos-templates/, Rancher's UI deploys " +
		"`docker-compose.yml.tpl` if present, else `docker-compose.yml`, from the version folder. With neither, " +
		"the stack is created without services (error). Kubernetes and machine templates carry other files and are " +
		"not checked. A compose file directly in the template folder is ignored by Rancher: info. " +
		"Error: the UI (v1.6) deploys a stack without services.",
	Bad: `# 1/docker-compose.yaml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Good: `# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
`,
	Template: checkTemplateDockerCompose,
	Version:  checkDockerComposeMissing,
}

func checkTemplateDockerCompose(p *lint.Pass, t *catalog.Template) {
	if !t.IsCompose() {
		return
	}
	for _, f := range t.Files {
		if f.Name == "docker-compose.yml" || f.Name == "docker-compose.yml.tpl" {
			p.ReportSeverity(lint.Info, catalog.FilePos(f), "%s lies directly in the template folder, where Rancher never reads it (harmless, but it misleads readers): move it into a version folder such as %s/%d/ or remove it", f.Name, t.Dir, nextRevision(t))
		}
	}
}

func checkDockerComposeMissing(p *lint.Pass, v *catalog.Version) {
	if !v.Template.IsCompose() || v.DockerCompose != nil || v.DockerComposeTpl != nil {
		return
	}
	files := directFiles(v)
	if f := nearMiss(files, "docker-compose.yml", "docker-compose.yaml", "docker-compose.yaml.tpl", "docker-compose.yml.tmpl", "docker-compose.tpl", "compose.yml", "compose.yaml"); f != nil {
		p.Report(catalog.FilePos(f), "version folder %s has no docker-compose.yml or docker-compose.yml.tpl, only %s: Rancher's UI sends only those exact names; rename the file", v.Dir, f.Name)
		return
	}
	p.Report(catalog.FolderPos(v.Dir), "version folder %s has no docker-compose.yml or docker-compose.yml.tpl: the stack would be created without services; add one", v.Dir)
}
