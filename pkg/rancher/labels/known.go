package labels

import (
	"slices"
	"strings"
)

// Known lists the io.rancher.* label keys that Rancher 1.6 (Cattle, the
// executor, the load balancer and network services) reads from a service;
// System lists those it writes itself. A key under io.rancher. that is neither here
// nor under a KnownPrefixes entry is read by nothing Rancher ships.
var Known = []string{
	"io.rancher.sidekicks",
	"io.rancher.scheduler.global",
	"io.rancher.container.pull_image",
	"io.rancher.container.start_once",
	"io.rancher.container.hostname_override",
	"io.rancher.container.dns",
	"io.rancher.container.dns.priority",
	"io.rancher.container.requested_ip",
	"io.rancher.container.network",
	"io.rancher.container.create_agent",
	"io.rancher.container.create_agent_label",
	"io.rancher.container.agent.role",
	"io.rancher.container.agent.volumes_strategy",
	"io.rancher.container.system",
	"io.rancher.service.selector.link",
	"io.rancher.service.selector.container",
	"io.rancher.service.allocate.skip.serialize",
	"io.rancher.service.ui_link.label",
	"io.rancher.lb_service.target",
	"io.rancher.loadbalancer.ssl.ports",
	"io.rancher.loadbalancer.proxy-protocol.ports",
	"io.rancher.network.cni.binary",
	"io.rancher.network.macsync",
	"io.rancher.network.arpsync",
	"io.rancher.cni.link_mtu_overhead",
	"io.rancher.websocket.proxy.port",
	"io.rancher.websocket.proxy.scheme",
	"io.rancher.internal.service.vxlan",
}

// System are the labels Rancher writes on every container it creates; a
// service that sets one is overwritten (B006).
var System = []string{
	"io.rancher.stack.name",
	"io.rancher.stack_service.name",
	"io.rancher.project.name",
	"io.rancher.project_service.name",
	"io.rancher.service.deployment.unit",
	"io.rancher.service.launch.config",
	"io.rancher.service.requested.host.id",
	"io.rancher.service.hash",
	"io.rancher.container.uuid",
	"io.rancher.container.name",
	"io.rancher.container.ip",
	"io.rancher.container.mac_address",
}

// KnownPrefixes are families of io.rancher.* keys with a free last part.
// Affinity keys have a parser of their own (ParseAffinityKey).
var KnownPrefixes = []string{
	AffinityPrefix,
	"io.rancher.loadbalancer.target.",
	"io.rancher.container.agent_service.",
	"io.rancher.network.per_host_subnet.",
	"io.rancher.k8s.",
	"io.rancher.host.",
}

// IsKnown reports whether Rancher reads (or writes) the label key. Keys
// outside io.rancher. are not Rancher's and count as known.
func IsKnown(key string) bool {
	if !hasPrefixFold(key, "io.rancher.") {
		return true
	}
	k := strings.ToLower(key)
	for _, known := range Known {
		if k == known {
			return true
		}
	}
	for _, known := range System {
		if k == known {
			return true
		}
	}
	for _, p := range KnownPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// Candidates returns every known key and the affinity keys, for spelling
// suggestions. The list is built once and shared by every caller (B008 asks
// for it once per version): read it, do not modify it.
func Candidates() []string { return candidates }

var candidates = slices.Clip(buildCandidates())

func buildCandidates() []string {
	out := append(append([]string(nil), Known...), System...)
	for _, kind := range []string{"host_label", "container_label", "container"} {
		for _, suffix := range []string{"", "_soft", "_ne", "_soft_ne"} {
			out = append(out, AffinityPrefix+":"+kind+suffix)
		}
	}
	return out
}
