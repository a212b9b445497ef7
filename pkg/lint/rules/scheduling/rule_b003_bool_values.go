package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

// boolLabels are the labels Cattle reads with Java's Boolean.valueOf.
var boolLabels = []string{
	"io.rancher.scheduler.global",
	"io.rancher.container.start_once",
	"io.rancher.container.dns",
}

var ruleB003 = &lint.Rule{
	ID:       "B003",
	Slug:     "label.bool-values",
	Formerly: []string{"lbl.bool-values"},
	Severity: lint.Warning,
	Summary:  "io.rancher.scheduler.global, container.start_once and container.dns are true or false",
	Doc: "Cattle reads these labels with Java's Boolean.valueOf: only `true`, in any case, turns them on, and " +
		"every other value (`1`, `enabled`, a quoted `'yes'`) silently means false. Unquoted `yes`/`on` are " +
		"fine because the executor's YAML 1.1 parser turns them into true first. " +
		"Warning: Cattle (v1.6) reads anything but true as false, silently.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.global: "1"`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.global: "true"`,
	Version: lint.Requires(stack.New, checkB003),
}

func checkB003(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		for _, key := range boolLabels {
			l, value, present, sure := w.Label(s, key)
			if !present || !sure || value == "" {
				continue
			}
			if strings.EqualFold(value, "true") || strings.EqualFold(value, "false") {
				continue
			}
			shown := quote(value)
			if value != l.Value {
				shown = l.Value + " (" + quote(value) + " with the defaults)"
			}
			p.Report(l.ValuePos(), "%s of service %s is %s: Cattle reads it with Boolean.valueOf, so it means false; write \"true\" or \"false\"", key, s.Name, shown)
		}
	}
}
