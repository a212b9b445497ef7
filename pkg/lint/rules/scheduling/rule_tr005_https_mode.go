package scheduling

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTR005 = &lint.Rule{
	ID:       "TR005",
	Slug:     "traefik.https-mode",
	Severity: lint.Warning,
	Summary:  "https labels belong to the Traefik integration the service is written for",
	Doc: "The community Traefik entry reads service labels in one of two ways. Its `external` integration " +
		"(rancher-traefik's template) reads `traefik.enable: stack`, `traefik.alias`, `traefik.domain` and a few " +
		"more, and nothing about entry points or redirects. Traefik 1.7's own Rancher provider (the `metadata` " +
		"and `api` integrations, the entry's default) reads `traefik.frontend.entryPoints`, " +
		"`traefik.frontend.redirect.*` and `traefik.frontend.headers.SSL*`. A service that is written for the " +
		"external mode (`traefik.enable: stack`, or `traefik.alias`) but asks for https through provider labels " +
		"gets plain http in that mode: the https labels are silently ignored. " +
		"Warning: a setting the Traefik stack ignores.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.enable: stack
      traefik.alias: registry
      traefik.frontend.redirect.entryPoint: https`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.enable: "true"
      traefik.frontend.rule: Host:registry.example.com
      traefik.frontend.redirect.entryPoint: https`,
	Version: lint.Requires(stack.New, checkTR005),
}

// traefikHTTPSKeys are the provider labels that set up https (lower case).
func traefikHTTPSKey(key string) bool {
	k := strings.ToLower(key)
	for _, p := range []string{"traefik.frontend.entrypoints", "traefik.frontend.redirect.", "traefik.frontend.headers.ssl", "traefik.frontend.headers.sts", "traefik.frontend.headers.forcestsheader"} {
		if k == p || strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func checkTR005(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		external := ""
		if _, val, present, sure := w.Label(s, traefikEnable); present && sure && val == "stack" {
			external = "traefik.enable: stack"
		}
		for _, l := range s.Labels() {
			k := strings.ToLower(l.Key)
			if external == "" && slices.Contains([]string{"traefik.alias", "traefik.alias.fqdn"}, k) {
				external = l.Key
			}
		}
		if external == "" {
			continue
		}
		for _, l := range s.Labels() {
			if traefikHTTPSKey(l.Key) {
				p.Report(l.Pos(), "service %s is written for the Traefik stack's external integration (%s), which does not read %s: that https setting does nothing there; use Traefik's own labels (traefik.enable: \"true\", traefik.frontend.rule) with the metadata or api integration, or drop it", s.Name, external, l.Key)
			}
		}
	}
}
