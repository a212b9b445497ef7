package render

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// installerFacts are the facts of one Harbor release that its own installer
// states (shared/reference/harbor-installer/<version>/docker-compose.tpl):
// the Harbor tests compare every rendered release with them, so a new
// release is checked against its installer without editing a test.
type installerFacts struct {
	Services      []string          // Harbor's services, sorted
	Images        map[string]string // service → image, tagged as the release ships it
	LogHostPort   string            // the log service's published port
	LogPort       string            // the port the log service listens on inside
	SyslogAddress string            // where the other services send their logs
	Mounts        map[string][]string
	ProxyPorts    []string // host:container
}

func installer(t *testing.T, version string) installerFacts {
	t.Helper()
	file := filepath.Join(linttest.SharedDir(t, "reference/harbor-installer"), version, "docker-compose.tpl")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("release %s has no installer compose file in shared/reference/harbor-installer (%v): the Harbor tests check each release against its installer", version, err)
	}
	var doc struct {
		Services map[string]struct {
			Image   string   `yaml:"image"`
			Ports   []string `yaml:"ports"`
			Volumes []string `yaml:"volumes"`
			Logging struct {
				Options map[string]string `yaml:"options"`
			} `yaml:"logging"`
		} `yaml:"services"`
	}
	require.NoError(t, yaml.Unmarshal(data, &doc), file)
	f := installerFacts{Images: map[string]string{}, Mounts: map[string][]string{}}
	for name, s := range doc.Services {
		f.Services = append(f.Services, name)
		img := strings.ReplaceAll(s.Image, "__version__", "v"+version)
		if !strings.Contains(img[strings.LastIndex(img, "/")+1:], ":") {
			// 0.5.0's installer names its own images untagged; the release
			// ships them tagged with its version.
			img += ":" + version
		}
		if !strings.Contains(img, "__") {
			// 1.4.0's installer leaves some tags to its Makefile; the
			// rehearsal test checks those against the published images.
			f.Images[name] = img
		}
		for _, v := range s.Volumes {
			parts := strings.Split(v, ":")
			if len(parts) >= 2 {
				f.Mounts[name] = append(f.Mounts[name], parts[1])
			}
		}
		if addr := s.Logging.Options["syslog-address"]; addr != "" {
			f.SyslogAddress = addr
		}
		switch name {
		case "log":
			require.Len(t, s.Ports, 1, "%s: the log service publishes one port", file)
			parts := strings.Split(s.Ports[0], ":")
			f.LogHostPort, f.LogPort = parts[len(parts)-2], parts[len(parts)-1]
		case "proxy":
			f.ProxyPorts = s.Ports
		}
	}
	sort.Strings(f.Services)
	return f
}

// blueprintReleases returns, per entry of the built-in Harbor blueprint,
// the releases it ships (from the entry's `since` on), and the default
// release's catalog version.
func blueprintReleases(t *testing.T) (shipped map[string][]blueprint.Release, defaultVersion string) {
	t.Helper()
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	shipped = map[string][]blueprint.Release{}
	for _, bp := range bps {
		for _, r := range bp.Releases {
			if r.Default {
				defaultVersion = r.CatalogVersion()
			}
		}
		if defaultVersion == "" && len(bp.Releases) > 0 {
			defaultVersion = bp.Releases[len(bp.Releases)-1].CatalogVersion()
		}
		for _, e := range bp.Entries {
			started := e.Since == ""
			for _, r := range bp.Releases {
				started = started || r.Version == e.Since
				if started {
					shipped[e.Name] = append(shipped[e.Name], r)
				}
			}
		}
	}
	return shipped, defaultVersion
}

func dataString(r blueprint.Release, key string) string {
	if v, ok := r.Data[key]; ok {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return ""
}
