package render

import (
	"bufio"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/harborsetup/harborsetuptest"
	"github.com/catalogen/catalogen/pkg/rancher/deploy"
)

// TestHarborDeploymentRehearsal deploys every version of every Harbor entry
// on paper: it renders the version with answers exactly as Rancher 1.6 does
// (templating, then $ interpolation) and checks the wiring against the setup
// wrapper's contract (pkg/harborsetup): the wrapper gets every setting it
// needs and accepts them; every file each consumer reads reaches it through a
// volume it shares with the wrapper; each consumer starts through
// harbor-envload with its release's original command; HARBORHOSTNAME is the
// address clients use through the topology's ingress; and every image is one
// this project builds or the Harbor release publishes.
func TestHarborDeploymentRehearsal(t *testing.T) {
	published := publishedImages(t)
	cat := builtinCatalog(t)
	files := map[string][]byte{}
	for _, e := range cat.Entries {
		for name, data := range e.Files {
			files[path.Join("templates", e.Name, name)] = data
		}
		for i, v := range e.Versions {
			for name, data := range v.Files {
				files[path.Join("templates", e.Name, itoa(i), name)] = data
			}
		}
	}
	loaded, err := catalog.LoadFiles(files, catalog.Options{})
	require.NoError(t, err)
	for _, tpl := range loaded.Templates {
		entry := entryNamed(t, tpl.Name)
		for i, v := range tpl.Versions {
			release := entry.Versions[i].Release
			for _, answers := range rehearsalAnswers(t, v, tpl.Name) {
				t.Run(tpl.Name+"/"+release.CatalogVersion()+"/"+answers["traefik_http_port"]+answers["ldap_scope"], func(t *testing.T) {
					r, err := harborsetup.Lookup(release.Version)
					require.NoError(t, err, "the setup program knows every release the blueprint ships")
					res, err := deploy.Render(v, answers, deploy.Options{StackName: "harbor"})
					require.NoError(t, err)
					assert.Empty(t, res.Warnings)
					var doc struct {
						Services map[string]composeService `yaml:"services"`
						Volumes  map[string]any            `yaml:"volumes"`
					}
					require.NoError(t, yaml.Unmarshal(res.File("docker-compose.yml").Data, &doc))
					wrapper, ok := doc.Services["harbor-setupwrapper"]
					require.True(t, ok)

					env := checkWrapperSettings(t, r, wrapper)
					scheme, address := clientAddress(t, tpl.Name, res)
					assert.Equal(t, address, env["HARBORHOSTNAME"], "HARBORHOSTNAME is the address clients use")
					assert.Equal(t, scheme, harborScheme(env), "Harbor's external URL has the scheme clients use")
					if env["UI_URL_PROTOCOL"] == "https" {
						assert.NoError(t, harborsetup.CheckCertificate([]byte(env[harborsetup.CertPEMEnv]), []byte(env[harborsetup.KeyPEMEnv]), answers["harborhostname"], time.Now()),
							"the certificate and key reach the wrapper intact")
					}
					checkDelivery(t, r, doc.Services)
					checkImages(t, release.Version, doc.Services, published)
					runWrapper(t, r, wrapper.Environment, scheme+"://"+address)
				})
			}
		}
	}
}

type composeService struct {
	Image       string            `yaml:"image"`
	Environment []string          `yaml:"environment"`
	Volumes     []string          `yaml:"volumes"`
	VolumesFrom []string          `yaml:"volumes_from"`
	Entrypoint  []string          `yaml:"entrypoint"`
	Command     []string          `yaml:"command"`
	Ports       []string          `yaml:"ports"`
	Labels      map[string]string `yaml:"labels"`
}

