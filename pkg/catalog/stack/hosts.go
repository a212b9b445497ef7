package stack

import (
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// What a stack takes from the hosts it runs on — the host ports its
// services publish, where they log on their own host, what they mount and
// which named volumes they share — is read here once per version, so that
// the TP rules, which judge a stack for every possible set of hosts, and the
// deployment planner, which applies it to one concrete set, agree on it.
// The slices returned are shared by every caller: read them, do not modify
// them.

// hostUse holds those readings for one version.
type hostUse struct {
	placed   []*catalog.Service
	services []serviceUse // indexed as View.Services
	volumes  []Volume
}

// serviceUse is what one service takes from its host.
type serviceUse struct {
	hostNet bool
	ports   []HostPort
	mounts  []Mount
	syslog  SyslogTarget
	logs    bool // syslog is set: the service logs to its host's loopback
}

var hostUseKey = catalog.NewKey[*hostUse]("stack.hosts")

// hosts returns the version's readings, computed on first use.
func (w *View) hosts() *hostUse {
	if h := w.hostUses.Load(); h != nil {
		return h
	}
	h := catalog.Derive(w.Version, hostUseKey, func() *hostUse { return readHostUse(w) })
	w.hostUses.Store(h)
	return h
}

func readHostUse(w *View) *hostUse {
	h := &hostUse{services: make([]serviceUse, len(w.services)), placed: make([]*catalog.Service, 0, len(w.services))}
	for i, s := range w.services {
		readServiceUse(w, s, &h.services[i])
		switch w.KindOf(s) {
		case ExternalService, DNSService:
			continue
		}
		h.placed = append(h.placed, s)
	}
	h.placed = slices.Clip(h.placed)
	h.volumes = slices.Clip(namedVolumes(w, h))
	return h
}

func readServiceUse(w *View, s *catalog.Service, u *serviceUse) {
	u.hostNet = hostNetwork(w, s)
	u.ports = slices.Clip(bindings(w, s, u.hostNet))
	u.mounts = slices.Clip(mounts(w, s))
	u.syslog, u.logs = localSyslog(w, s)
}

// service returns what s takes from its host. A service outside the
// docker-compose project is read on the spot.
func (w *View) service(s *catalog.Service) *serviceUse {
	if i := w.index(s); i >= 0 {
		return &w.hosts().services[i]
	}
	u := &serviceUse{}
	readServiceUse(w, s, u)
	return u
}

// Placed returns the services that run containers on hosts (not external
// or DNS services), in file order.
func (w *View) Placed() []*catalog.Service { return w.hosts().placed }

// HostNetwork reports whether a service uses its host's network stack
// (`network_mode: host`, or v1's `net: host`).
func (w *View) HostNetwork(s *catalog.Service) bool { return w.service(s).hostNet }

func hostNetwork(w *View, s *catalog.Service) bool {
	for _, key := range []string{"network_mode", "net"} {
		if _, v, sure := w.FieldString(s, key); sure && v == "host" {
			return true
		}
	}
	return false
}
