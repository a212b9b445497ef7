package render

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The published Harbor catalog (shared/reference, Apache-2.0) that the
// built-in blueprint re-creates: folder → our entry and version.
var publishedFolders = []struct {
	folder         int
	entry, version string
}{
	{0, "harbor", "0.5.0-rancher.1"},
	{1, "harbor-distributed", "0.5.0-rancher.1"},
	{2, "harbor", "1.1.1-rancher.1"},
	{3, "harbor-distributed", "1.1.1-rancher.1"},
	{4, "harbor-converged", "1.1.1-rancher.1"},
}

// difference is one deliberate departure from the published entries. Path
// is a path.Match pattern over flattened paths (see flatten); published and
// ours are the expected values, absent for "not there" and any for "any
// value". Each difference must occur in at least one of its folders, and
// its title must be a row of README.md's "Differences from the published
// entries" table.
type difference struct {
	title           string
	folders         []int
	path            string
	published, ours string
}

const (
	absent = "<absent>"
	anyVal = "<any>"
)

var allFolders = []int{0, 1, 2, 3, 4}

func deliberateDifferences() []difference {
	d := []difference{
		{"Version strings", allFolders, "catalog/version", anyVal, anyVal},
		{"No uuid", allFolders, "catalog/uuid", anyVal, absent},
		{"Minimum Rancher version", allFolders, "catalog/minimum_rancher_version", "v0.59.0", "v1.6.0"},
		{"Log port bound to 127.0.0.1", allFolders, "dc/services/log/ports/1514:514", "present", absent},
		{"Log port bound to 127.0.0.1", allFolders, "dc/services/log/ports/127.0.0.1:1514:514", absent, "present"},
		{"Admin password is a secret", allFolders, "questions/harbor_admin_password/type", "string", "password"},
		{"Admin password is a secret", allFolders, "questions/harbor_admin_password/default", "Vmware123!", absent},
		{"Proxy waits for its upstreams", []int{0, 1}, "dc/services/proxy/depends_on/*", absent, "present"},
		{"Load balancer image pinned", []int{4}, "dc/services/harbor-lb/image", "rancher/lb-service-haproxy", "rancher/lb-service-haproxy:v0.7.9"},
		{"No scale on the global load balancer", []int{4}, "rc/services/harbor-lb/scale", "1", absent},
		{"Load balancer keeps its own host name", []int{4}, "dc/services/harbor-lb/labels/io.rancher.container.hostname_override", "container_name", absent},
		{"Converged entry needs no Traefik domain", []int{4}, "dc/services/harbor-setupwrapper/environment/HARBORHOSTNAME", "${harborhostname}.${traefikdomain}", "${harborhostname}"},
		{"Distributed services run where log runs", []int{1, 3}, "dc/services/*/labels/io.rancher.scheduler.affinity:host_label", absent, "harbor-log=true"},
		{"No ignored rule on the global log service", []int{1, 3, 4}, "dc/services/log/labels/io.rancher.scheduler.affinity:container_label_soft_ne", anyVal, absent},
		{"Converged volumes default to rancher-nfs", []int{4}, "questions/volumedriver/default", "local", "rancher-nfs"},
		{"The project's own setup wrapper", allFolders, "dc/services/harbor-setupwrapper/image", anyVal, anyVal},
		{"The project's own setup wrapper", allFolders, "dc/services/harbor-setupwrapper/command/*", anyVal, absent},
		{"The project's own setup wrapper", allFolders, "dc/services/harbor-setupwrapper/volumes/**", anyVal, anyVal},
		{"Services start through harbor-envload", allFolders, "dc/services/*/entrypoint/*", anyVal, anyVal},
		{"Services start through harbor-envload", allFolders, "dc/services/*/command/*", anyVal, anyVal},
		{"Services start through harbor-envload", []int{1, 3, 4}, "dc/services/*/depends_on/harbor-setupwrapper", "present", absent},
		{"Sidekicks start with the wrapper", []int{0, 2}, "rc/services/*/start_on_create", anyVal, absent},
		{"Sidekicks start with the wrapper", []int{0, 2}, "rc/services/*/scale", "1", absent},
		{"Each service mounts only what it reads", []int{1, 3, 4}, "dc/services/*/volumes/**", anyVal, anyVal},
		{"Each service mounts only what it reads", []int{1, 3, 4}, "dc/volumes/**", anyVal, anyVal},
		{"Host name has no default", allFolders, "questions/harborhostname/default", "myregistry", absent},
		{"Traefik labels its Rancher provider reads", []int{1, 3}, "dc/services/proxy/labels/traefik.*", anyVal, anyVal},
		{"Traefik labels its Rancher provider reads", []int{1, 3}, "questions/traefikdomain/*", anyVal, absent},
		{"Traefik labels its Rancher provider reads", []int{1, 3}, "dc/services/harbor-setupwrapper/environment/HARBORHOSTNAME", anyVal, anyVal},
		{"https at the load balancer", []int{4}, "dc/services/harbor-lb/ports/443", absent, "present"},
		{"https at the load balancer", []int{4}, "rc/services/harbor-lb/lb_config/default_cert", absent, "${lb_certificate}"},
		{"https at the load balancer", []int{4}, "rc/services/harbor-lb/lb_config/port_rules/1/*", absent, anyVal},
		{"No in-place upgrade across Harbor's database migrations", allFolders, "catalog/upgrade_from", absent, anyVal},
		// Every Harbor setting of the release is a question passed to the
		// wrapper (questions and variables the published entries lack).
		{"Harbor settings are questions", allFolders, "questions/*/*", absent, anyVal},
		{"Harbor settings are questions", allFolders, "dc/services/harbor-setupwrapper/environment/*", absent, anyVal},
	}
	return d
}

