package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadVersion loads the one version folder dir names.
func loadVersion(t *testing.T, dir string) *catalog.Version {
	t.Helper()
	cat, err := catalog.Load(dir, catalog.Options{})
	require.NoError(t, err)
	require.Len(t, cat.Templates, 1, dir)
	require.Len(t, cat.Templates[0].Versions, 1, dir)
	return cat.Templates[0].Versions[0]
}

func inventory(t *testing.T, path string) *Inventory {
	t.Helper()
	inv, err := LoadInventory(path)
	require.NoError(t, err)
	return inv
}

// placements is where each service's containers land, in placement order.
func placements(p *Plan) map[string][]string {
	out := map[string][]string{}
	for _, s := range p.Services {
		var hosts []string
		for _, c := range s.Containers {
			hosts = append(hosts, c.Host)
		}
		out[s.Name] = hosts
	}
	return out
}

// problemKeys are the plan's problems as "kind service host", sorted and
// deduplicated; problems about the answers themselves are left out.
func problemKeys(p *Plan) []string {
	var out []string
	for _, pr := range p.Problems {
		if pr.Kind == KindAnswer {
			continue
		}
		out = append(out, strings.TrimSpace(pr.Kind+" "+pr.Service+" "+pr.Host))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

type planCase struct {
	name     string
	version  string // a version folder
	hosts    string // an inventory file
	answers  map[string]string
	place    map[string][]string // service -> hosts; services left out land nowhere
	prefer   map[string][]string // service -> preferred hosts, when soft rules decide
	problems []string            // "kind service host"
	// messages are substrings the problems must contain: the cause.
	messages []string
}

func runCases(t *testing.T, cases []planCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := loadVersion(t, c.version)
			p, err := New(v, inventory(t, c.hosts), Options{Answers: c.answers})
			require.NoError(t, err)
			got := placements(p)
			for _, s := range p.Services {
				assert.Equal(t, c.place[s.Name], got[s.Name], "hosts of %s", s.Name)
				assert.Equal(t, c.prefer[s.Name], s.Preferred, "preferred hosts of %s", s.Name)
				assert.Equal(t, s.Unplaced > 0, len(got[s.Name]) < s.Scale && !s.Global && s.Kind != "external", "%s: unplaced containers are counted", s.Name)
			}
			for name := range c.place {
				assert.NotNil(t, p.Service(name), "the table names service %s, which the version lacks", name)
			}
			want := slices.Clone(c.problems)
			slices.Sort(want)
			assert.Equal(t, want, problemKeys(p))
			var text bytes.Buffer
			require.NoError(t, WriteText(&text, p))
			for _, m := range c.messages {
				assert.Contains(t, text.String(), m)
			}
			if t.Failed() {
				t.Log(text.String())
			}
		})
	}
}

func td(parts ...string) string {
	return filepath.Join(append([]string{"testdata"}, parts...)...)
}

