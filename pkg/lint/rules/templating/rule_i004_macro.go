package templating

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/interpolation"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleI004 = &lint.Rule{
	ID:       "I004",
	Slug:     "interpolation.macro-escape",
	Formerly: []string{"interp.macro-escape"},
	Severity: lint.Warning,
	Summary:  "Cattle macros `${stack_name}`, `${service_name}`, `${project_name}` are written `$${…}`",
	Doc: "Cattle expands `${stack_name}`, `${service_name}` and `${project_name}` in scheduling labels, but the " +
		"executor interpolates compose values first and replaces them with blank strings (they are not questions). " +
		"An anti-affinity rule such as `io.rancher.stack_service.name=${stack_name}/${service_name}` then matches " +
		"`/`, nothing at all. Rancher's docs ask for `$${stack_name}`, which interpolation turns into the macro. " +
		"Warning: the executor (v1.6) substitutes a blank before Cattle ever sees the macro.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:container_label_ne: io.rancher.stack_service.name=${stack_name}/${service_name}`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:container_label_ne: io.rancher.stack_service.name=$${stack_name}/$${service_name}`,
	Version: lint.Requires(interpolation.Of, checkI004),
	Fixable: true,
}

func checkI004(p *lint.Pass, s *interpolation.Strings) {
	v := s.Version
	r := newReporter(p)
	for _, it := range s.Items {
		if it.Key || !strings.Contains(it.Text, "$") {
			continue
		}
		for _, ref := range it.Refs {
			if !cattleMacros[ref.Name] || v.Catalog.Question(ref.Name) != nil || it.Uncertain(ref) {
				continue // a question of that name is an ordinary answer
			}
			written := it.Text[ref.Offset:ref.End]
			pos := it.Pos(ref.Offset, ref.End)
			r.reportFix(pos, written, lint.ReplaceFix(pos, written, "$"+written, "escape the macro as $"+written), "%s: %s is a Cattle macro, but Rancher's interpolation runs first and replaces it with a blank string; write $${%s} so Cattle receives ${%s}", it.Where(), written, ref.Name, ref.Name)
		}
	}
}
