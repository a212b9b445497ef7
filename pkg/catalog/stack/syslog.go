package stack

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// SyslogTarget is where a service sends syslog on its own host.
type SyslogTarget struct {
	Proto string // "tcp" or "udp"
	Port  int
	Text  string // the syslog-address after interpolation
	Doc   *catalog.Doc
	Node  *yaml.Node // the syslog-address value
}

// Pos is where the syslog-address is written.
func (t SyslogTarget) Pos() catalog.Pos { return t.Doc.At(t.Node) }

// LocalSyslog returns where a service sends syslog when that is its host's
// loopback, from `logging` (v2) or `log_driver`/`log_opt` (v1). Docker's
// syslog driver is dialled by the Docker daemon, so 127.0.0.1 there is the
// host the container lands on.
func (w *View) LocalSyslog(s *catalog.Service) (SyslogTarget, bool) {
	u := w.service(s)
	return u.syslog, u.logs
}

func localSyslog(w *View, s *catalog.Service) (SyslogTarget, bool) {
	var driver string
	var opts catalog.Entry
	var optsNode *yaml.Node
	if e, ok := s.Field("logging"); ok {
		driver, _ = w.Scalar(yamlnode.Value(e.Value, "driver"))
		opts, optsNode = e, yamlnode.Value(e.Value, "options")
	} else if e, ok := s.Field("log_driver"); ok {
		driver, _ = w.Scalar(e.Value)
		if o, ok := s.Field("log_opt"); ok {
			opts, optsNode = o, o.Value
		}
	}
	if driver != "syslog" || optsNode == nil {
		return SyslogTarget{}, false
	}
	node := yamlnode.Value(optsNode, "syslog-address")
	addr, sure := w.Scalar(node)
	if !sure {
		return SyslogTarget{}, false
	}
	u, err := url.Parse(addr)
	if err != nil {
		return SyslogTarget{}, false
	}
	proto := strings.TrimSuffix(u.Scheme, "+tls")
	if proto != "tcp" && proto != "udp" {
		return SyslogTarget{}, false
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1":
	default:
		return SyslogTarget{}, false
	}
	port := 514
	if ps := u.Port(); ps != "" {
		if port, err = strconv.Atoi(ps); err != nil {
			return SyslogTarget{}, false
		}
	}
	return SyslogTarget{Proto: proto, Port: port, Text: addr, Doc: opts.Doc, Node: yamlnode.Resolve(node)}, true
}
