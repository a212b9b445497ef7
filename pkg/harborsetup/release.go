// Package harborsetup is the setup wrapper of the Harbor catalog entries: it
// turns settings passed as environment variables into a harbor.cfg for one
// Harbor release, runs that release's own `prepare`, and delivers every
// generated file to the path the consuming container reads.
//
// The facts per release (settings, outputs, consumers and their original
// commands) live in tables in this package; the catalog templates and the
// deployment tests are checked against them.
package harborsetup

import (
	"fmt"
	"sort"
	"strings"
)

// Release describes what the setup program needs to know about one Harbor
// release's installer.
type Release struct {
	Version string
	// Pythons lists the major Python versions the release's prepare runs on.
	Pythons []int
	// LegacyFlags: 0.5.0 takes `-conf FILE` and `--data-volume DIR`; later
	// releases take `--conf FILE` and read secretkey_path from harbor.cfg.
	LegacyFlags bool
	// Consumers are the containers that read what prepare writes.
	Consumers []Consumer
}

// Consumer is one container of the stack that reads generated files.
type Consumer struct {
	// Service is the compose service name; the consumer's setup folder is
	// SetupDir/Service.
	Service string
	// Env is the env file (relative to prepare's common/config) the loader
	// exports before starting the service; empty when there is none.
	Env string
	// Files maps a generated file or folder (relative to common/config, or
	// SecretKeySource for the persistent secret key) to the path the
	// container reads.
	Files []Delivery
	// Command is the image's original entrypoint and arguments, exec'd by
	// the loader once the configuration is ready.
	Command []string
}

// Delivery is one generated file (or a whole folder) and where it goes.
type Delivery struct {
	From string
	To   string
	Mode uint32 // for files; 0 keeps the default of 0644
}

// SecretKeySource names the persistent secret key in Delivery.From.
const SecretKeySource = "@secretkey"

// SetupDir is the folder, in every consumer, that holds the loader, the
// consumer's env file and its ready marker.
const SetupDir = "/etc/harbor-setup"

// Paths inside a consumer's setup folder.
const (
	LoaderName = "envload"
	EnvName    = "env"
	ReadyName  = "ready"
)

// DataDir is the persistent folder of the wrapper: Harbor's secret key and
// the setup state live there (host /data on a single host, the `data` named
// volume on several hosts).
const DataDir = "/data"

// StateDir holds the last successful prepare output and its digest.
const StateDir = DataDir + "/harbor-setup"

var releases = map[string]*Release{}

func register(r *Release) { releases[r.Version] = r }

// Lookup returns the release with this version.
func Lookup(version string) (*Release, error) {
	r, ok := releases[version]
	if !ok {
		return nil, fmt.Errorf("no Harbor %s here; supported releases: %s", version, strings.Join(Versions(), ", "))
	}
	return r, nil
}

// Versions lists the supported releases, oldest first.
func Versions() []string {
	var vs []string
	for v := range releases {
		vs = append(vs, v)
	}
	sort.Slice(vs, func(i, j int) bool { return versionLess(vs[i], vs[j]) })
	return vs
}

// AtLeast reports whether the release is v or newer.
func (r *Release) AtLeast(v string) bool { return !versionLess(r.Version, v) }

// Consumer returns the consumer for a compose service, or nil.
func (r *Release) Consumer(service string) *Consumer {
	for i := range r.Consumers {
		if r.Consumers[i].Service == service {
			return &r.Consumers[i]
		}
	}
	return nil
}

func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		var x, y int
		fmt.Sscan(pa[i], &x)
		fmt.Sscan(pb[i], &y)
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}

func init() {
	for _, v := range []string{"0.5.0", "1.1.1", "1.1.2", "1.2.2", "1.3.0", "1.4.0"} {
		register(build(v))
	}
}

