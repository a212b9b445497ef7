package topology

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
)

// The TP rules judge a stack for every possible set of hosts. The functions
// below hand the same readings (host ports, syslog targets, mounts, named
// volumes) to tools that apply them to one concrete set of hosts, so that
// both agree on what a service publishes, where it logs and what it keeps.

// Placed returns the services that run containers on hosts (not external
// or DNS services), in file order.
func Placed(w *stack.View) []*catalog.Service { return placed(w) }

// HostPort is one host port a service publishes.
type HostPort struct {
	IP            string // "" when bound on every address
	HostPort      int
	ContainerPort int
	Proto         string // "tcp" or "udp"
	Text          string // the ports item after interpolation
}

// AnyAddress reports whether the port is bound on every host address.
func (h HostPort) AnyAddress() bool { return h.binding().anyAddress() }

// Overlaps reports whether two ports claim the same host socket.
func (h HostPort) Overlaps(o HostPort) bool { return h.binding().overlaps(o.binding()) }

func (h HostPort) binding() binding {
	return binding{IP: h.IP, HostPort: h.HostPort, ContainerPort: h.ContainerPort, Proto: h.Proto, Text: h.Text}
}

// HostPorts returns the host ports a service publishes, as TP004 and TP005
// read them (ranges expanded, host-network services on their container
// ports).
func HostPorts(w *stack.View, s *catalog.Service) []HostPort {
	var out []HostPort
	for _, b := range bindings(w, s) {
		out = append(out, HostPort{IP: b.IP, HostPort: b.HostPort, ContainerPort: b.ContainerPort, Proto: b.Proto, Text: b.Text})
	}
	return out
}

// HostNetwork reports whether a service uses its host's network stack.
func HostNetwork(w *stack.View, s *catalog.Service) bool { return hostNetwork(w, s) }

// SyslogTarget is where a service sends syslog on its own host.
type SyslogTarget struct {
	Proto string // "tcp" or "udp"
	Port  int
	Text  string // the syslog-address after interpolation
}

// LocalSyslog returns the service's syslog destination when it is the
// host's loopback, as TP002 reads it.
func LocalSyslog(w *stack.View, s *catalog.Service) (SyslogTarget, bool) {
	t, ok := localSyslog(w, s)
	return SyslogTarget{Proto: t.Proto, Port: t.Port, Text: t.Text}, ok
}

// Serves reports whether a host port receives what a syslog target sends.
func (h HostPort) Serves(t SyslogTarget) bool { return h.binding().serves(t.Port, t.Proto) }

// serves reports whether the binding receives what is sent to port/proto on
// the host's loopback.
func (b binding) serves(port int, proto string) bool {
	return b.HostPort == port && b.Proto == proto && (b.anyAddress() || b.IP == "127.0.0.1" || b.IP == "localhost")
}

// Mount is one item of a service's volumes.
type Mount struct {
	Source, Target string // Source is "" for an anonymous volume
	ReadOnly       bool
	Bind           bool // a host path
	Named          bool // a named volume
	// State is true for a writable host path that holds the container's
	// own data (not the Docker socket, logs or system folders).
	State bool
}

// Mounts returns a service's volumes as TP003 reads them.
func Mounts(w *stack.View, s *catalog.Service) []Mount {
	var out []Mount
	for _, m := range mounts(w, s) {
		out = append(out, Mount{
			Source: m.Source, Target: m.Target, ReadOnly: m.ReadOnly,
			Bind: m.bind(), Named: m.named(),
			State: m.bind() && !m.ReadOnly && statePath(m.Source),
		})
	}
	return out
}

// HostAgent reports whether a service works on its host (Docker socket,
// host logs, read-only host files) rather than on data of its own, so its
// host paths are per host by design.
func HostAgent(w *stack.View, s *catalog.Service) bool { return hostAgent(mounts(w, s)) }

// Volume is a named volume of the stack.
type Volume struct {
	Name     string
	Driver   string // after interpolation; "" means local
	Declared bool   // declared top-level (v2)
	// Shared is false for external and per_container volumes, which the
	// stack does not share between its containers.
	Shared bool
	Sure   bool     // the driver is known
	Users  []string // services mounting it, in file order
}

// Volumes returns the stack's named volumes in order of first appearance,
// as TP003 reads them.
func Volumes(w *stack.View) []Volume {
	vols, order := namedVolumes(w)
	out := make([]Volume, 0, len(order))
	for _, name := range order {
		v := vols[name]
		users := make([]string, len(v.Users))
		for i, u := range v.Users {
			users[i] = u.Name
		}
		out = append(out, Volume{Name: name, Driver: v.Driver, Declared: v.Decl != nil, Shared: !v.External, Sure: !v.Unsure, Users: users})
	}
	return out
}
