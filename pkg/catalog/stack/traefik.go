package stack

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// TraefikExternalKeys are the labels rancher-traefik's template reads in
// the catalog Traefik's `external` integration mode (spec §8).
var TraefikExternalKeys = []string{
	"traefik.enable", "traefik.domain", "traefik.domain.regexp",
	"traefik.alias", "traefik.alias.fqdn", "traefik.port", "traefik.protocol",
	"traefik.priority", "traefik.weight", "traefik.sticky", "traefik.acme",
	"traefik.frontend.passhostheader", "traefik.backend.loadbalancer.method",
	"traefik.backend.circuitbreaker.expression",
	"traefik.path", "traefik.path.strip", "traefik.path.prefix", "traefik.path.prefix.strip",
	"traefik.ratelimit.enable", "traefik.ratelimit.period", "traefik.ratelimit.average", "traefik.ratelimit.burst",
}

// TraefikProvider reports whether service s is written for Traefik 1.x's
// own Rancher provider rather than for rancher-traefik's external mode: it
// carries a traefik.* label the external mode does not read (a frontend
// rule, a segment). That provider builds its routes from those labels and
// routes to containers that are running and not unhealthy, health check or
// not, so the external mode's expectations (traefik.domain, a health_check)
// do not apply to it.
func TraefikProvider(s *catalog.Service) bool {
	for _, l := range s.Labels() {
		k := strings.ToLower(l.Key)
		if strings.HasPrefix(k, "traefik.") && !slices.Contains(TraefikExternalKeys, k) {
			return true
		}
	}
	return false
}