// rehearsalAnswers: the question defaults with the required answers a user
// must give, and a second set with every choice turned the other way.
func rehearsalAnswers(t *testing.T, v *catalog.Version, entry string) []map[string]string {
	base := map[string]string{}
	for _, q := range v.Catalog.Questions {
		base[q.Variable] = q.Default
	}
	base["harborhostname"] = "registry.example.com"
	base["harbor_admin_password"] = "Adm1n'pa$$ w0rd%s #x"
	base["db_password"] = "db-Passw0rd:42"
	if _, ok := base["ssl_cert_pem"]; ok {
		base["ssl_cert_pem"], base["ssl_cert_key_pem"] = selfSigned(t, "registry.example.com")
	}
	if _, ok := base["lb_certificate"]; ok {
		base["lb_certificate"] = "registry.example.com"
	}
	other := map[string]string{}
	for k, val := range base {
		other[k] = val
	}
	for _, q := range v.Catalog.Questions {
		switch q.Type {
		case "boolean":
			other[q.Variable] = map[string]string{"true": "false", "false": "true"}[q.Default]
		case "enum":
			if len(q.Options) > 1 {
				other[q.Variable] = q.Options[0]
				if q.Options[0] == q.Default {
					other[q.Variable] = q.Options[1]
				}
			}
		}
	}
	other["harborhostname"] = "10.0.0.7"
	if _, ok := other["ssl_cert_pem"]; ok {
		other["ssl_cert_pem"], other["ssl_cert_key_pem"] = "", "" // http: the wrapper refuses a certificate it would not use
		if other["ui_url_protocol"] == "https" {
			other["ssl_cert_pem"], other["ssl_cert_key_pem"] = selfSigned(t, "10.0.0.7")
		}
	}
	if _, ok := base["traefik_http_port"]; ok {
		other["traefik_http_port"] = "80"
	}
	if _, ok := base["volumedriver"]; ok && entry == "harbor-distributed" {
		other["volumedriver"] = "rancher-nfs"
	}
	return []map[string]string{base, other}
}

// checkWrapperSettings: the wrapper's environment holds only settings of the
// release, every required one, and the setup program accepts them all.
func checkWrapperSettings(t *testing.T, r *harborsetup.Release, wrapper composeService) map[string]string {
	env := map[string]string{}
	for _, kv := range wrapper.Environment {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
		if slices.Contains(harborsetup.WrapperVariables, k) {
			continue
		}
		s := harborsetup.SettingByEnv(k)
		if assert.NotNil(t, s, "%s is not a variable of the setup program", k) {
			assert.True(t, s.Has(r), "%s is not a setting of Harbor %s", k, r.Version)
		}
	}
	for _, s := range harborsetup.SettingsFor(r) {
		if s.Required {
			assert.NotEmpty(t, env[s.Env], "the wrapper needs %s", s.Env)
		}
	}
	_, err := harborsetup.Resolve(r, wrapper.Environment)
	assert.NoError(t, err, "the setup program accepts what the catalog passes")
	return env
}

// runWrapper runs the setup program on exactly the environment the catalog
// gives the wrapper, with a stand-in for the release's prepare that renders
// the release's own templates (pkg/harborsetup/testdata/fakeprepare.py), and
// checks what the consumers get: every file they read, and Harbor's external
// URL (env files, token realm) as clients reach it, never http:// when
// clients use https.
func runWrapper(t *testing.T, r *harborsetup.Release, environ []string, url string) {
	var dirs []string
	for _, c := range r.Consumers {
		for _, d := range c.Files {
			if d.From == "ui/certificates" {
				dirs = append(dirs, d.From)
			}
		}
	}
	inst := harborsetuptest.FakeInstaller(t, r.Version, dirs)
	root := t.TempDir()
	loader := filepath.Join(t.TempDir(), "envload")
	require.NoError(t, os.WriteFile(loader, []byte("loader"), 0o755))
	err := harborsetup.Run(harborsetuptest.Context(t), harborsetup.Options{
		Release: r, Installer: inst, Root: root, Python: harborsetuptest.Python(t, r.Pythons[0]),
		Loader: loader, Environ: environ,
	})
	require.NoError(t, err, "the wrapper configures Harbor from what the catalog passes")
	at := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	hostname := strings.SplitN(url, "://", 2)[1]
	for _, c := range r.Consumers {
		for _, d := range c.Files {
			_, err := os.Stat(at(d.To))
			assert.NoError(t, err, "%s reads %s", c.Service, d.To)
		}
		if c.Env == "" {
			continue
		}
		env, err := os.ReadFile(at(path.Join(harborsetup.SetupDir, c.Service, harborsetup.EnvName)))
		require.NoError(t, err)
		for _, line := range strings.Split(string(env), "\n") {
			if v, ok := strings.CutPrefix(line, "EXT_ENDPOINT="); ok {
				assert.Equal(t, url, v, "%s's EXT_ENDPOINT", c.Service)
			}
		}
	}
	registry, err := os.ReadFile(at("/etc/registry/config.yml"))
	require.NoError(t, err)
	assert.Contains(t, string(registry), "realm: "+url+"/service/token")
	if strings.HasPrefix(url, "https://") {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(p, "harbor-setup/output") {
				return err
			}
			b, _ := os.ReadFile(p)
			assert.NotContains(t, string(b), "http://"+hostname, "%s still names Harbor's http:// address", p)
			return nil
		})
	}
}

