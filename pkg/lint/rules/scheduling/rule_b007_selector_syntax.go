package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
)

// selectorLabels take a selector expression.
var selectorLabels = []string{
	"io.rancher.service.selector.link",
	"io.rancher.service.selector.container",
}

var ruleB007 = &lint.Rule{
	ID:       "B007",
	Slug:     "label.selector-syntax",
	Formerly: []string{"lbl.selector-syntax"},
	Severity: lint.Error,
	Summary:  "service selector labels parse as Cattle selectors",
	Doc: "`io.rancher.service.selector.link` and `io.rancher.service.selector.container` hold a comma-separated " +
		"list of requirements that must all hold: `k=v`, `k!=v`, `k`, `k in (a, b)` or `k notin (a, b)`. Cattle " +
		"rejects a term whose key has a space and an empty term matches nothing, so the service links to or " +
		"manages no container. " +
		"Error: Cattle (v1.6) rejects the selector and the deploy fails.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.service.selector.container: app name=web`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.service.selector.container: app=web`,
	Version: lint.Requires(stack.New, checkB007),
}

func checkB007(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		for _, key := range selectorLabels {
			l, value, present, sure := w.Label(s, key)
			if !present || !sure || !l.HasValue {
				continue
			}
			if value == "" && strings.Contains(l.Value, "$") {
				continue // an optional selector left empty by its question's default
			}
			if _, err := labels.ParseSelector(value); err != nil {
				p.Report(l.ValuePos(), "%s of service %s: %v", key, s.Name, err)
			}
		}
	}
}