func TestHarborEquivalentToPublished(t *testing.T) {
	refDir := filepath.Join(moduleRoot(t), "..", "shared", "reference", "rancher-catalog-extension", "templates", "project-harbor")
	if _, err := os.Stat(refDir); err != nil {
		t.Fatalf("the published entries are not at %s (shared/ must sit beside the checkout): %v", refDir, err)
	}
	diffs := deliberateDifferences()
	used := make([]bool, len(diffs))
	for _, pf := range publishedFolders {
		t.Run(fmt.Sprintf("folder %d = %s %s", pf.folder, pf.entry, pf.version), func(t *testing.T) {
			folder := filepath.Join(refDir, fmt.Sprint(pf.folder))
			published := flattenVersion(t, readFile(t, folder, "docker-compose.yml"), readFile(t, folder, "rancher-compose.yml"))
			v := versionOf(t, entryNamed(t, pf.entry), pf.version)
			ours := flattenVersion(t, rancherTemplated(t, composeFileName, v.Files[composeFileName], answers(t, v)), v.Files["rancher-compose.yml"])

			for _, p := range unionKeys(published, ours) {
				pv, ov := valueOr(published, p), valueOr(ours, p)
				if pv == ov {
					continue
				}
				i := matchDifference(diffs, pf.folder, p, pv, ov)
				if i < 0 {
					t.Errorf("%s: published %q, ours %q: not a listed deliberate difference", p, pv, ov)
					continue
				}
				used[i] = true
				t.Logf("deliberate: %s: published %q, ours %q (%s)", p, pv, ov, diffs[i].title)
			}
		})
	}
	for i, d := range diffs {
		assert.True(t, used[i], "listed difference %q (%s) no longer occurs; remove it", d.title, d.path)
	}
	readme, err := os.ReadFile(filepath.Join(moduleRoot(t), "README.md"))
	require.NoError(t, err)
	for _, d := range diffs {
		assert.Contains(t, string(readme), "| "+d.title+" |", "README.md's differences table must have a row for %q", d.title)
	}
}

func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	return data
}

