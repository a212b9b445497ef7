package scheduling

import (
	"slices"
	"strings"
	"sync"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
)

// traefikEnable is the label that publishes a service through Traefik.
const traefikEnable = "traefik.enable"

// traefikPublishes reports whether a traefik.enable value publishes the
// service in rancher-traefik's external mode.
func traefikPublishes(v string) bool { return v == "true" || v == "stack" }

// traefikExternalKeys are the labels rancher-traefik's template reads in
// the catalog's `external` integration mode (spec §8).
var traefikExternalKeys = stack.TraefikExternalKeys

// traefikProviderKeys are the labels of Traefik 1.7's own Rancher provider
// (the `api` and `metadata` modes), without the `traefik.` prefix, lower
// case. Those marked segment may also be written traefik.<segment>.<key>.
var traefikProviderKeys = []string{
	"enable",
}

var traefikSegmentKeys = []string{
	"port", "protocol", "weight", "backend", "domain",
	"backend.buffering.maxrequestbodybytes", "backend.buffering.maxresponsebodybytes",
	"backend.buffering.memrequestbodybytes", "backend.buffering.memresponsebodybytes",
	"backend.buffering.retryexpression",
	"backend.circuitbreaker.expression",
	"backend.healthcheck.path", "backend.healthcheck.interval", "backend.healthcheck.port",
	"backend.healthcheck.scheme", "backend.healthcheck.hostname", "backend.healthcheck.headers",
	"backend.loadbalancer.method", "backend.loadbalancer.sticky",
	"backend.loadbalancer.stickiness", "backend.loadbalancer.stickiness.cookiename",
	"backend.maxconn.amount", "backend.maxconn.extractorfunc",
	"backend.responseforwarding.flushinterval",
	"frontend.auth.basic", "frontend.auth.basic.removeheader", "frontend.auth.basic.users",
	"frontend.auth.basic.usersfile", "frontend.auth.digest.removeheader", "frontend.auth.digest.users",
	"frontend.auth.digest.usersfile", "frontend.auth.forward.address",
	"frontend.auth.forward.authresponseheaders", "frontend.auth.forward.tls.ca",
	"frontend.auth.forward.tls.caoptional", "frontend.auth.forward.tls.cert",
	"frontend.auth.forward.tls.insecureskipverify", "frontend.auth.forward.tls.key",
	"frontend.auth.forward.trustforwardheader", "frontend.auth.headerfield",
	"frontend.entrypoints", "frontend.passhostheader", "frontend.passtlscert", "frontend.priority",
	"frontend.ratelimit.extractorfunc", "frontend.redirect.entrypoint", "frontend.redirect.regex",
	"frontend.redirect.replacement", "frontend.redirect.permanent", "frontend.rule",
	"frontend.whitelist.sourcerange", "frontend.whitelist.usexforwardedfor",
	"frontend.whitelist.ipstrategy", "frontend.whitelist.ipstrategy.depth",
	"frontend.whitelist.ipstrategy.excludedips", "frontend.whitelistsourcerange",
	"frontend.headers.customrequestheaders", "frontend.headers.customresponseheaders",
	"frontend.headers.allowedhosts", "frontend.headers.browserxssfilter",
	"frontend.headers.contentsecuritypolicy", "frontend.headers.contenttypenosniff",
	"frontend.headers.custombrowserxssvalue", "frontend.headers.customframeoptionsvalue",
	"frontend.headers.forcestsheader", "frontend.headers.framedeny",
	"frontend.headers.hostsproxyheaders", "frontend.headers.isdevelopment",
	"frontend.headers.publickey", "frontend.headers.referrerpolicy",
	"frontend.headers.sslredirect", "frontend.headers.ssltemporaryredirect",
	"frontend.headers.sslhost", "frontend.headers.sslforcehost", "frontend.headers.sslproxyheaders",
	"frontend.headers.stsseconds", "frontend.headers.stsincludesubdomains", "frontend.headers.stspreload",
}

// traefikKnown reports whether a traefik.* label key is read by either
// integration.
func traefikKnown(key string) bool {
	k := strings.ToLower(key)
	if slices.Contains(traefikExternalKeys, k) {
		return true
	}
	rest, ok := strings.CutPrefix(k, "traefik.")
	if !ok {
		return false
	}
	if slices.Contains(traefikProviderKeys, rest) || segmentKey(rest) {
		return true
	}
	// traefik.<segment>.<key>
	seg, sub, ok := strings.Cut(rest, ".")
	if !ok || seg == "" || slices.Contains(traefikReservedWords, seg) {
		return false
	}
	return segmentKey(sub)
}

// traefikReservedWords cannot be segment names: they start provider keys.
var traefikReservedWords = []string{"frontend", "backend", "enable", "port", "protocol", "weight", "domain",
	"alias", "path", "ratelimit", "priority", "sticky", "acme"}

func segmentKey(k string) bool {
	if slices.Contains(traefikSegmentKeys, k) {
		return true
	}
	// Keys with a user-chosen name in the middle.
	if name, ok := strings.CutPrefix(k, "frontend.errors."); ok {
		i := strings.LastIndexByte(name, '.')
		return i > 0 && slices.Contains([]string{"backend", "query", "status"}, name[i+1:])
	}
	if name, ok := strings.CutPrefix(k, "frontend.ratelimit.rateset."); ok {
		i := strings.LastIndexByte(name, '.')
		return i > 0 && slices.Contains([]string{"period", "average", "burst"}, name[i+1:])
	}
	return strings.HasPrefix(k, "frontend.passtlsclientcert.")
}

// traefikCandidates returns every fixed key, for suggestions.
func traefikCandidates() []string {
	traefikCandidatesOnce.Do(func() { traefikCandidateList = buildTraefikCandidates() })
	return traefikCandidateList
}

var (
	traefikCandidatesOnce sync.Once
	traefikCandidateList  []string
)

func buildTraefikCandidates() []string {
	out := slices.Clone(traefikExternalKeys)
	for _, k := range traefikProviderKeys {
		out = append(out, "traefik."+k)
	}
	for _, k := range traefikSegmentKeys {
		out = append(out, "traefik."+k)
	}
	return out
}
