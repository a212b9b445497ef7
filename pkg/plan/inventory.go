package plan

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Inventory is the environment a stack is planned for: its hosts and the
// infrastructure stacks that run there.
type Inventory struct {
	Hosts []Host `json:"hosts"`
	// Stacks names the infrastructure stacks running in the environment
	// (traefik, rancher-nfs, …); nil when the inventory does not say, and
	// then nothing is assumed missing.
	Stacks []string `json:"stacks,omitempty"`
}

// Host is one Cattle host.
type Host struct {
	Name   string            `json:"name"`
	Labels map[string]string `json:"labels,omitempty"`
	// Ports are host ports already taken (by the host itself or another
	// stack), as "80/tcp".
	Ports []string `json:"ports,omitempty"`
}

// HasStack reports whether the inventory lists an infrastructure stack;
// known is false when the inventory lists none at all.
func (inv *Inventory) HasStack(name string) (has, known bool) {
	if inv.Stacks == nil {
		return false, false
	}
	for _, s := range inv.Stacks {
		if strings.EqualFold(s, name) {
			return true, true
		}
	}
	return false, true
}

// LoadInventory reads an inventory file.
func LoadInventory(path string) (*Inventory, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseInventory(path, data)
}

// ParseInventory reads an inventory:
//
//	hosts:
//	  - name: node1
//	    labels: {harbor-host: "true"}
//	    ports: [80, 443/tcp, 514/udp]
//	stacks: [traefik, rancher-nfs]
//
// Errors name the file, line and column and say what is expected.
func ParseInventory(name string, data []byte) (*Inventory, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: not YAML: %v", name, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: empty inventory; list the hosts under `hosts:`", name)
	}
	root := doc.Content[0]
	errf := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%s:%d:%d: %s", name, n.Line, n.Column, fmt.Sprintf(format, args...))
	}
	if root.Kind != yaml.MappingNode {
		return nil, errf(root, "an inventory is a mapping with `hosts:` (a list of hosts) and optionally `stacks:`")
	}
	inv := &Inventory{}
	seenHosts := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "hosts":
			seenHosts = true
			if v.Kind != yaml.SequenceNode {
				return nil, errf(v, "hosts: must be a list of hosts, each with name, labels and ports")
			}
			for _, item := range v.Content {
				h, err := parseHost(item, errf)
				if err != nil {
					return nil, err
				}
				for _, prev := range inv.Hosts {
					if prev.Name == h.Name {
						return nil, errf(item, "host %q is listed twice; host names must be unique", h.Name)
					}
				}
				inv.Hosts = append(inv.Hosts, h)
			}
		case "stacks":
			if v.Kind != yaml.SequenceNode {
				return nil, errf(v, "stacks: must be a list of infrastructure stack names, e.g. [traefik, rancher-nfs]")
			}
			inv.Stacks = []string{}
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode || item.Value == "" {
					return nil, errf(item, "stacks: each item is a stack name such as traefik or rancher-nfs")
				}
				inv.Stacks = append(inv.Stacks, item.Value)
			}
		default:
			return nil, errf(k, "unknown field %q; allowed: hosts, stacks", k.Value)
		}
	}
	if !seenHosts || len(inv.Hosts) == 0 {
		return nil, errf(root, "no hosts; list at least one under `hosts:`")
	}
	return inv, nil
}

func parseHost(n *yaml.Node, errf func(*yaml.Node, string, ...any) error) (Host, error) {
	if n.Kind != yaml.MappingNode {
		return Host{}, errf(n, "a host is a mapping with name, labels and ports")
	}
	h := Host{Labels: map[string]string{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "name":
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return Host{}, errf(v, "name: must be a non-empty string")
			}
			h.Name = v.Value
		case "labels":
			if v.Kind != yaml.MappingNode {
				return Host{}, errf(v, "labels: must be a mapping of host label keys to values, e.g. {harbor-host: \"true\"}")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				lk, lv := v.Content[j], v.Content[j+1]
				if lk.Kind != yaml.ScalarNode || lv.Kind != yaml.ScalarNode || lk.Value == "" {
					return Host{}, errf(lk, "labels: each label is key: value with a scalar value")
				}
				h.Labels[lk.Value] = lv.Value
			}
		case "ports":
			if v.Kind != yaml.SequenceNode {
				return Host{}, errf(v, "ports: must be a list of taken host ports, e.g. [80, 443/tcp, 514/udp]")
			}
			for _, p := range v.Content {
				port, err := normalizePort(p.Value)
				if p.Kind != yaml.ScalarNode || err != nil {
					return Host{}, errf(p, "ports: %q is not a port; write PORT or PORT/tcp or PORT/udp", p.Value)
				}
				h.Ports = append(h.Ports, port)
			}
			sort.Strings(h.Ports)
		default:
			return Host{}, errf(k, "unknown host field %q; allowed: name, labels, ports", k.Value)
		}
	}
	if h.Name == "" {
		return Host{}, errf(n, "a host needs a name")
	}
	return h, nil
}

// normalizePort turns "80" or "80/TCP" into "80/tcp".
func normalizePort(s string) (string, error) {
	num, proto, _ := strings.Cut(s, "/")
	p, err := strconv.Atoi(num)
	if err != nil || p < 1 || p > 65535 {
		return "", fmt.Errorf("bad port")
	}
	proto = strings.ToLower(proto)
	switch proto {
	case "":
		proto = "tcp"
	case "tcp", "udp":
	default:
		return "", fmt.Errorf("bad protocol")
	}
	return strconv.Itoa(p) + "/" + proto, nil
}
