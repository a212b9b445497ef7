package compose

import (
	"bytes"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules/internal/yamlpos"
)

var ruleD009 = &lint.Rule{
	ID:       "D009",
	Slug:     "compose.parse",
	Formerly: []string{"dc.parse"},
	Severity: lint.Error,
	Summary:  "a compose file that no template action changes is valid YAML",
	Doc: "Rancher's executor (every 1.x release) YAML-parses docker-compose.yml and the body of rancher-compose.yml " +
		"before it deploys; a file that is not YAML (a tab in the indentation, \"mapping values are not allowed\", " +
		"a bad indent) fails the deploy, and the community catalog's CI rejects it. T005 reports files that only " +
		"break once templated and K001 the raw rancher-compose.yml that catalog-service reads; this rule reports " +
		"every other compose file, at the character yaml.v3 stops on. Error: the version cannot be deployed.",
	Bad: `web:
  image: nginx:1.25
	ports:              # a tab
    - 80:80`,
	Good: `web:
  image: nginx:1.25
  ports:
    - 80:80`,
	Version: checkParse,
}

func checkParse(p *lint.Pass, v *catalog.Version) {
	if !v.Template.IsCompose() {
		return
	}
	for _, f := range []*catalog.File{v.ComposeFile(), v.RancherComposeFile()} {
		if f == nil || f.ReadErr != nil || f.Rendered == nil {
			continue
		}
		r := f.Rendered
		if r.ParseErr != nil || r.YAMLErr == nil || (r.Templated && !bytes.Equal(r.Data, f.Data)) {
			continue // T001 and T005
		}
		if f == v.RancherCompose && f.ParseErr != nil {
			continue // K001: catalog-service already drops the version
		}
		e := r.YAMLErr
		pos := catalog.FilePos(f)
		if e.Line > 0 {
			line, col := yamlpos.Locate(f.Data, e)
			pos = catalog.LinePos(f, line, col)
		}
		p.Report(pos, "%s is not valid YAML (%s): Rancher's executor cannot parse it and the stack does not deploy", f.Name, e.Msg)
	}
}
