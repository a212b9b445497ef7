package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleTR003 = &lint.Rule{
	ID:       "TR003",
	Slug:     "traefik.unknown-key",
	Severity: lint.Info,
	Summary:  "traefik.* labels are ones Traefik reads",
	Doc: "Traefik labels are plain strings that nothing validates: rancher-traefik's external mode and Traefik " +
		"1.7's own Rancher provider each read a fixed set of keys (the provider also reads " +
		"`traefik.<segment>.<key>` forms). A misspelt key is silently ignored, so the routing it was meant " +
		"to set up does not exist. " +
		"Info: Traefik ignores unknown labels; a likely typo.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.enable: "true"
      traefik.domian: example.com`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.enable: "true"
      traefik.domain: example.com`,
	Version: lint.Requires(stack.New, checkTR003),
}

func checkTR003(p *lint.Pass, w *stack.View) {
	candidates := traefikCandidates()
	for _, s := range w.Services() {
		for _, l := range s.Labels() {
			if !strings.HasPrefix(strings.ToLower(l.Key), "traefik.") || traefikKnown(l.Key) {
				continue
			}
			p.Report(l.Pos(), "label %s of service %s is read neither by rancher-traefik's external mode nor by Traefik 1.7's Rancher provider, so it has no effect%s", l.Key, s.Name, spelling.DidYouMean(l.Key, candidates))
		}
	}
}
