package scheduling

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

// enumLabels lists the values Cattle acts on for each label.
var enumLabels = []struct {
	key      string
	values   []string
	foldCase bool
	effect   string
}{
	{"io.rancher.container.pull_image", []string{"always"}, false, "the image is pulled only when missing"},
	{"io.rancher.container.hostname_override", []string{"container_name"}, true, "the hostname stays the container ID"},
	{"io.rancher.lb_service.target", []string{"only-local", "prefer-local"}, false, "the balancer targets every container"},
}

var ruleB004 = &lint.Rule{
	ID:       "B004",
	Slug:     "label.enum-values",
	Formerly: []string{"lbl.enum-values"},
	Severity: lint.Warning,
	Summary:  "pull_image, hostname_override and lb_service.target use the values Cattle knows",
	Doc: "Cattle acts on `io.rancher.container.pull_image` only when it is `always`, on " +
		"`io.rancher.container.hostname_override` only when it is `container_name` (any case), and on " +
		"`io.rancher.lb_service.target` only when it is `only-local` or `prefer-local`. Any other value is " +
		"silently ignored, so the behaviour the author asked for does not happen. " +
		"Warning: Cattle (v1.6) ignores other values.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.container.hostname_override: hostname`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.container.hostname_override: container_name`,
	Version: lint.Requires(stack.New, checkB004),
}

func checkB004(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		for _, e := range enumLabels {
			l, value, present, sure := w.Label(s, e.key)
			if !present || !sure || value == "" {
				continue
			}
			if slices.Contains(e.values, value) || e.foldCase && slices.ContainsFunc(e.values, func(x string) bool { return strings.EqualFold(x, value) }) {
				continue
			}
			shown := quote(value)
			if value != l.Value {
				shown = l.Value + " (" + quote(value) + " with the defaults)"
			}
			p.Report(l.ValuePos(), "%s of service %s is %s, which Cattle ignores (%s); write %s", e.key, s.Name, shown, e.effect, strings.Join(e.values, " or "))
		}
	}
}
