package render

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
)

var valuesRefTest = regexp.MustCompile(`\.Values\.([A-Za-z_][A-Za-z0-9_]*)`)

// TestHarborQuestionsMatchVariables checks every rendered Harbor version on
// its own terms (independently of the renderer's check): each `$` variable
// Rancher would interpolate, and each .Values.X in Rancher template code, is
// a question of that version, and each question is used.
func TestHarborQuestionsMatchVariables(t *testing.T) {
	for _, e := range builtinCatalog(t).Entries {
		for _, v := range e.Versions {
			t.Run(e.Name+"/"+v.CatalogVersion, func(t *testing.T) {
				asked := map[string]bool{}
				for _, q := range questionsOf(t, v) {
					asked[q.Variable] = true
				}
				used := map[string]bool{}
				for _, name := range []string{composeFileName, "rancher-compose.yml"} {
					raw := v.Files[name]
					for _, m := range valuesRefTest.FindAllStringSubmatch(string(raw), -1) {
						used[m[1]] = true
					}
					var doc yaml.Node
					require.NoError(t, yaml.Unmarshal(rancherTemplated(t, name, raw, answers(t, v)), &doc))
					eachValue(&doc.Content[0], true, func(s string) {
						refs, errs := interp.Scan(s)
						assert.Empty(t, errs, "%s: %q", name, s)
						for _, r := range refs {
							used[r.Name] = true
						}
					})
				}
				assert.Equal(t, sortedKeys(asked), sortedKeys(used))
			})
		}
	}
}

