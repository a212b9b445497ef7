package templating

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// The rule table of the specification, section 9.
var table = []struct {
	id, slug string
	sev      lint.Severity
}{
	{"T001", "tpl.parse", lint.Error},
	{"T002", "tpl.exec", lint.Error},
	{"T003", "tpl.undeclared-values", lint.Warning},
	{"T004", "tpl.in-plain-yml", lint.Warning},
	{"T005", "tpl.rendered-yaml", lint.Error},
	{"T006", "tpl.bool-compare", lint.Error},
	{"T007", "tpl.multiline-in-template", lint.Warning},
	{"I001", "interp.syntax", lint.Error},
	{"I002", "interp.undeclared", lint.Warning},
	{"I003", "interp.in-key", lint.Warning},
	{"I004", "interp.macro-escape", lint.Warning},
}

// Every rule is the specification's, with the documentation that the rules
// command and docs/rules.md show.
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
	}
}

// lintShared lints a catalog of ../shared (beside the checkout) and returns
// the family's findings by rule: the version folders they are in.
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
	byRule := map[string][]string{}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		folder := f.Pos.Path[:strings.LastIndexByte(f.Pos.Path, '/')]
		if !seen[f.Rule.ID+folder] {
			seen[f.Rule.ID+folder] = true
			byRule[f.Rule.ID] = append(byRule[f.Rule.ID], folder)
		}
	}
	for _, v := range byRule {
		sort.Strings(v)
	}
	return byRule
}

// The community catalog's known templating and interpolation defects, and
// nothing else: every finding here was checked by hand.
func TestCommunityCatalog(t *testing.T) {
	got := lintShared(t, "corpus/community-catalog")
	traefik := []string{}
	for i := 9; i <= 33; i++ {
		traefik = append(traefik, "templates/traefik/"+strconv.Itoa(i))
	}
	sort.Strings(traefik)
	want := map[string][]string{
		// %{{service_name}} without # notemplating (external-dns providers)
		"T001": {
			"infra-templates/cloudflare/3", "infra-templates/digitalocean-dns/0", "infra-templates/digitalocean-dns/1",
			"infra-templates/digitalocean-dns/2", "infra-templates/dnsimple/2", "infra-templates/dnsupdate-rfc2136/1",
			"infra-templates/dnsupdate-rfc2136/2", "templates/cloudflare/3", "templates/dnsimple/2", "templates/dnsupdate-rfc2136/1",
		},
		// (ne .Values.DEPLOY_LB "true") and ...
		"T002": {"templates/minio/0", "templates/minio/1", "templates/minio/2", "templates/minio/3", "templates/minio/4"},
		// .Values.LB_HOST_LABEL is not a question
		"T003": {"templates/awx/0"},
		// ${acme_vol_name}: / ${VOLUME_NAME}: as top-level volume keys
		"I003": traefik,
		"I002": {
			"templates/Concrete5/0", "templates/awx/0", "templates/convoy-efs/0", "templates/cowcheck/0", "templates/meanshop/0",
			"templates/nuxeo/0", "templates/reactioncommerce/0", "templates/traefik/6", "templates/traefik/7", "templates/wekan/1",
		},
	}
	for _, r := range table {
		if strings.Join(got[r.id], " ") != strings.Join(want[r.id], " ") {
			t.Errorf("%s found in\n  %v\nwant\n  %v", r.id, got[r.id], want[r.id])
		}
	}
}

// The Harbor reference catalog asks no question for ${traefikdomain} in
// folder 4.
func TestHarborReference(t *testing.T) {
	got := lintShared(t, "reference/rancher-catalog-extension")
	want := map[string][]string{"I002": {"templates/project-harbor/4"}}
	for _, r := range table {
		if strings.Join(got[r.id], " ") != strings.Join(want[r.id], " ") {
			t.Errorf("%s found in %v, want %v", r.id, got[r.id], want[r.id])
		}
	}
}
