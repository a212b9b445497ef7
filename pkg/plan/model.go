// Package plan answers "given my hosts, where will this version run, and
// what will break?": it renders a catalog version with a set of answers as
// Rancher would, applies Cattle's scheduling rules (catalog spec §6: hard and
// soft host_label, container_label and container rules, `_ne`, global
// services, sidekicks placed with their primary, scale, host ports) to an
// inventory of hosts, and reports each service's placement and every
// problem with its cause. The readings of a stack (values after
// interpolation, launch-config groups, host ports, syslog targets, volumes)
// are the ones the TP and S lint rules use, so plan and lint agree; plan
// makes them concrete for one set of hosts.
package plan

// Severity of a problem.
type Severity string

const (
	Error   Severity = "error"   // something does not run or loses data
	Warning Severity = "warning" // it runs, but not as the stack intends, or may not
)

// Problem kinds.
const (
	KindAnswer       = "answer"          // an answer missing or unknown
	KindRender       = "render"          // what Rancher's rendering warns about (pkg/rancher/deploy)
	KindSidekick     = "sidekick"        // launch-config structure Cattle rejects
	KindNoHost       = "no-host"         // a service no host can take: stuck in Activating
	KindGlobal       = "global-nowhere"  // a global service that lands on no host
	KindScale        = "scale"           // more containers than hosts that can take one
	KindPortTaken    = "port-taken"      // a host port already taken on the chosen host
	KindSyslog       = "syslog"          // syslog to 127.0.0.1 with nothing listening there
	KindLocalVolume  = "local-volume"    // a local volume split between hosts
	KindHostPath     = "host-path"       // state in a host folder of a service that moves
	KindStorage      = "storage-driver"  // a volume driver no stack provides
	KindIngress      = "ingress"         // an entry point with no healthy target
	KindAffinityRule = "affinity-syntax" // a rule Cattle reads differently from its text
	KindOutside      = "outside-stack"   // a container rule about other stacks, assumed satisfied
)

// Plan is where a version's containers land on an inventory.
type Plan struct {
	Entry   string `json:"entry"`
	Version string `json:"version"` // .catalog.version
	Stack   string `json:"stack"`
	// Hosts are the inventory's hosts in its order, with what lands there.
	Hosts    []HostPlan    `json:"hosts"`
	Services []ServicePlan `json:"services"` // docker-compose order
	Volumes  []VolumePlan  `json:"volumes,omitempty"`
	Ingress  []Ingress     `json:"ingress,omitempty"`
	Edges    []Edge        `json:"edges,omitempty"`
	Stacks   []string      `json:"infrastructure,omitempty"`
	Problems []Problem     `json:"problems"`
}

// HostPlan is one host with its labels and the containers placed there.
type HostPlan struct {
	Name       string   `json:"name"`
	Labels     []string `json:"labels,omitempty"`      // k=v, sorted
	TakenPorts []string `json:"taken_ports,omitempty"` // from the inventory
	Containers []string `json:"containers,omitempty"`  // in placement order
}

// ServicePlan is one service (launch config) and where it runs.
type ServicePlan struct {
	Name string `json:"name"`
	// Kind is "container", "load-balancer", "external" or "dns".
	Kind      string   `json:"kind"`
	Image     string   `json:"image,omitempty"`
	Primary   string   `json:"primary,omitempty"`   // set on sidekicks
	Sidekicks []string `json:"sidekicks,omitempty"` // set on primaries
	Global    bool     `json:"global,omitempty"`
	Scale     int      `json:"scale"`
	// Rules are the scheduling labels Cattle reads, "key: value".
	Rules []string `json:"rules,omitempty"`
	// Eligible are the hosts whose labels and containers satisfy the hard
	// rules of the service and its launch-config group.
	Eligible []string `json:"eligible"`
	// Preferred are the eligible hosts that satisfy the most soft rules
	// (empty when the service has none).
	Preferred []string `json:"preferred,omitempty"`
	// Rejected says why each other host is not eligible.
	Rejected   []Rejection `json:"rejected,omitempty"`
	Containers []Container `json:"containers,omitempty"`
	Ports      []string    `json:"ports,omitempty"` // host ports it publishes
	Mounts     []string    `json:"mounts,omitempty"`
	Unplaced   int         `json:"unplaced,omitempty"` // containers no host can take
}

// Hosts returns the distinct hosts the service's containers land on.
func (s ServicePlan) Hosts() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range s.Containers {
		if !seen[c.Host] {
			seen[c.Host] = true
			out = append(out, c.Host)
		}
	}
	return out
}

// Rejection is why a host cannot take a service.
type Rejection struct {
	Host   string `json:"host"`
	Reason string `json:"reason"`
}

// Container is one placed container.
type Container struct {
	Name    string `json:"name"`
	Service string `json:"service"`
	Host    string `json:"host"`
}

// VolumePlan is a named volume and the hosts it is used on.
type VolumePlan struct {
	Name   string   `json:"name"`
	Driver string   `json:"driver"` // "local" when unset
	Shared bool     `json:"shared"` // false for external and per_container volumes
	Users  []string `json:"users"`
	Hosts  []string `json:"hosts,omitempty"`
}

// Ingress is a way in from outside: a host port, a Traefik route or a
// Rancher load balancer rule.
type Ingress struct {
	Kind    string   `json:"kind"`              // "port", "traefik" or "load-balancer"
	Service string   `json:"service"`           // the service that listens (for Traefik: the one routed to)
	Entry   string   `json:"entry"`             // "80/tcp", "Host:registry.example.com -> :80", "80 -> proxy:80"
	Targets []string `json:"targets,omitempty"` // services it sends to
	Hosts   []string `json:"hosts,omitempty"`   // where it listens
}

// Edge is a relation drawn between services.
type Edge struct {
	Kind string `json:"kind"` // "volumes_from", "network", "link", "syslog", "load-balancer"
	From string `json:"from"`
	To   string `json:"to"`
}

// Problem is something that will break, with its cause.
type Problem struct {
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`
	Service  string   `json:"service,omitempty"`
	Host     string   `json:"host,omitempty"`
	Message  string   `json:"message"`
}

// Errors counts the problems of severity error.
func (p *Plan) Errors() int {
	n := 0
	for _, pr := range p.Problems {
		if pr.Severity == Error {
			n++
		}
	}
	return n
}

// Service returns the plan of the named service, or nil.
func (p *Plan) Service(name string) *ServicePlan {
	for i := range p.Services {
		if p.Services[i].Name == name {
			return &p.Services[i]
		}
	}
	return nil
}