// TestPlanTestdata runs the testdata versions, each written to show one of
// Cattle's scheduling rules or one problem, on the testdata inventories.
func TestPlanTestdata(t *testing.T) {
	ver := func(name string) string { return td("templates", name, "0") }
	twoRoles, threePlain, port80 := td("hosts", "two-roles.yaml"), td("hosts", "three-plain.yaml"), td("hosts", "port80.yaml")
	runCases(t, []planCase{
		{name: "hard host_label", version: ver("pinned"), hosts: twoRoles,
			place: map[string][]string{"web": {"h1"}, "db": {"h2"}}},
		{name: "hard host_label no host has", version: ver("pinned"), hosts: threePlain,
			place:    map[string][]string{"web": {"h1"}},
			problems: []string{"no-host db"},
			messages: []string{"no host can take db, so it stays in Activating: h1, h2, h3: lacks host label role=db"}},
		{name: "global log on every log host", version: ver("logging"), hosts: twoRoles,
			place: map[string][]string{"log": {"h1", "h2"}, "app": {"h1", "h2"}}},
		// app spreads itself (container_label_ne on its own name) and the
		// first container goes to the emptiest host, h3, where no log runs.
		{name: "syslog with no log container on the host", version: ver("logging"), hosts: threePlain,
			place:    map[string][]string{"log": {"h1", "h2"}, "app": {"h3", "h1"}},
			problems: []string{"syslog app h3"},
			messages: []string{"app on h3 logs to tcp://127.0.0.1:1514, but no log container runs on h3"}},
		{name: "global service lands nowhere", version: ver("logging"), hosts: port80,
			place:    map[string][]string{"app": {"h1", "h2"}},
			problems: []string{"global-nowhere log", "syslog app h1", "syslog app h2"},
			messages: []string{"global service log runs on no host: h1, h2: lacks host label log=true"}},
		{name: "scale beyond the hosts with the port free", version: ver("scale-port"), hosts: twoRoles,
			place:    map[string][]string{"web": {"h1", "h2"}},
			problems: []string{"scale web"},
			messages: []string{"web has scale 3, but only 2 of its containers find a host; 1 stay unplaced", "host port 80/tcp of web is taken by scale-port-web-1"}},
		{name: "scale fits three hosts", version: ver("scale-port"), hosts: threePlain,
			place: map[string][]string{"web": {"h1", "h2", "h3"}}},
		// Cattle does not know the port the inventory says is taken: the
		// first container avoids h1 only by luck, the second lands there.
		{name: "scale and a port taken outside Rancher", version: ver("scale-port"), hosts: port80,
			place:    map[string][]string{"web": {"h2", "h1"}},
			problems: []string{"port-taken web h1", "scale web"},
			messages: []string{"web lands on h1, where host port 80/tcp is already taken outside Rancher"}},
		{name: "local volume split between hosts", version: ver("shared-volume"), hosts: twoRoles,
			place:    map[string][]string{"a": {"h1"}, "b": {"h2"}},
			problems: []string{"local-volume"},
			messages: []string{"volume data uses the local driver, and a, b run on h1, h2"}},
		{name: "shared driver the environment runs", version: ver("shared-volume"), hosts: twoRoles,
			answers: map[string]string{"driver": "rancher-nfs"},
			place:   map[string][]string{"a": {"h1"}, "b": {"h2"}}},
		{name: "shared driver no stack provides", version: ver("shared-volume"), hosts: threePlain,
			answers:  map[string]string{"driver": "rancher-nfs"},
			place:    map[string][]string{"a": {"h1"}, "b": {"h2"}},
			problems: []string{"storage-driver"},
			messages: []string{"volume data uses the rancher-nfs driver, but the inventory runs no rancher-nfs stack"}},
		{name: "ingress without Traefik and a balancer with no target", version: ver("ingress"), hosts: twoRoles,
			place:    map[string][]string{"web": {"h1"}, "lb": {"h2"}},
			problems: []string{"ingress lb", "ingress web", "no-host api"},
			messages: []string{"the inventory runs no Traefik stack", "load balancer lb sends port 8080 to api, which has no container"}},
		{name: "Traefik route with no healthy target", version: ver("ingress"), hosts: port80,
			place:    map[string][]string{"web": {"h1"}, "lb": {"h2"}},
			problems: []string{"ingress lb", "ingress web", "no-host api"},
			messages: []string{"Traefik routes web.ingress.example.com to web, but only adds healthy containers"}},
		{name: "port free", version: ver("port-taken"), hosts: twoRoles,
			place: map[string][]string{"web": {"h1"}}},
		{name: "port taken on the only host", version: ver("port-taken"), hosts: port80,
			place:    map[string][]string{"web": {"h1"}},
			problems: []string{"port-taken web h1"}},
		{name: "sidekick pinned apart from its primary", version: ver("sidekick"), hosts: threePlain,
			problems: []string{"no-host app"},
			messages: []string{"h1, h3: lacks host label zone=a (io.rancher.scheduler.affinity:host_label of app); h2: lacks host label zone=b (io.rancher.scheduler.affinity:host_label of app-data)"}},
		{name: "soft rule and container affinity", version: ver("soft"), hosts: twoRoles,
			place:  map[string][]string{"web": {"h2"}, "db": {"h1"}, "cache": {"h1"}},
			prefer: map[string][]string{"web": {"h2"}}},
		{name: "soft rule no host satisfies", version: ver("soft"), hosts: threePlain,
			place: map[string][]string{"web": {"h1"}, "db": {"h2"}, "cache": {"h2"}}},
		{name: "defaults", version: ver("answers"), hosts: twoRoles,
			place: map[string][]string{"web": {"h1"}}},
		{name: "answers change the pin and the template", version: ver("answers"), hosts: twoRoles,
			answers: map[string]string{"pin": "role=db", "with_worker": "true"},
			place:   map[string][]string{"web": {"h2"}, "worker": {"h2"}}},
		{name: "syslog served by the host's own listener", version: ver("logging"), hosts: td("hosts", "listener.yaml"),
			place: map[string][]string{"log": {"h1"}, "app": {"h2", "h1"}}},
		// container_ne keeps web off db's host although its soft rule
		// prefers it; volumes_from names a service that is no sidekick;
		// not_host_label is no rule at all.
		{name: "container rules, a bad reference and an unknown key", version: ver("names"), hosts: twoRoles,
			place:    map[string][]string{"db": {"h1"}, "web": {"h2"}},
			problems: []string{"affinity-syntax web", "sidekick web"},
			messages: []string{"label io.rancher.scheduler.affinity:not_host_label of web is no scheduling rule Cattle knows", "volumes_from of web references db, which is not a sidekick of web"}},
		// web comes first in the file but needs db's container, and worker
		// depends on cache: cache goes first (h1), worker next (spread to
		// h2), then db (h1 by inventory order) and web joins db.
		{name: "placement order follows dependencies", version: ver("order"), hosts: twoRoles,
			place: map[string][]string{"cache": {"h1"}, "worker": {"h2"}, "db": {"h1"}, "web": {"h1"}}},
		{name: "container rule about another stack", version: ver("outside"), hosts: twoRoles,
			place:    map[string][]string{"web": {"h1"}},
			problems: []string{"outside-stack web"}},
		{name: "host_label item without =", version: ver("bad-rule"), hosts: twoRoles,
			problems: []string{"affinity-syntax web", "no-host web"},
			messages: []string{`"ssd" has no "=", so no host matches it`}},
	})
}

