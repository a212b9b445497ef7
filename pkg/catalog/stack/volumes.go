package stack

import (
	"slices"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Volume is a named volume of the stack, as declared and as the services
// mount it.
type Volume struct {
	Name   string
	Decl   *catalog.Entry // top-level declaration (v2), if any
	Driver string         // after interpolation; "" means local
	Raw    string         // the driver as written
	// Doc and Node are where the driver is written (the declaration's key
	// when it names none); Node is nil when neither is written.
	Doc  *catalog.Doc
	Node *yaml.Node
	// Shared is false for external and per_container volumes, which the
	// stack does not share between its containers.
	Shared bool
	Sure   bool               // the driver is known
	Users  []*catalog.Service // placed services mounting it, in file order
	Mounts []Mount            // each user's first mount of it
}

// UserNames returns the names of the volume's users.
func (v Volume) UserNames() []string {
	out := make([]string, len(v.Users))
	for i, s := range v.Users {
		out[i] = s.Name
	}
	return out
}

// Volumes returns the stack's named volumes in order of first appearance:
// top-level declarations first, then volumes the placed services mount.
func (w *View) Volumes() []Volume { return w.hosts().volumes }

func namedVolumes(w *View, h *hostUse) []Volume {
	var vols []*Volume
	byName := map[string]*Volume{}
	get := func(name string) *Volume {
		if byName[name] == nil {
			byName[name] = &Volume{Name: name, Shared: true, Sure: true}
			vols = append(vols, byName[name])
		}
		return byName[name]
	}
	for i := range w.Project.Volumes {
		e := w.Project.Volumes[i]
		vol := get(e.Key.Value)
		vol.Decl, vol.Doc, vol.Node = &e, e.Doc, e.Key
		if ext := yamlnode.Value(e.Value, "external"); ext != nil && !(ext.Kind == yaml.ScalarNode && ext.Value == "false") {
			vol.Shared = false
		}
		if pc, _ := w.Scalar(yamlnode.Value(e.Value, "per_container")); pc == "true" {
			vol.Shared = false // one volume per container: nothing is shared
		}
		if k, d := yamlnode.Get(e.Value, "driver"); k != nil {
			vol.Raw = d.Value
			vol.Node = at(d, k)
			vol.Driver, vol.Sure = w.Scalar(d)
		}
	}
	for _, s := range h.placed {
		_, sdriver, sdriverSure := w.FieldString(s, "volume_driver")
		sdriverEntry, hasSDriver := s.Field("volume_driver")
		hasSDriver = hasSDriver && sdriverEntry.Value != nil
		for _, m := range h.services[w.index(s)].mounts {
			if !m.Named() {
				continue
			}
			vol := get(m.Source)
			if !slices.Contains(vol.Users, s) {
				vol.Users = append(vol.Users, s)
				vol.Mounts = append(vol.Mounts, m)
			}
			if vol.Decl == nil && hasSDriver && vol.Node == nil {
				// v1 semantics: the service's volume_driver creates it.
				vol.Raw, vol.Driver, vol.Sure = sdriverEntry.Value.Value, sdriver, sdriverSure
				vol.Doc, vol.Node = sdriverEntry.Doc, sdriverEntry.Value
			}
		}
	}
	out := make([]Volume, len(vols))
	for i, v := range vols {
		v.Users, v.Mounts = slices.Clip(v.Users), slices.Clip(v.Mounts)
		out[i] = *v
	}
	return out
}

// at returns a key's value node for positions, or the key when the value
// has none (an empty value).
func at(value, key *yaml.Node) *yaml.Node {
	if value == nil || value.Line == 0 {
		return key
	}
	return value
}
