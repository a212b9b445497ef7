package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint/rules/scheduling/stack"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// ref is a reference from one launch config to another: a volumes_from item
// (Cattle's dataVolumesFromLaunchConfigs) or `network_mode: container:X`
// (networkLaunchConfig).
type ref struct {
	From, To string
	Field    string // "volumes_from" or "network_mode"
	Doc      *catalog.Doc
	Node     *yaml.Node
}

func (r ref) pos() catalog.Pos { return r.Doc.At(r.Node) }

// refsOf returns the launch-config references of service s, after
// interpolation; references whose value is not sure are left out.
func refsOf(w *stack.View, s *catalog.Service) []ref {
	var out []ref
	if e, ok := stack.Field(s, "volumes_from"); ok {
		items := []*yaml.Node{e.Value}
		if yamlnode.IsSeq(e.Value) {
			items = e.Value.Content
		}
		for _, item := range items {
			v, sure := w.Scalar(item)
			if !sure || v == "" {
				continue
			}
			out = append(out, ref{From: s.Name, To: volumesFromName(v), Field: "volumes_from", Doc: e.Doc, Node: yamlnode.Resolve(item)})
		}
	}
	for _, key := range []string{"network_mode", "net"} {
		if e, ok := stack.Field(s, key); ok {
			if v, sure := w.Scalar(e.Value); sure && strings.HasPrefix(v, "container:") {
				out = append(out, ref{From: s.Name, To: strings.TrimPrefix(v, "container:"), Field: key, Doc: e.Doc, Node: e.Value})
			}
		}
	}
	return out
}

// volumesFromName strips the access mode of a volumes_from item
// (`name:ro`, `name:rw`).
func volumesFromName(v string) string {
	if i := strings.LastIndexByte(v, ':'); i > 0 {
		switch v[i+1:] {
		case "ro", "rw", "z", "Z":
			return v[:i]
		}
	}
	return v
}
