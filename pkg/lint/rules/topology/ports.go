package topology

import (
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// binding is one host port a service publishes.
type binding struct {
	IP            string // "" when bound on every address
	HostPort      int
	ContainerPort int
	Proto         string // "tcp" or "udp"
	Text          string // the item after interpolation
	Doc           *catalog.Doc
	Node          *yaml.Node
}

func (b binding) pos() catalog.Pos { return b.Doc.At(b.Node) }

// anyAddress reports whether the binding listens on every host address.
func (b binding) anyAddress() bool { return b.IP == "" || b.IP == "0.0.0.0" || b.IP == "::" }

// overlaps reports whether two bindings claim the same host socket.
func (b binding) overlaps(o binding) bool {
	return b.HostPort == o.HostPort && b.Proto == o.Proto && (b.anyAddress() || o.anyAddress() || b.IP == o.IP)
}

// maxRange bounds the ports one range item expands to.
const maxRange = 1024

// bindings returns the host ports a service publishes through `ports`
// (`[ip:]host:container[/proto]`, ranges expanded), after interpolation.
// Items with only a container port get a random host port and are left out.
// On the host network Docker ignores the mapping and the process listens on
// the container port of the host itself, which Cattle still reserves.
func bindings(w *stack.View, s *catalog.Service) []binding {
	hostNet := hostNetwork(w, s)
	e, ok := s.Field("ports")
	if !ok || !yamlnode.IsSeq(e.Value) {
		return nil
	}
	var out []binding
	for _, item := range e.Value.Content {
		text, sure := w.Scalar(item)
		if !sure {
			continue
		}
		if hostNet {
			out = append(out, parseHostNetBinding(text, e.Doc, yamlnode.Resolve(item))...)
			continue
		}
		out = append(out, parseBinding(text, e.Doc, yamlnode.Resolve(item))...)
	}
	return out
}

// hostNetwork reports whether a service uses the host's network stack.
func hostNetwork(w *stack.View, s *catalog.Service) bool {
	for _, key := range []string{"network_mode", "net"} {
		if _, v, sure := w.FieldString(s, key); sure && v == "host" {
			return true
		}
	}
	return false
}

// parseHostNetBinding reads a ports item of a host-network service: the
// process listens on the container port, on every host address.
func parseHostNetBinding(text string, doc *catalog.Doc, node *yaml.Node) []binding {
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
	var out []binding
	for p := lo; p <= hi; p++ {
		out = append(out, binding{HostPort: p, ContainerPort: p, Proto: strings.ToLower(proto), Text: text, Doc: doc, Node: node})
	}
	return out
}

// parseBinding reads one ports item; it returns nothing for items without a
// host port or that do not parse (D002 reports those).
func parseBinding(text string, doc *catalog.Doc, node *yaml.Node) []binding {
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
	var out []binding
	for p := hlo; p <= hhi; p++ {
		c := clo
		if chi > clo {
			c = clo + (p - hlo)
		}
		out = append(out, binding{IP: ip, HostPort: p, ContainerPort: c, Proto: proto, Text: text, Doc: doc, Node: node})
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
