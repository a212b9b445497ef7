package topology

import (
	"fmt"
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

var ruleTP003 = &lint.Rule{
	ID:       "TP003",
	Slug:     "topology.shared-state",
	Severity: lint.Warning,
	Summary:  "data that must follow a service or be shared across hosts is not on a host path or a local volume",
	Doc: "A host bind mount (`/data/db:/var/lib/mysql`) and a `local` volume live on one host, so an unpinned " +
		"service finds an empty directory when Rancher recreates it elsewhere, and services on different hosts " +
		"each get their own copy of a shared `local` volume. Hosts count as several when nothing pins the " +
		"services, when they are pinned differently, or when a global service of the stack runs on the same pin; " +
		"global services, host agents (Docker socket, host logs, read-only host files) and services with self " +
		"anti-affinity keep per-host data by design. A driver taken from a question whose default is `local` is " +
		"reported once, on that default: use a driver that shares data (rancher-nfs) or pin to one host. " +
		"Warning: data is lost or diverges when a container moves host; the stack deploys.",
	Bad: `version: '2'
services:
  db:
    image: mysql:5.7
    volumes:
      - /data/mysql:/var/lib/mysql   # db is not pinned: its data stays behind`,
	Good: `version: '2'
services:
  db:
    image: mysql:5.7
    volumes:
      - /data/mysql:/var/lib/mysql
    labels:
      io.rancher.scheduler.affinity:host_label: db=true`,
	Version: lint.Requires(stack.New, checkTP003),
}

func checkTP003(p *lint.Pass, w *stack.View) {
	checkBindState(p, w)
	checkLocalVolumes(p, w)
}

// checkBindState reports host paths holding data of services that can move.
func checkBindState(p *lint.Pass, w *stack.View) {
	for _, s := range w.Placed() {
		pl := w.GroupPlacement(s.Name)
		if !pl.Sure() || pl.Global {
			continue // a global service keeps one copy per host by design
		}
		if pl.Pinned() && !w.MultiHost(pl.PinKey()) {
			continue
		}
		if w.HostAgent(s) || w.SpreadsItself(w.Service(w.PrimaryOf(s.Name))) {
			continue // per-host data by design
		}
		where := "it has no host_label rule"
		if pl.Pinned() {
			where = "its pin " + pl.PinKey() + " matches several hosts (a global service of the stack runs on it)"
		}
		for _, m := range w.Mounts(s) {
			if !m.State() {
				continue
			}
			p.Report(m.Pos(), "service %s keeps data in the host directory %s, but %s: when Rancher recreates the container on another host it starts without that data; pin %s with io.rancher.scheduler.affinity:host_label to a label only one host carries, or use a named volume with a driver that follows it (rancher-nfs)", s.Name, m.Source, where, s.Name)
		}
	}
}

func checkLocalVolumes(p *lint.Pass, w *stack.View) {
	vols := w.Volumes()
	byQuestion := map[string][]*stack.Volume{}
	var questions []string
	reasons := map[string]string{}
	qusers := map[string][]*catalog.Service{}
	for i := range vols {
		vol := &vols[i]
		if !vol.Shared || !vol.Sure || len(vol.Users) == 0 || (vol.Driver != "" && vol.Driver != "local") {
			continue
		}
		why, spread := spreads(w, vol.Users)
		if !spread {
			continue
		}
		if q := questionOf(w, vol.Raw); q != nil {
			if byQuestion[q.Variable] == nil {
				questions = append(questions, q.Variable)
			}
			byQuestion[q.Variable] = append(byQuestion[q.Variable], vol)
			for _, u := range vol.Users {
				if !slices.Contains(qusers[q.Variable], u) {
					qusers[q.Variable] = append(qusers[q.Variable], u)
				}
			}
			reasons[q.Variable] = why
			continue
		}
		pos := vol.Mounts[0].Pos()
		if vol.Node != nil {
			pos = vol.Doc.At(vol.Node)
		}
		driver := "the default local driver"
		if vol.Driver == "local" {
			driver = "the local driver"
		}
		p.Report(pos, "volume %s uses %s, but %s: each host gets its own copy and they do not share data; use a driver that shares data between hosts (rancher-nfs, rancher-efs) or pin the services to one host", vol.Name, driver, why)
	}
	for _, variable := range questions {
		q := w.Version.Catalog.Question(variable)
		vs := byQuestion[variable]
		names := make([]string, len(vs))
		for i, vol := range vs {
			names[i] = vol.Name
		}
		node := yamlnode.Resolve(q.Field("default"))
		pos := w.Version.Catalog.Doc.At(node)
		why := reasons[variable]
		if len(vs) > 1 {
			why, _ = spreads(w, qusers[variable])
		}
		p.Report(pos, "question %s defaults to local, the driver of volume%s %s, but %s: with local each host gets its own copy of the data; default to a driver that shares data between hosts (e.g. rancher-nfs), or pin the services to one host", variable, plural(len(names)), strings.Join(names, ", "), why)
	}
}

// spreads reports whether the users of a volume can run on different
// hosts, and why.
func spreads(w *stack.View, users []*catalog.Service) (string, bool) {
	var primaries []string
	var pls []stack.Placement
	for _, s := range users {
		pr := w.PrimaryOf(s.Name)
		if slices.Contains(primaries, pr) {
			continue
		}
		pl := w.GroupPlacement(s.Name)
		if !pl.Sure() {
			return "", false
		}
		primaries = append(primaries, pr)
		pls = append(pls, pl)
	}
	if len(primaries) < 2 {
		return "", false // one launch-config group shares its host
	}
	names := strings.Join(userNames(users), ", ")
	for i, pl := range pls {
		if pl.Global {
			return fmt.Sprintf("services %s use it and %s is global, so they run on different hosts", names, primaries[i]), true
		}
	}
	key := pls[0].PinKey()
	for _, pl := range pls[1:] {
		if pls[0].Undecided(pl) {
			return "", false
		}
		if pl.PinKey() != key {
			return fmt.Sprintf("services %s use it and are pinned differently, so they can run on different hosts", names), true
		}
	}
	switch {
	case key == "":
		return fmt.Sprintf("services %s use it and no host_label rule keeps them on one host", names), true
	case w.MultiHost(key):
		return fmt.Sprintf("services %s use it and their pin %s matches several hosts (a global service of the stack runs on it)", names, key), true
	}
	return "", false
}

func userNames(users []*catalog.Service) []string {
	out := make([]string, len(users))
	for i, s := range users {
		out[i] = s.Name
	}
	return out
}

// questionOf returns the question a driver value is read from when the value
// is exactly `${X}` or `$X`.
func questionOf(w *stack.View, raw string) *catalog.Question {
	name := strings.TrimPrefix(raw, "$")
	if strings.HasPrefix(name, "{") && strings.HasSuffix(name, "}") {
		name = name[1 : len(name)-1]
	}
	if name == raw || name == "" || w.Version.Catalog == nil {
		return nil
	}
	q := w.Version.Catalog.Question(name)
	if q == nil || q.Field("default") == nil {
		return nil
	}
	return q
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
