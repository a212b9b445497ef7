package templating

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/interpolation"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
)

var ruleI001 = &lint.Rule{
	ID:       "I001",
	Slug:     "interpolation.syntax",
	Formerly: []string{"interp.syntax"},
	Severity: lint.Error,
	Summary:  "every `$` in a compose value is `$$`, `$NAME` or `${NAME}`",
	Doc: "Rancher 1.6 interpolates every value of both compose files with a strict grammar: `$$` is a literal `$`, " +
		"`$NAME` and `${NAME}` are answers, and anything else fails the whole deployment with \"Invalid interpolation " +
		"format\". That includes shell syntax such as `$(cmd)`, `$1` and `${VAR:-default}` (defaults came to upstream " +
		"libcompose later and never to Rancher's fork), and a `$` at the very end of a value crashes the executor. " +
		"Error: the executor (v1.6) rejects the value (\"Invalid interpolation format\") and the deploy fails.",
	Bad: `version: '2'
services:
  backup:
    image: alpine:3.10
    command: sh -c 'tar czf /backup/$(date +%F).tgz /data'
    environment:
      RETENTION: ${RETENTION:-7}`,
	Good: `version: '2'
services:
  backup:
    image: alpine:3.10
    command: sh -c 'tar czf /backup/$$(date +%F).tgz /data'
    environment:
      RETENTION: ${RETENTION}   # give the RETENTION question a default of 7`,
	Version: lint.Requires(interpolation.Of, checkI001),
}

func checkI001(p *lint.Pass, s *interpolation.Strings) {
	r := newReporter(p)
	for _, it := range s.Items {
		if it.Key || !strings.Contains(it.Text, "$") {
			continue
		}
		for _, e := range it.Errs {
			if it.OpenEnd && (e.Kind == interp.KindTrailingDollar || e.Kind == interp.KindUnclosedBrace) {
				continue // template output completes it
			}
			end := min(e.Offset+2, len(it.Text))
			consequence := `; Rancher rejects the stack with "Invalid interpolation format"`
			if e.Kind == interp.KindTrailingDollar {
				consequence = ""
			}
			r.report(it.Pos(e.Offset, end), it.Text[e.Offset:end], "%s: %s%s", it.Where(), e.Msg, consequence)
		}
	}
}
