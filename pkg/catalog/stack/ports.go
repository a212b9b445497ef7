package stack

import (
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// HostPort is one host port a service publishes.
type HostPort struct {
	IP            string // "" when bound on every address
	HostPort      int
	ContainerPort int
	Proto         string // "tcp" or "udp"
	Text          string // the ports item after interpolation
	// Doc and Node are where the item is written; nil for ports that are
	// not read from the compose files.
	Doc  *catalog.Doc
	Node *yaml.Node
}

// Pos is where the ports item is written.
func (h HostPort) Pos() catalog.Pos { return h.Doc.At(h.Node) }

// AnyAddress reports whether the port is bound on every host address.
func (h HostPort) AnyAddress() bool { return h.IP == "" || h.IP == "0.0.0.0" || h.IP == "::" }

// Overlaps reports whether two ports claim the same host socket.
func (h HostPort) Overlaps(o HostPort) bool {
	return h.HostPort == o.HostPort && h.Proto == o.Proto && (h.AnyAddress() || o.AnyAddress() || h.IP == o.IP)
}

// Serves reports whether the port receives what a syslog target sends to
// the host's loopback.
func (h HostPort) Serves(t SyslogTarget) bool {
	return h.HostPort == t.Port && h.Proto == t.Proto && (h.AnyAddress() || h.IP == "127.0.0.1" || h.IP == "localhost")
}

// HostPorts returns the host ports a service publishes through `ports`
// (`[ip:]host:container[/proto]`, ranges expanded), after interpolation.
// Items with only a container port get a random host port and are left out,
// as are items whose value the user types. On the host network Docker
// ignores the mapping and the process listens on the container port of the
// host itself, which Cattle still reserves.
func (w *View) HostPorts(s *catalog.Service) []HostPort { return w.service(s).ports }

// maxRange bounds the ports one range item expands to.
const maxRange = 1024

func bindings(w *View, s *catalog.Service, hostNet bool) []HostPort {
	e, ok := s.Field("ports")
	if !ok || !yamlnode.IsSeq(e.Value) {
		return nil
	}
	var out []HostPort
	for _, item := range e.Value.Content {
		text, sure := w.Scalar(item)
		if !sure {
			continue
		}
		if hostNet {
			out = append(out, parseHostNetPort(text, e.Doc, yamlnode.Resolve(item))...)
			continue
		}
		out = append(out, parsePort(text, e.Doc, yamlnode.Resolve(item))...)
	}
	return out
}

// parseHostNetPort reads a ports item of a host-network service: the
// process listens on the container port, on every host address.
func parseHostNetPort(text string, doc *catalog.Doc, node *yaml.Node) []HostPort {
	spec, proto, _ := strings.Cut(text, "/")
	if i := strings.LastIndexByte(spec, ':'); i >= 0 {
		spec = spec[i+1:]
	}
	if proto == "" {
		proto = "tcp"
	}
	lo, hi, ok := portRange(spec)
	if !ok || hi-lo > maxRange {
		return nil
	}
	var out []HostPort
	for p := lo; p <= hi; p++ {
		out = append(out, HostPort{HostPort: p, ContainerPort: p, Proto: strings.ToLower(proto), Text: text, Doc: doc, Node: node})
	}
	return out
}

// parsePort reads one ports item; it returns nothing for items without a
// host port or that do not parse (D002 reports those).
func parsePort(text string, doc *catalog.Doc, node *yaml.Node) []HostPort {
	spec, proto, _ := strings.Cut(text, "/")
	if proto == "" {
		proto = "tcp"
	}
	proto = strings.ToLower(proto)
	ip := ""
	if strings.HasPrefix(spec, "[") { // [v6]:host:container
		end := strings.IndexByte(spec, ']')
		if end < 0 {
			return nil
		}
		ip, spec = spec[1:end], strings.TrimPrefix(spec[end+1:], ":")
	}
	parts := strings.Split(spec, ":")
	var host, cont string
	switch len(parts) {
	case 2:
		host, cont = parts[0], parts[1]
	case 3:
		ip, host, cont = parts[0], parts[1], parts[2]
	default:
		return nil
	}
	if host == "" {
		return nil
	}
	hlo, hhi, ok1 := portRange(host)
	clo, chi, ok2 := portRange(cont)
	if !ok1 || !ok2 || hhi-hlo > maxRange {
		return nil
	}
	var out []HostPort
	for p := hlo; p <= hhi; p++ {
		c := clo
		if chi > clo {
			c = clo + (p - hlo)
		}
		out = append(out, HostPort{IP: ip, HostPort: p, ContainerPort: c, Proto: proto, Text: text, Doc: doc, Node: node})
	}
	return out
}

// portRange parses "80" or "8000-8010".
func portRange(s string) (lo, hi int, ok bool) {
	a, b, isRange := strings.Cut(s, "-")
	lo, err := strconv.Atoi(a)
	if err != nil || lo < 1 || lo > 65535 {
		return 0, 0, false
	}
	if !isRange {
		return lo, lo, true
	}
	hi, err = strconv.Atoi(b)
	if err != nil || hi < lo || hi > 65535 {
		return 0, 0, false
	}
	return lo, hi, true
}