func matchDifference(diffs []difference, folder int, p, published, ours string) int {
	for i, d := range diffs {
		if !containsInt(d.folders, folder) {
			continue
		}
		if !matchPath(d.path, p) {
			continue
		}
		if (d.published == anyVal || d.published == published) && (d.ours == anyVal || d.ours == ours) {
			return i
		}
	}
	return -1
}

// matchPath is path.Match, where a final "/**" also matches everything
// below (volume specs contain slashes).
func matchPath(pattern, p string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "/**"); ok {
		n := strings.Count(prefix, "/") + 1
		parts := strings.SplitN(p, "/", n+1)
		if len(parts) <= n {
			return false
		}
		ok, _ := path.Match(prefix, strings.Join(parts[:n], "/"))
		return ok
	}
	ok, _ := path.Match(pattern, p)
	return ok
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func valueOr(m map[string]string, k string) string {
	if v, ok := m[k]; ok {
		return v
	}
	return absent
}

func unionKeys(a, b map[string]string) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// flattenVersion turns a version's compose files into path → value, keeping
// what a deployment depends on: services, images, labels, volumes, ports,
// wiring, Rancher service options, the .catalog fields and each question's
// variable, type, default, required and options. Texts meant for people
// (names, descriptions, labels of questions) are left out. Lists whose order
// does not matter become sets; environment lists become KEY → value.
func flattenVersion(t *testing.T, dc, rc []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	var d, r map[string]any
	require.NoError(t, yaml.Unmarshal(dc, &d))
	require.NoError(t, yaml.Unmarshal(rc, &r))
	flatten(out, "dc", d)
	catalog, _ := r[".catalog"].(map[string]any)
	delete(r, ".catalog")
	flatten(out, "rc", r)
	for _, k := range []string{"version", "uuid", "minimum_rancher_version", "maximum_rancher_version", "upgrade_from"} {
		if v, ok := catalog[k]; ok {
			out["catalog/"+k] = fmt.Sprint(v)
		}
	}
	qs, _ := catalog["questions"].([]any)
	for _, q := range qs {
		qm, _ := q.(map[string]any)
		base := "questions/" + fmt.Sprint(qm["variable"])
		out[base+"/type"] = fmt.Sprint(qm["type"])
		out[base+"/required"] = fmt.Sprint(qm["required"] == true)
		if def, ok := qm["default"]; ok && def != nil {
			out[base+"/default"] = fmt.Sprint(def)
		}
		if opts, ok := qm["options"].([]any); ok {
			out[base+"/options"] = fmt.Sprint(opts)
		}
	}
	return out
}

// setLists are compose keys whose items form a set.
var setLists = map[string]bool{
	"volumes": true, "ports": true, "depends_on": true, "external_links": true,
	"volumes_from": true, "dns_search": true, "links": true,
}

func flatten(out map[string]string, prefix string, v any) {
	key := path.Base(prefix)
	switch x := v.(type) {
	case nil:
		// null and absent mean the same to Rancher (e.g. request_line:)
	case map[string]any:
		for k, val := range x {
			flatten(out, prefix+"/"+k, val)
		}
	case []any:
		switch {
		case key == "environment":
			for _, item := range x {
				k, val, _ := strings.Cut(fmt.Sprint(item), "=")
				out[prefix+"/"+k] = val
			}
		case setLists[key]:
			for _, item := range x {
				out[prefix+"/"+normalizeMount(fmt.Sprint(item))] = "present"
			}
		default:
			for i, item := range x {
				flatten(out, fmt.Sprintf("%s/%d", prefix, i), item)
			}
		}
	default:
		out[prefix] = fmt.Sprint(x)
	}
}

// normalizeMount drops trailing slashes from the paths of a mount spec:
// /var/log/harbor/:/var/log/docker/ and /var/log/harbor:/var/log/docker
// mount the same thing, and the published entries spell it both ways.
func normalizeMount(s string) string {
	parts := strings.Split(s, ":")
	for i, p := range parts {
		if len(p) > 1 {
			parts[i] = strings.TrimRight(p, "/")
		}
	}
	return strings.Join(parts, ":")
}
