package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// imageRef is a parsed image reference: [registry/]repo[:tag][@digest].
type imageRef struct {
	Repo   string // everything before the tag and digest
	Tag    string
	Digest string
}

func parseImage(s string) imageRef {
	s = strings.TrimSpace(s)
	var r imageRef
	if i := strings.IndexByte(s, '@'); i >= 0 {
		s, r.Digest = s[:i], s[i+1:]
	}
	slash := strings.LastIndexByte(s, '/')
	if i := strings.LastIndexByte(s, ':'); i > slash {
		s, r.Tag = s[:i], s[i+1:]
	}
	r.Repo = s
	return r
}

// repoName strips Docker Hub prefixes so that docker.io/rancher/x is rancher/x.
func (r imageRef) repoName() string {
	name := r.Repo
	for _, p := range []string{"docker.io/", "index.docker.io/", "registry.hub.docker.com/"} {
		name = strings.TrimPrefix(name, p)
	}
	return strings.TrimPrefix(name, "library/")
}

// Rancher's special images (rce rancher/types.go): services with them are
// created as external services, DNS aliases or legacy load balancers, not
// containers, and their tag does not matter.
var specialImages = map[string]bool{
	"rancher/external-service":      true,
	"rancher/dns-service":           true,
	"rancher/load-balancer-service": true,
}

// lbImage is the image of Rancher's haproxy load balancer service.
const lbImage = "rancher/lb-service-haproxy"

// serviceImage returns a service's image after interpolation, as merged
// across both files; ok is false when there is none, it is not a scalar or
// its value depends on an answer without a default.
func serviceImage(s *catalog.Service, a *answers) (image string, e catalog.Entry, ok bool) {
	e, found := s.Field("image")
	if !found {
		return "", e, false
	}
	img, sure := a.scalar(e.Value)
	return img, e, sure
}

// nonEmpty reports whether n is set to something other than null or "".
func nonEmpty(n *yaml.Node) bool {
	n = yamlnode.Resolve(n)
	if n == nil || yamlnode.IsNull(n) {
		return false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value != ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) > 0
	}
	return true
}
