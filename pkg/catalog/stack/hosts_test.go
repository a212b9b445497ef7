package stack_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
)

// view loads one version folder made of a docker-compose.yml and a
// rancher-compose.yml and returns its view.
func view(t *testing.T, dc, rc string) *stack.View {
	t.Helper()
	c, err := catalog.LoadFiles(map[string][]byte{
		"templates/app/config.yml":            []byte("name: app\nversion: 1.0.0\n"),
		"templates/app/0/rancher-compose.yml": []byte(rc),
		"templates/app/0/docker-compose.yml":  []byte(dc),
	}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := stack.New(c.Templates[0].Versions[0])
	if w == nil {
		t.Fatal("no view")
	}
	return w
}

const noQuestions = ".catalog:\n  version: 1.0.0\n"

// TestHostPorts: each ports item becomes the host sockets Cattle reserves
// for it.
func TestHostPorts(t *testing.T) {
	cases := []struct {
		item string
		want []string // ip|host:container/proto
	}{
		{`"80:8080"`, []string{"|80:8080/tcp"}},
		{`"127.0.0.1:514:514/udp"`, []string{"127.0.0.1|514:514/udp"}},
		{`"[::1]:9000:90"`, []string{"::1|9000:90/tcp"}},
		{`"8000-8002:9000-9002/TCP"`, []string{"|8000:9000/tcp", "|8001:9001/tcp", "|8002:9002/tcp"}},
		{`"7000-7001:7000"`, []string{"|7000:7000/tcp", "|7001:7000/tcp"}},
		{`"8080"`, nil}, // random host port
		{`"${WEB_PORT}:80"`, []string{"|8081:80/tcp"}}, // the question's default
		{`"${TYPED}:80"`, nil},                         // the user types it
		{`"1-2000:1-2000"`, nil},                       // more than one range expands to
		{`"99999:80"`, nil},
	}
	rc := noQuestions + "  questions:\n  - variable: WEB_PORT\n    type: int\n    default: 8081\n  - variable: TYPED\n    type: int\n"
	for _, c := range cases {
		w := view(t, "version: '2'\nservices:\n  web:\n    image: nginx:1.25\n    ports:\n    - "+c.item+"\n", rc)
		var got []string
		for _, hp := range w.HostPorts(w.Service("web")) {
			got = append(got, fmt.Sprintf("%s|%d:%d/%s", hp.IP, hp.HostPort, hp.ContainerPort, hp.Proto))
			if hp.Pos().Line != 6 {
				t.Errorf("%s: port at %v, want line 6", c.item, hp.Pos())
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: host ports %q, want %q", c.item, got, c.want)
		}
	}
}

// TestHostNetworkPorts: on the host network a service listens on its
// container ports, whatever the mapping says.
func TestHostNetworkPorts(t *testing.T) {
	for _, field := range []string{"network_mode: host", "net: host"} {
		w := view(t, "web:\n  image: nginx:1.25\n  "+field+"\n  ports:\n  - \"8080:80\"\n  - \"53/udp\"\n", noQuestions)
		s := w.Service("web")
		if !w.HostNetwork(s) {
			t.Errorf("%s: not on the host network", field)
		}
		var got []string
		for _, hp := range w.HostPorts(s) {
			got = append(got, fmt.Sprintf("%d/%s", hp.HostPort, hp.Proto))
		}
		if want := []string{"80/tcp", "53/udp"}; !slices.Equal(got, want) {
			t.Errorf("%s: host ports %q, want %q", field, got, want)
		}
	}
	w := view(t, "web:\n  image: nginx:1.25\n  network_mode: bridge\n", noQuestions)
	if w.HostNetwork(w.Service("web")) {
		t.Error("network_mode: bridge read as the host network")
	}
}

func TestHostPortOverlapsServes(t *testing.T) {
	port := func(ip string, n int, proto string) stack.HostPort {
		return stack.HostPort{IP: ip, HostPort: n, ContainerPort: n, Proto: proto}
	}
	overlaps := []struct {
		a, b stack.HostPort
		want bool
	}{
		{port("", 80, "tcp"), port("10.0.0.1", 80, "tcp"), true},
		{port("10.0.0.1", 80, "tcp"), port("10.0.0.2", 80, "tcp"), false},
		{port("10.0.0.1", 80, "tcp"), port("10.0.0.1", 80, "tcp"), true},
		{port("0.0.0.0", 80, "tcp"), port("", 80, "udp"), false},
		{port("::", 80, "tcp"), port("", 81, "tcp"), false},
	}
	for _, c := range overlaps {
		if got := c.a.Overlaps(c.b); got != c.want || c.b.Overlaps(c.a) != got {
			t.Errorf("%+v overlaps %+v: %v, want %v both ways", c.a, c.b, got, c.want)
		}
	}
	target := stack.SyslogTarget{Proto: "tcp", Port: 1514}
	serves := []struct {
		p    stack.HostPort
		want bool
	}{
		{port("", 1514, "tcp"), true},
		{port("127.0.0.1", 1514, "tcp"), true},
		{port("localhost", 1514, "tcp"), true},
		{port("10.0.0.1", 1514, "tcp"), false},
		{port("", 1514, "udp"), false},
		{port("", 514, "tcp"), false},
	}
	for _, c := range serves {
		if got := c.p.Serves(target); got != c.want {
			t.Errorf("%+v serves %+v: %v, want %v", c.p, target, got, c.want)
		}
	}
}

// TestLocalSyslog: only a syslog driver dialling the host's loopback
// counts, in v2's logging block or v1's log_driver/log_opt.
func TestLocalSyslog(t *testing.T) {
	cases := []struct {
		logging string
		want    string // proto/port, "" for none
	}{
		{"  logging:\n    driver: syslog\n    options:\n      syslog-address: tcp://127.0.0.1:1514\n", "tcp/1514"},
		{"  logging:\n    driver: syslog\n    options:\n      syslog-address: udp://localhost\n", "udp/514"},
		{"  logging:\n    driver: syslog\n    options:\n      syslog-address: tcp+tls://[::1]:6514\n", "tcp/6514"},
		{"  logging:\n    driver: syslog\n    options:\n      syslog-address: tcp://logs.example.com:1514\n", ""},
		{"  logging:\n    driver: syslog\n    options:\n      syslog-address: unix:///dev/log\n", ""},
		{"  logging:\n    driver: json-file\n    options:\n      syslog-address: tcp://127.0.0.1:1514\n", ""},
		{"  log_driver: syslog\n  log_opt:\n    syslog-address: udp://127.0.0.1:5140\n", "udp/5140"},
	}
	for _, c := range cases {
		w := view(t, "web:\n  image: nginx:1.25\n"+c.logging, noQuestions)
		tg, ok := w.LocalSyslog(w.Service("web"))
		got := ""
		if ok {
			got = fmt.Sprintf("%s/%d", tg.Proto, tg.Port)
			if line := tg.Pos().Line; !strings.Contains(strings.Split(c.logging, "\n")[line-3], "syslog-address") {
				t.Errorf("%q: target at line %d, not on its syslog-address", c.logging, line)
			}
		}
		if got != c.want {
			t.Errorf("%q: local syslog %q, want %q", c.logging, got, c.want)
		}
	}
}

// TestMounts reads each volumes item: what it mounts, whether it is a host
// path or a named volume, and whether it holds the container's own data.
func TestMounts(t *testing.T) {
	cases := []struct {
		item                   string
		source, target         string
		ro, bind, named, state bool
	}{
		{"/data/db:/var/lib/mysql", "/data/db", "/var/lib/mysql", false, true, false, true},
		{"/data/db:/var/lib/mysql:ro", "/data/db", "/var/lib/mysql", true, true, false, false},
		{"/var/run/docker.sock:/var/run/docker.sock", "/var/run/docker.sock", "/var/run/docker.sock", false, true, false, false},
		{"/var/log:/host/log", "/var/log", "/host/log", false, true, false, false},
		{"/srv/app/agent.sock:/agent.sock", "/srv/app/agent.sock", "/agent.sock", false, true, false, false},
		{"/tmp:/scratch", "/tmp", "/scratch", false, true, false, false},
		{"./conf:/etc/app", "./conf", "/etc/app", false, true, false, false},
		{"dbdata:/var/lib/mysql:rw,z", "dbdata", "/var/lib/mysql", false, false, true, false},
		{"/cache", "", "/cache", false, false, false, false},
		{"/cache:ro", "", "/cache", true, false, false, false},
	}
	for _, c := range cases {
		w := view(t, "web:\n  image: nginx:1.25\n  volumes:\n  - "+c.item+"\n", noQuestions)
		ms := w.Mounts(w.Service("web"))
		if len(ms) != 1 {
			t.Errorf("%s: %d mounts, want 1", c.item, len(ms))
			continue
		}
		m := ms[0]
		if m.Source != c.source || m.Target != c.target || m.ReadOnly != c.ro || m.Bind() != c.bind || m.Named() != c.named || m.State() != c.state {
			t.Errorf("%s: source %q target %q ro %v bind %v named %v state %v, want %q %q %v %v %v %v",
				c.item, m.Source, m.Target, m.ReadOnly, m.Bind(), m.Named(), m.State(), c.source, c.target, c.ro, c.bind, c.named, c.state)
		}
		if m.Pos().Line != 4 {
			t.Errorf("%s: mount at %v, want line 4", c.item, m.Pos())
		}
	}
}

// TestHostAgent: a service that uses its host (Docker socket, host logs,
// read-only host files) keeps per-host paths by design; one that writes
// its own data there does not.
func TestHostAgent(t *testing.T) {
	cases := map[string]bool{
		"/var/run/docker.sock:/var/run/docker.sock": true,
		"/var/log/nginx:/logs":                      true,
		"/srv/conf:/conf:ro":                        true,
		"/srv/data:/data":                           false,
		"data:/data:ro":                             false,
	}
	for item, want := range cases {
		w := view(t, "agent:\n  image: busybox:1.36\n  volumes:\n  - "+item+"\n", noQuestions)
		if got := w.HostAgent(w.Service("agent")); got != want {
			t.Errorf("%s: host agent %v, want %v", item, got, want)
		}
	}
}

// TestVolumes: named volumes in order of first appearance, with their
// driver, whether the stack shares them and which placed services use
// them.
func TestVolumes(t *testing.T) {
	dc := `version: '2'
volumes:
  db:
    driver: ${DRIVER}
  keys:
    external: true
  scratch:
    per_container: true
    driver: local
  typed:
    driver: ${TYPED}
services:
  app:
    image: app:1
    volumes:
    - db:/db
    - cache:/cache
    - typed:/t
  worker:
    image: app:1
    volumes:
    - db:/db
    - keys:/keys
    - scratch:/s
  alias:
    image: rancher/dns-service
    volumes:
    - other:/x
`
	rc := noQuestions + "  questions:\n  - variable: DRIVER\n    type: string\n    default: rancher-nfs\n  - variable: TYPED\n    type: string\n"
	w := view(t, dc, rc)
	var got []string
	for _, v := range w.Volumes() {
		got = append(got, fmt.Sprintf("%s driver=%q raw=%q shared=%v sure=%v declared=%v users=%s", v.Name, v.Driver, v.Raw, v.Shared, v.Sure, v.Decl != nil, strings.Join(v.UserNames(), ",")))
	}
	want := []string{
		`db driver="rancher-nfs" raw="${DRIVER}" shared=true sure=true declared=true users=app,worker`,
		`keys driver="" raw="" shared=false sure=true declared=true users=worker`,
		`scratch driver="local" raw="local" shared=false sure=true declared=true users=worker`,
		`typed driver="" raw="${TYPED}" shared=true sure=false declared=true users=app`,
		`cache driver="" raw="" shared=true sure=true declared=false users=app`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("volumes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestVolumeDriverV1: in a v1 file the service's volume_driver creates the
// named volumes it mounts.
func TestVolumeDriverV1(t *testing.T) {
	w := view(t, "db:\n  image: mysql:5.7\n  volume_driver: rancher-nfs\n  volumes:\n  - dbdata:/var/lib/mysql\n", noQuestions)
	vs := w.Volumes()
	if len(vs) != 1 || vs[0].Name != "dbdata" || vs[0].Driver != "rancher-nfs" || vs[0].Decl != nil {
		t.Fatalf("volumes %+v, want dbdata on rancher-nfs", vs)
	}
	if line := vs[0].Doc.At(vs[0].Node).Line; line != 3 {
		t.Errorf("driver at line %d, want the volume_driver line 3", line)
	}
}

// TestPlaced leaves out the services that run no containers.
func TestPlaced(t *testing.T) {
	w := view(t, `version: '2'
services:
  web:
    image: nginx:1.25
  ext:
    image: rancher/external-service
  alias:
    image: rancher/dns-service
  lb:
    image: rancher/lb-service-haproxy:v0.9.1
`, noQuestions)
	var got []string
	for _, s := range w.Placed() {
		got = append(got, s.Name)
	}
	if want := []string{"web", "lb"}; !slices.Equal(got, want) {
		t.Errorf("placed %q, want %q", got, want)
	}
}

// TestHostReadingsOnce: the readings are computed once per version and
// shared; appending to one does not change what the next caller gets.
func TestHostReadingsOnce(t *testing.T) {
	w := view(t, "web:\n  image: nginx:1.25\n  ports:\n  - \"80:80\"\n  volumes:\n  - data:/data\n", noQuestions)
	s := w.Service("web")
	a, b := w.HostPorts(s), w.HostPorts(s)
	if len(a) != 1 || &a[0] != &b[0] {
		t.Fatalf("host ports read twice: %p %p", a, b)
	}
	if m1, m2 := w.Mounts(s), w.Mounts(s); len(m1) != 1 || &m1[0] != &m2[0] {
		t.Errorf("mounts read twice")
	}
	if v1, v2 := w.Volumes(), w.Volumes(); len(v1) != 1 || &v1[0] != &v2[0] {
		t.Errorf("volumes read twice")
	}
	_ = append(a, stack.HostPort{HostPort: 443, Proto: "tcp"})
	_ = append(w.Placed(), w.Service("web"))
	if got := w.HostPorts(s); len(got) != 1 || cap(got) != 1 {
		t.Errorf("host ports after a caller's append: %+v (cap %d)", got, cap(got))
	}
	if got := w.Placed(); len(got) != 1 || cap(got) != 1 {
		t.Errorf("placed after a caller's append: %d services (cap %d)", len(got), cap(got))
	}
}