// TestPlanHarborReference plans the published Harbor entries (single host
// 0 and 2, distributed 1 and 3, converged 4) on the example inventories.
func TestPlanHarborReference(t *testing.T) {
	ref := linttest.SharedDir(t, "reference/rancher-catalog-extension/templates/project-harbor")
	ver := func(n string) string { return filepath.Join(ref, n) }
	hosts := func(name string) string { return filepath.Join("..", "..", "examples", "hosts", name+".yaml") }
	group := []string{"harbor-setupwrapper", "registry", "mysql", "ui", "jobservice", "proxy"}
	on := func(h string, services ...string) map[string][]string {
		m := map[string][]string{}
		for _, s := range services {
			m[s] = []string{h}
		}
		return m
	}
	oneHost := on("registry1", append(group, "log")...)
	// Distributed 1 on three hosts, the log service global: every other
	// service runs where it is spread to, next to a log container.
	dist := map[string][]string{"harbor-setupwrapper": {"node1"}, "log": {"node1", "node2", "node3"}, "registry": {"node2"}, "mysql": {"node3"}, "ui": {"node1"}, "jobservice": {"node2"}, "proxy": {"node3"}}
	distMissing := map[string][]string{"harbor-setupwrapper": {"node1"}, "log": {"node1", "node2"}, "registry": {"node3"}, "mysql": {"node2"}, "ui": {"node3"}, "jobservice": {"node1"}, "proxy": {"node2"}}
	// The single-host entry on three labelled hosts: log is no sidekick,
	// so it is spread away from the group that logs to it.
	singleOnThree := on("node2", group...)
	singleOnThree["log"] = []string{"node1"}
	conv := map[string][]string{"harbor-setupwrapper": {"node1"}, "log": {"node1", "node2", "node3"}, "registry": {"node2"}, "mysql": {"node3"}, "adminserver": {"node1"}, "ui": {"node2"}, "jobservice": {"node3"}, "proxy": {"node1"}, "harbor-lb": {"node1", "node2", "node3"}}
	convMissing := map[string][]string{}
	for k, v := range conv {
		convMissing[k] = v
	}
	delete(convMissing, "harbor-lb")
	var syslogNode2 []string
	for _, s := range group[1:] {
		syslogNode2 = append(syslogNode2, "syslog "+s+" node2")
	}
	hostPaths := []string{"host-path jobservice", "host-path mysql", "host-path registry", "host-path ui"}
	runCases(t, []planCase{
		{name: "single host on its host", version: ver("0"), hosts: hosts("one-host"), place: oneHost},
		{name: "single host on three hosts", version: ver("0"), hosts: hosts("three-hosts"), place: singleOnThree,
			problems: append(hostPaths, syslogNode2...),
			messages: []string{"registry keeps data in the host folder /data/registry on node2, but node1, node3 can also take it"}},
		{name: "distributed on three labelled hosts", version: ver("1"), hosts: hosts("three-hosts"), place: dist},
		{name: "distributed with a host missing harbor-log", version: ver("1"), hosts: hosts("missing-label"), place: distMissing,
			problems: []string{"syslog registry node3", "syslog ui node3"},
			messages: []string{"registry on node3 logs to tcp://127.0.0.1:1514, but no log container runs on node3"}},
		{name: "distributed on one host", version: ver("1"), hosts: hosts("one-host"),
			place: on("registry1", group...),
			problems: []string{"global-nowhere log", "ingress proxy", "storage-driver",
				"syslog jobservice registry1", "syslog mysql registry1", "syslog proxy registry1", "syslog registry registry1", "syslog ui registry1"}},
		{name: "converged on three hosts", version: ver("4"), hosts: hosts("three-hosts"), place: conv,
			problems: []string{"local-volume", "render"},
			messages: []string{"docker-compose.yml:50: the traefikdomain variable is not set; Rancher substitutes a blank string", "use the local driver, and harbor-setupwrapper, registry, mysql, adminserver, ui, jobservice, proxy run on node1, node2, node3"}},
		{name: "converged without load balancer hosts", version: ver("4"), hosts: hosts("missing-label"), place: convMissing,
			problems: []string{"global-nowhere harbor-lb", "ingress harbor-lb", "local-volume", "render"},
			messages: []string{"load balancer harbor-lb has no container, so port 80 reaches nothing"}},
	})
}

