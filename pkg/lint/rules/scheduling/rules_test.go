package scheduling

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// table is the specification's rule table (§9) for the family.
var table = []struct {
	id, slug string
	sev      lint.Severity
}{
	{"S001", "sk.defined", lint.Error},
	{"S002", "sk.single-primary", lint.Error},
	{"S003", "sk.self", lint.Error},
	{"S004", "sk.volumes-from", lint.Error},
	{"S005", "sk.cycle", lint.Error},
	{"S006", "sk.lb-target", lint.Error},
	{"B001", "lbl.affinity-key", lint.Warning},
	{"B002", "lbl.affinity-pairs", lint.Error},
	{"B003", "lbl.bool-values", lint.Warning},
	{"B004", "lbl.enum-values", lint.Warning},
	{"B005", "lbl.global-with-soft/container", lint.Info},
	{"B006", "lbl.system-labels", lint.Warning},
	{"B007", "lbl.selector-syntax", lint.Error},
	{"TR001", "traefik.enable", lint.Warning},
	{"TR002", "traefik.port", lint.Warning},
	{"TR003", "traefik.unknown-key", lint.Info},
	{"TR004", "traefik.healthcheck", lint.Warning},
}

func TestRuleTable(t *testing.T) {
	rs := Rules()
	if len(rs) != len(table) {
		t.Fatalf("%d rules, the table has %d", len(rs), len(table))
	}
	for i, r := range rs {
		want := table[i]
		if r.ID != want.id || r.Slug != want.slug || r.Severity != want.sev {
			t.Errorf("rule %d is %s %s %v, want %s %s %v", i, r.ID, r.Slug, r.Severity, want.id, want.slug, want.sev)
		}
		if r.Summary == "" || r.Doc == "" || r.Bad == "" || r.Good == "" || r.Version == nil {
			t.Errorf("%s: summary, doc, bad and good example and a version check are all required", r.ID)
		}
		if _, err := os.Stat(filepath.Join("testdata", r.ID)); err != nil {
			t.Errorf("%s has no test cases", r.ID)
		}
	}
}

// lintShared lints a catalog of ../shared (beside the checkout) and returns
// the version folders of each rule's findings.
func lintShared(t *testing.T, rel string) map[string][]string {
	t.Helper()
	dir := linttest.SharedDir(t, rel)
	c, err := catalog.Load(dir, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(c, Rules(), lint.Settings{})
	for _, e := range res.Internal {
		t.Error(e)
	}
	folders := map[string][]string{}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		folder := f.Pos.Path[:strings.LastIndexByte(f.Pos.Path, '/')]
		if !seen[f.Rule.ID+" "+folder] {
			seen[f.Rule.ID+" "+folder] = true
			folders[f.Rule.ID] = append(folders[f.Rule.ID], folder)
		}
	}
	for _, v := range folders {
		sort.Strings(v)
	}
	return folders
}

func versions(template string, from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, template+"/"+strconv.Itoa(i))
	}
	return out
}

func sorted(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	sort.Strings(out)
	return out
}

// The community catalog's findings, each read in its file: es-cluster
// 0-4 list es-storage from three primaries (capped at v1.6.14, so
// warnings); the registry templates use not_host_label; global services
// carry self anti-affinity or soft rules (info).
func TestCommunityCatalog(t *testing.T) {
	got := lintShared(t, "corpus/community-catalog")
	want := map[string][]string{
		"S002": versions("templates/es-cluster", 0, 4),
		"B001": sorted(versions("templates/registry", 0, 3), []string{"templates/registry-convoy/0"}),
		"B005": sorted(
			[]string{"infra-templates/mesos/0", "infra-templates/mesos/1", "mesos-templates/mesos-dns/0", "templates/rancher-bench-security/0"},
			versions("templates/drone", 4, 7), []string{"templates/project-harbor/1", "templates/project-harbor/3", "templates/project-harbor/4"},
			versions("templates/traefik", 0, 33)),
	}
	for _, r := range table {
		if strings.Join(got[r.id], " ") != strings.Join(want[r.id], " ") {
			t.Errorf("%s found in\n  %v\nwant\n  %v", r.id, got[r.id], want[r.id])
		}
	}
}

// The Harbor reference catalog: only the global log service's soft
// anti-affinity (folders 1, 3 and 4).
func TestHarborReference(t *testing.T) {
	got := lintShared(t, "reference/rancher-catalog-extension")
	want := map[string][]string{"B005": {"templates/project-harbor/1", "templates/project-harbor/3", "templates/project-harbor/4"}}
	for _, r := range table {
		if strings.Join(got[r.id], " ") != strings.Join(want[r.id], " ") {
			t.Errorf("%s found in %v, want %v", r.id, got[r.id], want[r.id])
		}
	}
}
