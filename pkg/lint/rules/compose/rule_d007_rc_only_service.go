package compose

import (
	"fmt"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleD007 = &lint.Rule{
	ID:       "D007",
	Slug:     "compose.service-not-in-dc",
	Formerly: []string{"rc.service-not-in-dc"},
	Severity: lint.Warning,
	Summary:  "every service configured in rancher-compose.yml is defined in docker-compose",
	Doc: "Rancher merges rancher-compose.yml into docker-compose by service name. A rancher-compose service with " +
		"no docker-compose counterpart is usually a typo or a leftover of a renamed service, and its settings " +
		"(scale, health_check, lb_config) apply to nothing the user expects. It also happens when a docker-compose " +
		"template stops rendering early (T002). " +
		"Warning: the executor (v1.6) applies the settings to a service that docker-compose never defines; they are silently lost or create an unexpected service.",
	Bad: `# rancher-compose.yml
version: '2'
services:
  wbe:          # docker-compose.yml defines web
    scale: 2
`,
	Good: `# rancher-compose.yml
version: '2'
services:
  web:
    scale: 2
`,
	Version: checkRCOnly,
}

func checkRCOnly(p *lint.Pass, v *catalog.Version) {
	proj := v.Project
	if proj == nil || proj.DC == nil {
		return
	}
	var dcNames []string
	for _, s := range proj.Services {
		if s.DC != nil {
			dcNames = append(dcNames, s.Name)
		}
	}
	dcName := proj.DC.File.Name
	for _, s := range proj.Services {
		if s.DC != nil || s.RC == nil || misreadSection(proj, s) {
			continue
		}
		msg := fmt.Sprintf("service %q is configured in %s but not defined in %s", s.Name, s.RC.Doc.File.Name, dcName)
		switch {
		case spelling.Closest(s.Name, dcNames) != "":
			msg += spelling.Hint(spelling.Closest(s.Name, dcNames))
		case proj.DC.File.Rendered != nil && proj.DC.File.Rendered.ExecErr != nil:
			msg += fmt.Sprintf(" as rendered: its template stops with an error before the end (see T002), so Rancher never sees the rest of %s", dcName)
		default:
			msg += "; define it there or remove this block"
		}
		p.Report(s.RC.Pos(), "%s", msg)
	}
}