// harborScheme is the scheme of Harbor's external URL as the wrapper sets
// it up: its own proxy's, or https when an ingress ends TLS.
func harborScheme(env map[string]string) string {
	if env[harborsetup.ExternalTLSEnv] == "true" {
		return "https"
	}
	if env["UI_URL_PROTOCOL"] == "" {
		return "http"
	}
	return env["UI_URL_PROTOCOL"]
}

// clientAddress is the scheme and address clients use to reach Harbor
// through the entry's ingress.
func clientAddress(t *testing.T, entry string, res *deploy.Result) (scheme, address string) {
	host := res.Values["harborhostname"]
	switch entry {
	case "harbor":
		return res.Values["ui_url_protocol"], host
	case "harbor-distributed":
		if res.Values["external_tls"] == "true" {
			if port := res.Values["traefik_https_port"]; port != "443" {
				return "https", host + ":" + port
			}
			return "https", host
		}
		if port := res.Values["traefik_http_port"]; port != "80" {
			return "http", host + ":" + port
		}
		return "http", host
	case "harbor-converged":
		var rc struct {
			Services map[string]struct {
				LBConfig struct {
					DefaultCert string `yaml:"default_cert"`
					PortRules   []struct {
						SourcePort int    `yaml:"source_port"`
						Protocol   string `yaml:"protocol"`
						Service    string `yaml:"service"`
					} `yaml:"port_rules"`
				} `yaml:"lb_config"`
			} `yaml:"services"`
		}
		require.NoError(t, yaml.Unmarshal(res.File("rancher-compose.yml").Data, &rc))
		lb := rc.Services["harbor-lb"].LBConfig
		want := map[int]string{80: ""}
		if res.Values["external_tls"] == "true" {
			want[443] = "https"
			assert.Equal(t, res.Values["lb_certificate"], lb.DefaultCert, "the load balancer serves the chosen certificate")
		} else {
			assert.Empty(t, lb.DefaultCert)
		}
		got := map[int]string{}
		for _, rule := range lb.PortRules {
			assert.Equal(t, "proxy", rule.Service)
			got[rule.SourcePort] = rule.Protocol
		}
		assert.Equal(t, want, got, "the load balancer's port rules")
		if _, ok := got[443]; ok {
			return "https", host
		}
		return "http", host
	}
	t.Fatalf("no ingress known for entry %s", entry)
	return "", ""
}

// selfSigned makes a certificate and key for host, as PEM text answers.
func selfSigned(t *testing.T, host string) (certPEM, keyPEM string) {
	c, k := harborsetuptest.Certificate(t, host)
	return string(c), string(k)
}