// build derives a release's consumers from the changes between releases
// (harbor-installer compose files and images, release by release).
func build(v string) *Release {
	r := &Release{Version: v, Pythons: []int{2}}
	at := r.AtLeast
	r.LegacyFlags = !at("1.1.0")
	if v == "1.3.0" {
		r.Pythons = []int{2, 3}
	}

	// Harbor 1.3 moved its services behind start scripts that chown their
	// configuration and drop to uid 10000; the loader must exec those.
	start := func(binary string) []string {
		if at("1.3.0") {
			return []string{"/harbor/start.sh"}
		}
		return []string{"/harbor/" + binary}
	}
	key := func(svc string) []Delivery {
		if !at("1.1.0") {
			return nil // 0.5.0 passes the key as SECRET_KEY in the env files
		}
		return []Delivery{{From: SecretKeySource, To: "/etc/" + svc + "/key", Mode: 0o600}}
	}

	r.Consumers = append(r.Consumers, Consumer{
		Service: "registry",
		Files: []Delivery{
			{From: "registry/config.yml", To: "/etc/registry/config.yml"},
			{From: "registry/root.crt", To: "/etc/registry/root.crt"},
		},
		Command: []string{"/entrypoint.sh", "serve", "/etc/registry/config.yml"},
	})
	db := []string{"/entrypoint.sh", "mysqld"}
	if at("1.3.0") {
		db = []string{"/usr/local/bin/docker-entrypoint.sh", "mysqld"}
	}
	r.Consumers = append(r.Consumers, Consumer{Service: "mysql", Env: "db/env", Command: db})
	if at("1.1.0") {
		r.Consumers = append(r.Consumers, Consumer{
			Service: "adminserver", Env: "adminserver/env",
			Files:   key("adminserver"),
			Command: start("harbor_adminserver"),
		})
	}
	ui := []Delivery{
		{From: "ui/app.conf", To: "/etc/ui/app.conf"},
		{From: "ui/private_key.pem", To: "/etc/ui/private_key.pem", Mode: 0o600},
	}
	ui = append(ui, key("ui")...)
	if at("1.3.0") {
		ui = append(ui, Delivery{From: "ui/certificates", To: "/etc/ui/certificates"})
	}
	r.Consumers = append(r.Consumers, Consumer{Service: "ui", Env: "ui/env", Files: ui, Command: start("harbor_ui")})
	r.Consumers = append(r.Consumers, Consumer{
		Service: "jobservice", Env: "jobservice/env",
		Files:   append([]Delivery{{From: "jobservice/app.conf", To: "/etc/jobservice/app.conf"}}, key("jobservice")...),
		Command: start("harbor_jobservice"),
	})
	r.Consumers = append(r.Consumers, Consumer{
		Service: "proxy",
		Files:   []Delivery{{From: "nginx", To: "/etc/nginx"}},
		Command: []string{"nginx", "-g", "daemon off;"},
	})
	if at("1.3.0") {
		// The log image reads its rotation settings from prepare's output.
		r.Consumers = append(r.Consumers, Consumer{
			Service: "log",
			Files:   []Delivery{{From: "log/logrotate.conf", To: "/etc/logrotate.d/logrotate.conf"}},
			Command: []string{"/usr/local/bin/start.sh"},
		})
	}
	for i := range r.Consumers {
		c := &r.Consumers[i]
		for j := range c.Files {
			if c.Files[j].Mode == 0 {
				c.Files[j].Mode = 0o644
			}
		}
	}
	return r
}

// ConfigDirs lists the container folders the wrapper writes into (other
// than the setup folders), sorted: each is a volume shared with its
// consumer.
func (r *Release) ConfigDirs() []string {
	seen := map[string]bool{}
	for _, c := range r.Consumers {
		for _, d := range c.Files {
			seen[topDir(d.To)] = true
		}
	}
	var out []string
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// topDir is the volume a delivery lands in: /etc/<name>.
func topDir(p string) string {
	parts := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 3)
	if len(parts) < 2 {
		return p
	}
	return "/" + parts[0] + "/" + parts[1]
}
