// Package ports parses compose `ports` and `expose` entries the way Rancher
// 1.6's executor does before it creates a service: Docker's port-spec
// grammar (`[ip:][hostPort:]containerPort[/protocol]`, ports or ranges),
// where an entry that does not parse fails the whole deploy.
package ports

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
)

// ErrEmptyHostPort is `:80`, what `${HOST_PORT}:80` becomes with a blank
// answer. Docker's parser reads it as "any host port"; the executor reads
// the published port as a number, which fails on "" (strconv.ParseInt).
var ErrEmptyHostPort = errors.New("the host port before ':' is empty")

// Spec is one parsed entry.
type Spec struct {
	IP                           string
	HostStart, HostEnd           int // 0 when no host port is published
	ContainerStart, ContainerEnd int
	Protocol                     string // "tcp" unless written
}

// Parse reads a `ports` entry. The error says what is wrong in the words a
// catalog author needs.
func Parse(raw string) (Spec, error) {
	var s Spec
	rest, proto := splitProto(raw)
	switch proto {
	case "tcp", "udp", "sctp":
		s.Protocol = proto
	default:
		return s, fmt.Errorf("unknown protocol %q (tcp or udp)", proto)
	}
	parts, err := splitParts(rest)
	if err != nil {
		return s, err
	}
	var host, container string
	switch len(parts) {
	case 1:
		container = parts[0]
	case 2:
		host, container = parts[0], parts[1]
	case 3:
		s.IP, host, container = parts[0], parts[1], parts[2]
		ip := strings.TrimSuffix(strings.TrimPrefix(s.IP, "["), "]")
		if net.ParseIP(ip) == nil {
			return s, fmt.Errorf("%q is not an IP address", s.IP)
		}
	default:
		return s, fmt.Errorf("too many ':' (the form is [ip:][hostPort:]containerPort[/protocol])")
	}
	if container == "" {
		return s, fmt.Errorf("no container port")
	}
	if s.ContainerStart, s.ContainerEnd, err = parseRange(container); err != nil {
		return s, fmt.Errorf("container port: %w", err)
	}
	if host == "" && len(parts) == 2 {
		return s, ErrEmptyHostPort
	}
	if host != "" {
		if s.HostStart, s.HostEnd, err = parseRange(host); err != nil {
			return s, fmt.Errorf("host port: %w", err)
		}
		if s.HostEnd-s.HostStart != s.ContainerEnd-s.ContainerStart && s.HostStart != s.HostEnd {
			return s, fmt.Errorf("the host range %s and the container range %s differ in size", host, container)
		}
	}
	return s, nil
}

func splitProto(raw string) (string, string) {
	if i := strings.LastIndexByte(raw, '/'); i >= 0 {
		return raw[:i], strings.ToLower(raw[i+1:])
	}
	return raw, "tcp"
}

// splitParts splits on ':' outside an IPv6 address in brackets.
func splitParts(s string) ([]string, error) {
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return nil, fmt.Errorf("unclosed '[' in the IP address")
		}
		rest := s[end+1:]
		if !strings.HasPrefix(rest, ":") {
			return nil, fmt.Errorf("an IP address must be followed by ':hostPort:containerPort'")
		}
		parts := strings.Split(rest[1:], ":")
		return append([]string{s[:end+1]}, parts...), nil
	}
	return strings.Split(s, ":"), nil
}

// parseRange reads `N` or `N-M` with 1 <= N <= M <= 65535 (0 is allowed for
// a single port, as Docker does, meaning "any").
func parseRange(s string) (int, int, error) {
	lo, hi, isRange := strings.Cut(s, "-")
	start, err := port(lo)
	if err != nil {
		return 0, 0, err
	}
	if !isRange {
		return start, start, nil
	}
	end, err := port(hi)
	if err != nil {
		return 0, 0, err
	}
	if end < start {
		return 0, 0, fmt.Errorf("range %s ends before it starts", s)
	}
	return start, end, nil
}

func port(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("empty port number")
	}
	n, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		return 0, fmt.Errorf("%q is not a port number (0-65535)", s)
	}
	return int(n), nil
}