// checkDelivery: each consumer of the release's table reaches, through a
// volume the wrapper also mounts at the same path, every file it reads and
// its setup folder, and starts through the loader with its original command.
func checkDelivery(t *testing.T, r *harborsetup.Release, services map[string]composeService) {
	wrapper := services["harbor-setupwrapper"]
	for _, c := range r.Consumers {
		svc, ok := services[c.Service]
		if !assert.True(t, ok, "consumer %s is a service", c.Service) {
			continue
		}
		setup := path.Join(harborsetup.SetupDir, c.Service)
		paths := []string{path.Join(setup, harborsetup.LoaderName), path.Join(setup, harborsetup.ReadyName)}
		if c.Env != "" {
			paths = append(paths, path.Join(setup, harborsetup.EnvName))
		}
		for _, d := range c.Files {
			paths = append(paths, d.To)
		}
		for _, p := range paths {
			assert.True(t, sharesWithWrapper(svc, wrapper, p), "%s does not see the wrapper's %s", c.Service, p)
		}
		want := []string{path.Join(setup, harborsetup.LoaderName), "--ready", path.Join(setup, harborsetup.ReadyName)}
		if c.Env != "" {
			want = append(want, "--env", path.Join(setup, harborsetup.EnvName))
		}
		assert.Equal(t, append(want, "--"), svc.Entrypoint, "%s starts through harbor-envload", c.Service)
		assert.Equal(t, c.Command, svc.Command, "%s execs its image's original command", c.Service)
	}
	for name, svc := range services {
		if name != "harbor-setupwrapper" && r.Consumer(name) == nil {
			assert.Empty(t, svc.Entrypoint, "%s reads nothing of the wrapper's", name)
		}
	}
}

// sharesWithWrapper reports whether container path p of svc is the same
// storage as p in the wrapper: both inherit it (volumes_from), or both
// mount one named volume or host folder at a parent of p, at the same place.
func sharesWithWrapper(svc, wrapper composeService, p string) bool {
	if slices.Contains(svc.VolumesFrom, "harbor-setupwrapper") {
		_, _, ok := mountOf(wrapper.Volumes, p)
		return ok
	}
	src, dst, ok := mountOf(svc.Volumes, p)
	if !ok || src == "" {
		return false
	}
	wsrc, wdst, ok := mountOf(wrapper.Volumes, p)
	return ok && wsrc == src && wdst == dst
}

// mountOf finds the deepest mount covering p: its source ("" for an
// anonymous volume) and destination.
func mountOf(volumes []string, p string) (src, dst string, ok bool) {
	for _, v := range volumes {
		parts := strings.Split(v, ":")
		s, d := "", parts[0]
		if len(parts) > 1 {
			s, d = parts[0], parts[1]
		}
		d = strings.TrimSuffix(d, "/")
		if (p == d || strings.HasPrefix(p, d+"/")) && len(d) > len(dst) {
			src, dst, ok = s, d, true
		}
	}
	return src, dst, ok
}

// checkImages: the wrapper is this project's image for the release; every
// other Harbor image is one the release publishes.
func checkImages(t *testing.T, version string, services map[string]composeService, published map[string][]string) {
	pin, err := harborsetup.PinOf(version)
	require.NoError(t, err)
	bps := builtinBlueprint(t)
	assert.Equal(t, bps.Data["wrapperRepository"].(string)+":"+pin.WrapperTag, services["harbor-setupwrapper"].Image,
		"the wrapper image is built from wrapper/installers.tsv")
	images := published[version]
	require.NotEmpty(t, images, "harbor-images-per-version.txt lists Harbor %s", version)
	for name, svc := range services {
		switch name {
		case "harbor-setupwrapper":
		case "harbor-lb":
			assert.True(t, strings.HasPrefix(svc.Image, "rancher/lb-service-haproxy:"), svc.Image)
		default:
			assert.Contains(t, images, svc.Image, "%s: an image Harbor %s publishes", name, version)
		}
	}
}

func builtinBlueprint(t *testing.T) *blueprint.Blueprint {
	t.Helper()
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	return bps[0]
}

func itoa(i int) string { return strconv.Itoa(i) }

// publishedImages reads shared/docs/harbor-images-per-version.txt: release
// (without its v) → images.
func publishedImages(t *testing.T) map[string][]string {
	f, err := os.Open(filepath.Join(moduleRoot(t), "..", "shared", "docs", "harbor-images-per-version.txt"))
	require.NoError(t, err, "shared/ must sit beside the checkout")
	defer f.Close()
	out := map[string][]string{}
	release := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, " ") && strings.TrimSpace(line) != "" {
			release = strings.TrimPrefix(strings.TrimSpace(line), "v")
			continue
		}
		if _, image, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
			out[release] = append(out[release], image)
		}
	}
	require.NoError(t, sc.Err())
	return out
}
