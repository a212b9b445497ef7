// Package stack reads a version's compose project the way Rancher schedules
// it: label and field values after `$` interpolation with the answers a user
// gets by accepting every default, launch-config groups (a primary and its
// sidekicks), each service's host pins, and what each service takes from
// the host it runs on (host ports, a syslog target on the host's loopback,
// mounts, named volumes and their drivers). It is an analysis of the catalog
// model, computed once per version (New) and shared by every rule that
// requires it (lint.Requires(stack.New, check)) and by the deployment
// planner, so that they agree on what a service is, where it may run and
// what a value means.
package stack

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// View is one version's project with its answers.
type View struct {
	Version *catalog.Version
	Project *catalog.Project

	// The version's default answers: Lookup, Expand and ExpandSymbolic
	// read values through them.
	*catalog.Answers

	services  []*catalog.Service // Services, read once
	sidekicks *Sidekicks

	// The readings derived on first use (catalog.Derive), kept here too:
	// rules ask for them once per service, and a load is cheaper than
	// Derive's lock and lookup.
	hostUses     atomic.Pointer[hostUse]
	placementsOf atomic.Pointer[placements]
}

// New returns the view of v, computed once per version, or nil when v has no
// docker-compose project to read (missing file, template or YAML errors:
// other rules report those).
func New(v *catalog.Version) *View {
	if v == nil {
		return nil
	}
	return catalog.Derive(v, viewKey, func() *View { return build(v) })
}

var viewKey = catalog.NewKey[*View]("stack")

func build(v *catalog.Version) *View {
	if v == nil || v.Project == nil || v.Project.DC == nil {
		return nil
	}
	w := &View{Version: v, Project: v.Project, Answers: v.DefaultAnswers()}
	for _, s := range w.Project.Services {
		if s.DC != nil {
			w.services = append(w.services, s)
		}
	}
	w.services = slices.Clip(w.services)
	w.sidekicks = analyzeSidekicks(w)
	w.readGroups()
	return w
}

// Services returns the services docker-compose defines, in file order.
// Services only rancher-compose.yml mentions are not part of the executor's
// project (D007 reports them). The list is shared by every caller: read
// it, do not modify it.
func (w *View) Services() []*catalog.Service { return w.services }

// index returns the position of s in Services, or -1 for a service that
// is not there.
func (w *View) index(s *catalog.Service) int {
	if i, ok := w.sidekicks.order[s.Name]; ok && w.services[i] == s {
		return i
	}
	return -1
}

// Service returns the docker-compose service called name, or nil.
func (w *View) Service(name string) *catalog.Service {
	s := w.Project.Service(name)
	if s == nil || s.DC == nil {
		return nil
	}
	return s
}

// Symbolic reports whether an ExpandSymbolic result still holds a
// reference to an answer the user types.
func Symbolic(s string) bool { return strings.Contains(s, "${") }

// Scalar returns a scalar node's value as the executor ends up with it: an
// unquoted scalar is first read as YAML 1.1 and printed back (`yes` becomes
// "true", `1.0` becomes "1"), then interpolated. ok is false for nulls,
// collections and values that are not sure (see Expand).
func (w *View) Scalar(n *yaml.Node) (string, bool) {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return w.Expand(yaml11.Text(n))
}

// LabelValue returns a label's value after interpolation, read as Scalar
// reads map values; list items (`- key=value`) are strings as written.
func (w *View) LabelValue(l catalog.Label) (string, bool) {
	if !l.HasValue {
		return "", false
	}
	if l.ValueNode != nil && l.ValueNode != l.KeyNode {
		return w.Scalar(l.ValueNode)
	}
	return w.Expand(l.Value)
}

// Label returns a service's label and its interpolated value. present is
// false when the service does not set the label; sure as for Expand.
func (w *View) Label(s *catalog.Service, key string) (l catalog.Label, value string, present, sure bool) {
	l, present = s.Label(key)
	if !present {
		return l, "", false, false
	}
	value, sure = w.LabelValue(l)
	return l, value, true, sure
}

// FieldString returns a service field's scalar value after interpolation.
func (w *View) FieldString(s *catalog.Service, key string) (catalog.Entry, string, bool) {
	e, ok := s.Field(key)
	if !ok {
		return e, "", false
	}
	v, sure := w.Scalar(e.Value)
	return e, v, sure
}

// Image returns the service's image after interpolation ("" when unset).
func (w *View) Image(s *catalog.Service) string {
	_, v, _ := w.FieldString(s, "image")
	return v
}

// Kind tells the special Rancher images (rancher/types.go) apart.
type Kind int

const (
	Container       Kind = iota // an ordinary service
	LoadBalancer                // rancher/lb-service-haproxy
	LegacyBalancer              // rancher/load-balancer-service
	ExternalService             // rancher/external-service: no containers
	DNSService                  // rancher/dns-service: an alias, no containers
)

// KindOf classifies a service by its image.
func (w *View) KindOf(s *catalog.Service) Kind {
	img := w.Image(s)
	repo := img
	if i := strings.LastIndexByte(repo, ':'); i > strings.LastIndexByte(repo, '/') {
		repo = repo[:i]
	}
	switch repo {
	case "rancher/lb-service-haproxy":
		return LoadBalancer
	case "rancher/load-balancer-service":
		return LegacyBalancer
	case "rancher/external-service":
		return ExternalService
	case "rancher/dns-service":
		return DNSService
	}
	return Container
}

// HasHealthCheck reports whether either file gives the service a health_check.
func HasHealthCheck(s *catalog.Service) bool {
	for _, e := range s.Fields("health_check") {
		if !yamlnode.IsNull(e.Value) {
			return true
		}
	}
	return false
}
