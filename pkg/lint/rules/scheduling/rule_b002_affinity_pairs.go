package scheduling

import (
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
)

var ruleB002 = &lint.Rule{
	ID:       "B002",
	Slug:     "label.affinity-pairs",
	Formerly: []string{"lbl.affinity-pairs"},
	Severity: lint.Error,
	Summary:  "host_label and container_label rules are comma-separated key=value pairs after interpolation",
	Doc: "Cattle lowercases the value, splits it on commas without trimming and splits each item on `=`. An item " +
		"without `=` (or with an empty key) matches no host, so a hard rule leaves the service stuck in " +
		"Activating; `key=` makes Cattle fail with an index error. Spaces around `,` or `=` stay in the key or " +
		"value and a second `=` truncates the value: those are warnings. Values are checked after `$` " +
		"interpolation with the questions' defaults. " +
		"Error: Cattle's parser (v1.6) fails on such a rule and the service never schedules; spaces and `=` in a value are warnings.",
	Bad: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: ${HOST_LABEL}
# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: HOST_LABEL
      type: string
      default: lb   # not key=value
`,
	Good: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: ${HOST_LABEL}
# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: HOST_LABEL
      type: string
      default: lb=true
`,
	Version: lint.Requires(stack.New, checkB002),
}

func checkB002(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		for _, l := range s.Labels() {
			a, _, ok := labels.ParseAffinityKey(l.Key)
			if !ok || a.Kind == labels.Container {
				continue
			}
			value, sure := w.LabelValue(l)
			if !sure {
				continue
			}
			_, probs := labels.ParseAffinityValue(a.Kind, value)
			for _, pr := range probs {
				sev := lint.Warning
				if pr.SeverityFor(a) == "error" {
					sev = lint.Error
				}
				shown := ""
				if value != l.Value {
					shown = " (" + l.Value + " interpolates to " + quote(value) + ")"
				}
				p.ReportSeverity(sev, l.ValuePos(), "%s of service %s%s: %s", l.Key, s.Name, shown, pr.Msg)
			}
		}
	}
}