// With no answers the plan reads the catalog model's own rendering; with
// answers it renders again. Both must agree when the answers are the
// defaults.
func TestAnswersEqualToDefaultsChangeNothing(t *testing.T) {
	ref := linttest.SharedDir(t, "reference/rancher-catalog-extension/templates/project-harbor")
	for _, n := range []string{"0", "1", "4"} {
		v := loadVersion(t, filepath.Join(ref, n))
		inv := inventory(t, filepath.Join("..", "..", "examples", "hosts", "missing-label.yaml"))
		defaults := map[string]string{}
		for _, q := range v.Catalog.Questions {
			if q.Default != "" {
				defaults[q.Variable] = q.Default
			}
		}
		a, err := New(v, inv, Options{})
		require.NoError(t, err)
		b, err := New(v, inv, Options{Answers: defaults})
		require.NoError(t, err)
		assert.Equal(t, placements(a), placements(b), n)
		assert.Equal(t, a.Problems, b.Problems, n)
		assert.Equal(t, a.Edges, b.Edges, n)
	}
}

func TestStackNameReachesMacrosAndContainerNames(t *testing.T) {
	v := loadVersion(t, td("templates", "logging", "0"))
	p, err := New(v, inventory(t, td("hosts", "two-roles.yaml")), Options{Stack: "Prod"})
	require.NoError(t, err)
	assert.Equal(t, "prod", p.Stack)
	// Self anti-affinity still spreads app: the macro expands to the new name.
	assert.Equal(t, []string{"h1", "h2"}, placements(p)["app"])
	assert.Equal(t, "prod-app-1", p.Service("app").Containers[0].Name)
}

func TestAnswersProblems(t *testing.T) {
	v := loadVersion(t, td("templates", "answers", "0"))
	p, err := New(v, inventory(t, td("hosts", "two-roles.yaml")), Options{Answers: map[string]string{"colour": "blue"}})
	require.NoError(t, err)
	require.Len(t, p.Problems, 1)
	assert.Equal(t, KindRender, p.Problems[0].Kind)
	assert.Contains(t, p.Problems[0].Message, "the answer colour is not a question of this version")
}

func TestInventoryErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"", "empty inventory"},
		{"- a", "hosts.yaml:1:1: an inventory is a mapping"},
		{"hosts: []", "no hosts"},
		{"hosts:\n  - name: a\n    colour: red\n", "hosts.yaml:3:5: unknown host field \"colour\"; allowed: name, labels, ports"},
		{"hosts:\n  - name: a\n  - name: a\n", "hosts.yaml:3:5: host \"a\" is listed twice"},
		{"hosts:\n  - name: a\n    ports: [http]\n", "hosts.yaml:3:13: ports: \"http\" is not a port"},
		{"hosts:\n  - name: a\n    labels: [x]\n", "hosts.yaml:3:13: labels: must be a mapping"},
		{"hosts:\n  - labels: {a: b}\n", "hosts.yaml:2:5: a host needs a name"},
		{"hosts:\n  - name: a\nstack: [traefik]\n", "hosts.yaml:3:1: unknown field \"stack\"; allowed: hosts, stacks"},
		{"hosts: [", "hosts.yaml: not YAML"},
	} {
		_, err := ParseInventory("hosts.yaml", []byte(c.src))
		if assert.Error(t, err, c.src) {
			assert.Contains(t, err.Error(), c.want, c.src)
		}
	}
	inv, err := ParseInventory("hosts.yaml", []byte("hosts:\n  - name: a\n    ports: [80, 514/UDP]\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"514/udp", "80/tcp"}, inv.Hosts[0].Ports)
	_, known := inv.HasStack("traefik")
	assert.False(t, known, "an inventory without stacks: says nothing about them")
}

// TestOutputsAreDeterministic plans the same version twice and compares
// every format byte for byte.
func TestOutputsAreDeterministic(t *testing.T) {
	ref := linttest.SharedDir(t, "reference/rancher-catalog-extension/templates/project-harbor/4")
	render := func() [4][]byte {
		p, err := New(loadVersion(t, ref), inventory(t, filepath.Join("..", "..", "examples", "hosts", "missing-label.yaml")), Options{})
		require.NoError(t, err)
		var out [4]bytes.Buffer
		require.NoError(t, WriteText(&out[0], p))
		require.NoError(t, WriteJSON(&out[1], p))
		require.NoError(t, WriteSVG(&out[2], p))
		require.NoError(t, WriteDot(&out[3], p))
		return [4][]byte{out[0].Bytes(), out[1].Bytes(), out[2].Bytes(), out[3].Bytes()}
	}
	a, b := render(), render()
	for i := range a {
		assert.Equal(t, string(a[i]), string(b[i]), "format %d", i)
	}
	svg := string(a[2])
	assert.Contains(t, svg, `data-kind="host" data-name="node3"`)
	assert.Contains(t, svg, `fill="#c62828">error: global service harbor-lb runs on no host`)
	assert.Contains(t, string(a[3]), "subgraph cluster_0")
	assert.Contains(t, string(a[3]), "color=red")
}

func TestTypicalInventory(t *testing.T) {
	ref := linttest.SharedDir(t, "reference/rancher-catalog-extension/templates/project-harbor")
	for _, c := range []struct {
		version string
		hosts   int
		labels  []string
		stacks  []string
	}{
		{"0", 1, []string{"harbor-host=true"}, []string{}},
		{"1", 3, []string{"harbor-log=true"}, []string{"rancher-nfs", "traefik"}},
		{"4", 3, []string{"harbor-host=true", "harbor-lb-host=true"}, []string{}},
	} {
		inv, err := TypicalInventory(loadVersion(t, filepath.Join(ref, c.version)))
		require.NoError(t, err)
		require.Len(t, inv.Hosts, c.hosts, c.version)
		for _, h := range inv.Hosts {
			var got []string
			for k, v := range h.Labels {
				got = append(got, k+"="+v)
			}
			slices.Sort(got)
			assert.Equal(t, c.labels, got, c.version)
		}
		assert.Equal(t, c.stacks, inv.Stacks, c.version)
	}
}

// The README shows docs/plan-project-harbor-1.svg: it must be what plan
// draws today. Regenerate it with
//
//	catalogen plan ../shared/corpus/community-catalog/templates/project-harbor/1 --hosts examples/hosts/missing-label.yaml --format svg --output docs/plan-project-harbor-1.svg
func TestReadmeDiagramIsCurrent(t *testing.T) {
	ver := linttest.SharedDir(t, "corpus/community-catalog/templates/project-harbor/1")
	p, err := New(loadVersion(t, ver), inventory(t, filepath.Join("..", "..", "examples", "hosts", "missing-label.yaml")), Options{})
	require.NoError(t, err)
	var svg bytes.Buffer
	require.NoError(t, WriteSVG(&svg, p))
	committed, err := os.ReadFile(filepath.Join("..", "..", "docs", "plan-project-harbor-1.svg"))
	require.NoError(t, err)
	assert.Equal(t, string(committed), svg.String(), "docs/plan-project-harbor-1.svg is stale; regenerate it (see the comment above)")
}

// TestPlanCorpus plans every version of the community catalog on three
// hosts and draws it: whatever the version holds, plan answers with a plan
// or an error naming the folder, never a panic, and the drawing keeps every
// container.
func TestPlanCorpus(t *testing.T) {
	cat, err := catalog.Load(linttest.SharedDir(t, "corpus/community-catalog"), catalog.Options{})
	require.NoError(t, err)
	inv := inventory(t, filepath.Join("..", "..", "examples", "hosts", "three-hosts.yaml"))
	for _, tpl := range cat.Templates {
		for _, v := range tpl.Versions {
			if !tpl.IsCompose() {
				continue
			}
			p, err := New(v, inv, Options{})
			if v.Project == nil || v.Project.DC == nil {
				// No compose project Rancher could deploy: an error naming it.
				if assert.Error(t, err, v.Dir) {
					assert.Contains(t, err.Error(), v.Dir)
				}
				continue
			}
			require.NoError(t, err, v.Dir)
			var svg, dot bytes.Buffer
			require.NoError(t, WriteSVG(&svg, p), v.Dir)
			require.NoError(t, WriteDot(&dot, p), v.Dir)
			containers := 0
			for _, s := range p.Services {
				containers += len(s.Containers)
			}
			assert.Equal(t, containers, strings.Count(svg.String(), `data-kind="container"`), v.Dir)
		}
	}
}

// A version without a compose project to plan says why, naming the file.
func TestNoProjectSaysWhy(t *testing.T) {
	inv := inventory(t, td("hosts", "two-roles.yaml"))
	for _, c := range []struct{ compose, want string }{
		{"{{ if }}", "docker-compose.yml.tpl: Go templating fails"},
		{"web: [\n", "docker-compose.yml.tpl: not YAML after templating"},
		{"{{ fail \"no\" }}", "docker-compose.yml.tpl: templating stops with"},
	} {
		cat, err := catalog.LoadFiles(map[string][]byte{
			"templates/app/config.yml":               []byte("name: app\nversion: '1'\n"),
			"templates/app/0/docker-compose.yml.tpl": []byte(c.compose),
			"templates/app/0/rancher-compose.yml":    []byte(".catalog:\n  version: '1'\n"),
		}, catalog.Options{})
		require.NoError(t, err)
		_, err = New(cat.Templates[0].Versions[0], inv, Options{})
		if assert.Error(t, err, c.compose) {
			assert.Contains(t, err.Error(), c.want)
		}
	}
}

// Problems are red where they happen: a container only on the host where
// it breaks, local volumes split between hosts.
func TestSVGMarksProblemsInRed(t *testing.T) {
	draw := func(version, hosts string) string {
		p, err := New(loadVersion(t, version), inventory(t, hosts), Options{})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, WriteSVG(&b, p))
		return b.String()
	}
	container := func(svg, name string) string {
		i := strings.Index(svg, `data-name="`+name+`"`)
		require.GreaterOrEqual(t, i, 0, name)
		return svg[i : i+strings.Index(svg[i:], "</g>")]
	}
	// app-1 lands on h3 without a log container, app-2 on h1 next to one.
	svg := draw(td("templates", "logging", "0"), td("hosts", "three-plain.yaml"))
	assert.Contains(t, container(svg, "logging-app-1"), `stroke="`+red+`"`)
	assert.NotContains(t, container(svg, "logging-app-2"), red)

	svg = draw(td("templates", "shared-volume", "0"), td("hosts", "two-roles.yaml"))
	assert.Contains(t, svg, `fill="`+red+`">local volumes, a copy on each host: data</text>`)
}
