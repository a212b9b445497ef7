package stack

import (
	"path"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Mount is one item of a service's `volumes`, after interpolation.
type Mount struct {
	Source   string // host path or volume name; "" for an anonymous volume
	Target   string
	ReadOnly bool
	Text     string
	Doc      *catalog.Doc
	Node     *yaml.Node
}

// Pos is where the item is written.
func (m Mount) Pos() catalog.Pos { return m.Doc.At(m.Node) }

// Bind reports whether the mount is a host path.
func (m Mount) Bind() bool {
	return strings.HasPrefix(m.Source, "/") || strings.HasPrefix(m.Source, ".") || strings.HasPrefix(m.Source, "~")
}

// Named reports whether the mount is a named volume.
func (m Mount) Named() bool { return m.Source != "" && !m.Bind() }

// State reports whether the mount is a writable host path that holds the
// container's own data (not the Docker socket, logs or system folders): data
// that stays on the host when the container moves.
func (m Mount) State() bool { return m.Bind() && !m.ReadOnly && statePath(m.Source) }

// Mounts returns a service's volumes; items whose value is not sure are
// left out.
func (w *View) Mounts(s *catalog.Service) []Mount { return w.service(s).mounts }

func mounts(w *View, s *catalog.Service) []Mount {
	e, ok := s.Field("volumes")
	if !ok || !yamlnode.IsSeq(e.Value) {
		return nil
	}
	var out []Mount
	for _, item := range e.Value.Content {
		text, sure := w.Scalar(item)
		if !sure || text == "" {
			continue
		}
		m := Mount{Text: text, Doc: e.Doc, Node: yamlnode.Resolve(item)}
		// The first three of the colon-separated parts.
		first, rest, two := strings.Cut(text, ":")
		second, rest, three := strings.Cut(rest, ":")
		third, _, _ := strings.Cut(rest, ":")
		switch {
		case !two:
			m.Target = first
		case !three:
			if strings.HasPrefix(second, "/") {
				m.Source, m.Target = first, second
			} else {
				m.Target = first // anonymous volume with a mode
				m.ReadOnly = hasMode(second, "ro")
			}
		default:
			m.Source, m.Target = first, second
			m.ReadOnly = hasMode(third, "ro")
		}
		out = append(out, m)
	}
	return out
}

func hasMode(modes, mode string) bool {
	for m := range strings.SplitSeq(modes, ",") {
		if m == mode {
			return true
		}
	}
	return false
}

// hostResources are host paths a container mounts to use the host itself
// (the Docker socket, kernel interfaces, system config and logs), not to
// keep its own data.
var hostResources = []string{
	"/var/run", "/run", "/sys", "/proc", "/dev", "/lib/modules", "/usr", "/bin", "/sbin",
	"/lib", "/lib64", "/etc", "/boot", "/var/log", "/var/lib/rancher", "/var/lib/kubelet",
	"/var/lib/cni", "/opt/cni", "/cgroup", "/rootfs", "/hostfs", "/host",
}

// hostExact are host paths that are resources only as a whole.
var hostExact = []string{"/", "/tmp", "/var/lib/docker", "/var/lib/docker/containers", "/home", "/root", "/mnt", "/media"}

// statePath reports whether a bind mount's host path holds the
// container's own data.
func statePath(p string) bool {
	if !strings.HasPrefix(p, "/") {
		return false
	}
	p = path.Clean(p)
	for _, x := range hostExact {
		if p == x {
			return false
		}
	}
	for _, r := range hostResources {
		if p == r || strings.HasPrefix(p, r+"/") {
			return false
		}
	}
	return !strings.HasSuffix(p, ".sock")
}

// HostAgent reports whether a service works on its host rather than on
// data of its own: it talks to the host's Docker daemon, or reads host files
// (a read-only mount of a host directory, or the host's logs). Its bind
// mounts are about the host it runs on, by design.
func (w *View) HostAgent(s *catalog.Service) bool {
	for _, m := range w.Mounts(s) {
		switch {
		case !m.Bind():
		case strings.HasSuffix(m.Source, "docker.sock"):
			return true
		case path.Clean(m.Source) == "/var/log" || strings.HasPrefix(path.Clean(m.Source), "/var/log/"):
			return true
		case m.ReadOnly && statePath(m.Source):
			return true
		}
	}
	return false
}
