package scheduling

import (
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTR001 = &lint.Rule{
	ID:       "TR001",
	Slug:     "traefik.enable",
	Severity: lint.Warning,
	Summary:  "traefik.enable is true, stack or false",
	Doc: "In the catalog Traefik's `external` mode, rancher-traefik publishes a service as " +
		"`<service>.<stack>.<domain>` when `traefik.enable` is exactly `true`, as `<stack>.<domain>` when it is " +
		"`stack`, and hides it for `false`. Any other value (`yes` quoted, `True` quoted, `1`) silently leaves the " +
		"service unpublished. The value is checked after interpolation with the questions' defaults. " +
		"Warning: rancher-traefik ignores other values, so the service is not published as meant.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.enable: "yes"`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.enable: "true"`,
	Version: lint.Requires(stack.New, checkTR001),
}

func checkTR001(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		l, value, present, sure := w.Label(s, traefikEnable)
		if !present || !sure || !l.HasValue || traefikPublishes(value) || value == "false" {
			continue
		}
		shown := quote(value)
		if value != l.Value {
			shown = l.Value + " (" + quote(value) + " with the defaults)"
		}
		p.Report(l.ValuePos(), "traefik.enable of service %s is %s: rancher-traefik publishes a service only for \"true\" (as service.stack.domain) or \"stack\" (as stack.domain), and \"false\" hides it; write one of them", s.Name, shown)
	}
}