// eachValue visits scalar values, not keys, skipping the top-level .catalog.
func eachValue(n **yaml.Node, top bool, f func(string)) {
	switch (*n).Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len((*n).Content); i += 2 {
			if top && (*n).Content[i].Value == ".catalog" {
				continue
			}
			eachValue(&(*n).Content[i+1], false, f)
		}
	case yaml.SequenceNode:
		for i := range (*n).Content {
			eachValue(&(*n).Content[i], false, f)
		}
	case yaml.ScalarNode:
		f((*n).Value)
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

const (
	hostLabel = "io.rancher.scheduler.affinity:host_label"
	global    = "io.rancher.scheduler.global"
)

// TestHarborEntries checks the facts of harbor.md against every rendered
// Harbor version: images, fixed wiring and each topology's shape.
func TestHarborEntries(t *testing.T) {
	// What each entry ships, and the default, come from the blueprint; the
	// facts of each release from Harbor's installer for that release.
	shipped, defaultVersion := blueprintReleases(t)
	require.NotEmpty(t, shipped)
	for name, releases := range shipped {
		e := entryNamed(t, name)
		var want, got []string
		for _, r := range releases {
			want = append(want, r.Version)
		}
		for _, v := range e.Versions {
			got = append(got, v.Release.Version)
		}
		assert.Equal(t, want, got, name)
		var config map[string]string
		require.NoError(t, yaml.Unmarshal(e.Files["config.yml"], &config))
		assert.Equal(t, defaultVersion, config["version"], "%s: config.yml points at the blueprint's default release", name)
		for _, k := range []string{"name", "description", "category", "license", "projectURL", "maintainer"} {
			assert.NotEmpty(t, config[k], "%s config.yml %s", name, k)
		}
		assert.Regexp(t, `^([\S]+ ){2,5}<[^@]+@[^@]+\.[^@]+>$`, config["maintainer"])
		assert.Contains(t, e.Files, "catalogIcon-"+name+".svg")

		for i, v := range e.Versions {
			t.Run(name+"/"+v.CatalogVersion, func(t *testing.T) {
				facts := installer(t, v.Release.Version)
				doc := composeDoc(t, v)
				checkFixedWiring(t, doc, facts, releases[i])
				checkQuestionTypes(t, v)
				switch name {
				case "harbor":
					checkSingleHost(t, doc, rancherComposeDoc(t, v), facts, v.Release.Version)
				case "harbor-distributed":
					checkDistributed(t, doc, rancherComposeDoc(t, v))
				case "harbor-converged":
					checkConverged(t, doc, rancherComposeDoc(t, v))
				}
			})
		}
	}
}

func harborServices(facts installerFacts) []string {
	return append([]string{"harbor-setupwrapper"}, facts.Services...)
}

func checkFixedWiring(t *testing.T, doc map[string]any, facts installerFacts, release blueprint.Release) {
	services, _ := get(doc, "services").(map[string]any)
	for svc, want := range facts.Images {
		assert.Equal(t, want, get(services, svc, "image"), "%s image (the installer's)", svc)
	}
	if tag := dataString(release, "wrapperTag"); tag != "" {
		assert.True(t, strings.HasSuffix(get(services, "harbor-setupwrapper", "image").(string), ":"+tag), "the wrapper image has the release's wrapperTag %s", tag)
	}
	for _, svc := range harborServices(facts) {
		require.Contains(t, services, svc)
		assert.Equal(t, "container_name", get(services, svc, "labels", "io.rancher.container.hostname_override"), svc)
	}
	for svc := range services {
		if svc != "harbor-setupwrapper" && svc != "harbor-lb" {
			assert.Contains(t, facts.Services, svc, "%s is a service of this release's installer", svc)
		}
	}
	w := get(services, "harbor-setupwrapper")
	assert.Equal(t, "none", get(w, "network_mode"))
	assert.Nil(t, get(w, "command"), "the wrapper image's own entrypoint runs harbor-setup")
	assert.Equal(t, "true", get(w, "labels", "io.rancher.container.start_once"))

	for _, svc := range []string{"registry", "mysql", "adminserver", "ui", "jobservice", "proxy"} {
		if _, ok := services[svc]; !ok {
			continue
		}
		assert.Equal(t, "syslog", get(services, svc, "logging", "driver"), svc)
		assert.Equal(t, facts.SyslogAddress, get(services, svc, "logging", "options", "syslog-address"), svc)
		assert.Equal(t, svc, get(services, svc, "logging", "options", "tag"), svc)
		assert.Contains(t, strs(get(services, svc, "depends_on")), "log", svc)
	}
	// Entrypoints and commands are checked against the setup program's
	// table by TestHarborDeploymentRehearsal.
	assert.Contains(t, strs(get(services, "registry", "environment")), "GODEBUG=netdns=cgo")
	assert.Equal(t, []string{"127.0.0.1:" + facts.LogHostPort + ":" + facts.LogPort}, strs(get(services, "log", "ports")), "log listens on loopback only, on the installer's port")
	assert.True(t, slices.ContainsFunc(strs(get(services, "log", "volumes")), func(v string) bool {
		return strings.HasPrefix(v, "/var/log/harbor/:/var/log/docker/")
	}))
	env := strs(get(w, "environment"))
	for _, key := range []string{"HARBORHOSTNAME", "HARBOR_ADMIN_PASSWORD", "DB_PASSWORD", "AUTH_MODE", "LDAP_URL", "SELF_REGISTRATION", "TOKEN_EXPIRATION", "PROJECT_CREATION_RESTRICTION", "EMAIL_SERVER"} {
		assert.True(t, slices.ContainsFunc(env, func(s string) bool { return strings.HasPrefix(s, key+"=") }), "wrapper env %s", key)
	}
	assert.Contains(t, env, "SELF_REGISTRATION=${self_registration}", "the wrapper turns a boolean answer into Harbor's spelling")
	uiVolumes := strings.Join(strs(get(services, "ui", "volumes")), " ")
	if slices.Contains(facts.Mounts["ui"], "/etc/ui/token/") {
		assert.Contains(t, uiVolumes, ":/etc/ui/token/", "the installer mounts the ui's token keys")
	} else {
		assert.NotContains(t, uiVolumes, "/etc/ui/token")
	}
}

func checkQuestionTypes(t *testing.T, v Version) {
	want := map[string]string{
		"harborhostname": "string", "harbor_admin_password": "password", "db_password": "password",
		"email_password": "password", "auth_mode": "enum", "self_registration": "boolean",
		"token_expiration": "int", "project_creation_restriction": "enum",
	}
	for _, q := range questionsOf(t, v) {
		if typ, ok := want[q.Variable]; ok {
			assert.Equal(t, typ, q.Type, q.Variable)
		}
		if q.Type == "password" {
			assert.Empty(t, q.Default, "secret %s must have no default", q.Variable)
		}
		if q.Variable == "auth_mode" {
			assert.Equal(t, []string{"db_auth", "ldap_auth"}, q.Options)
		}
	}
}

func checkSingleHost(t *testing.T, doc, rc map[string]any, facts installerFacts, version string) {
	services, _ := get(doc, "services").(map[string]any)
	sidekicks := strings.Split(get(services, "harbor-setupwrapper", "labels", "io.rancher.sidekicks").(string), ", ")
	r, err := harborsetup.Lookup(version)
	require.NoError(t, err)
	var want []string
	for _, c := range r.Consumers {
		want = append(want, c.Service)
	}
	assert.ElementsMatch(t, want, sidekicks, "every service that reads the wrapper's output is its sidekick")
	for _, s := range harborServices(facts) {
		assert.Equal(t, "${harborhostlabel}", get(services, s, "labels", hostLabel), "%s: one hard host label affinity", s)
	}
	for _, s := range sidekicks {
		assert.Equal(t, []string{"harbor-setupwrapper"}, strs(get(services, s, "volumes_from")), s)
		assert.Equal(t, []string{"harbor-setupwrapper"}, strs(get(services, s, "dns_search")), s)
		assert.Nil(t, get(rc, "services", s, "start_on_create"), "%s starts with the wrapper and waits for its ready marker", s)
	}
	assert.Equal(t, facts.ProxyPorts, strs(get(services, "proxy", "ports")), "the installer's proxy ports")
	assert.Equal(t, "${harborhostname}", hostnameEnv(services))
}

func hostnameEnv(services map[string]any) string {
	for _, kv := range strs(get(services, "harbor-setupwrapper", "environment")) {
		if v, ok := strings.CutPrefix(kv, "HARBORHOSTNAME="); ok {
			return v
		}
	}
	return ""
}

// checkNamedVolumes: the multi-host shape shared by distributed and converged.
func checkNamedVolumes(t *testing.T, doc map[string]any) map[string]any {
	services, _ := get(doc, "services").(map[string]any)
	volumes, _ := get(doc, "volumes").(map[string]any)
	require.NotEmpty(t, volumes)
	for name := range volumes {
		assert.Equal(t, "${volumedriver}", get(volumes, name, "driver"), name)
	}
	for name := range services {
		assert.Nil(t, get(services, name, "volumes_from"), name)
		for _, vol := range strs(get(services, name, "volumes")) {
			if name == "log" && strings.HasPrefix(vol, "/") {
				continue // its host folder of log files
			}
			src, _, _ := strings.Cut(vol, ":")
			assert.Contains(t, volumes, src, "%s mounts a declared named volume", name)
		}
		if name != "log" && name != "harbor-lb" {
			assert.Nil(t, get(services, name, "ports"), "%s publishes no host port", name)
		}
	}
	assert.Equal(t, "true", get(services, "log", "labels", global))
	return services
}

func checkDistributed(t *testing.T, doc, rc map[string]any) {
	services := checkNamedVolumes(t, doc)
	assert.Equal(t, "harbor-log=true", get(services, "log", "labels", hostLabel))
	labels := get(services, "proxy", "labels")
	// What Traefik 1.x's Rancher provider reads (the Traefik stack's
	// default rancher_integration).
	assert.Equal(t, "true", get(labels, "traefik.enable"))
	assert.Equal(t, "Host:${harborhostname}", get(labels, "traefik.frontend.rule"))
	assert.Equal(t, "80", get(labels, "traefik.port"))
	assert.NotNil(t, get(rc, "services", "proxy", "health_check"), "Traefik can route only to healthy containers")
	assert.Equal(t, "${harborhostname}:${traefik_https_port}", hostnameEnv(services), "by default clients use Traefik's https port (8443 unless set otherwise)")
}

func checkConverged(t *testing.T, doc, rc map[string]any) {
	services := checkNamedVolumes(t, doc)
	lb := get(services, "harbor-lb")
	assert.Regexp(t, `^rancher/lb-service-haproxy:v[0-9.]+$`, get(lb, "image"), "the load balancer image is pinned")
	assert.Equal(t, "true", get(lb, "labels", global))
	assert.Equal(t, "${harborlbhostlabel}", get(lb, "labels", hostLabel))
	assert.Nil(t, get(rc, "services", "harbor-lb", "scale"), "a global service has no scale")
	rules, _ := get(rc, "services", "harbor-lb", "lb_config", "port_rules").([]any)
	require.NotEmpty(t, rules)
	// The https rule depends on the answers; TestHarborDeploymentRehearsal
	// checks both.
	assert.Equal(t, map[string]any{"source_port": 80, "target_port": 80, "service": "proxy"}, rules[0])
	assert.Equal(t, "${harborhostname}", hostnameEnv(services), "no Traefik here, so no domain")
	for name := range services {
		if name != "harbor-lb" {
			assert.Equal(t, "${harborhostlabel}", get(services, name, "labels", hostLabel), name)
		}
	}
	for _, q := range questionsOf(t, Version{Files: map[string][]byte{"rancher-compose.yml": mustYAML(t, rc)}}) {
		if q.Variable == "volumedriver" {
			assert.Equal(t, []string{"local", "rancher-nfs"}, q.Options)
		}
	}
}

func mustYAML(t *testing.T, v any) []byte {
	out, err := yaml.Marshal(v)
	require.NoError(t, err)
	return out
}

// TestHarborUpgradePaths: upgrade_from only where the blueprint declares it.
func TestHarborUpgradePaths(t *testing.T) {
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	declared := map[string]string{}
	for _, r := range bps[0].Releases {
		declared[r.CatalogVersion()] = r.UpgradeRange()
	}
	for _, e := range builtinCatalog(t).Entries {
		for _, v := range e.Versions {
			got, _ := get(rancherComposeDoc(t, v), ".catalog", "upgrade_from").(string)
			assert.Equal(t, declared[v.CatalogVersion], got, "%s %s", e.Name, v.CatalogVersion)
			assert.NotEmpty(t, got, "%s %s: without upgrade_from Rancher offers the upgrade from every older version, across Harbor's database migrations", e.Name, v.CatalogVersion)
			assert.Nil(t, get(rancherComposeDoc(t, v), ".catalog", "uuid"), "no uuids: Rancher 1.6 ignores them and duplicates confused older ones")
			assert.NotEmpty(t, get(rancherComposeDoc(t, v), ".catalog", "minimum_rancher_version"))
		}
	}
}
