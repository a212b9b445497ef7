package scheduling

import (
	"path/filepath"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// B001 skips a labels value when mayHoldAffinityKey says no: that value's
// KeyValues must then hold no affinity key, on the community catalog, the
// B testdata and label sets written for the cases the filter must not miss.
func TestMayHoldAffinityKeyMissesNothing(t *testing.T) {
	var values []*yaml.Node
	roots, _ := filepath.Glob("testdata/B0*/*")
	roots = append(roots, linttest.SharedDir(t, "corpus/community-catalog"))
	for _, root := range roots {
		c, err := catalog.Load(root, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tp := range c.Templates {
			for _, v := range tp.Versions {
				if v.Project == nil {
					continue
				}
				for _, s := range v.Project.Services {
					for _, f := range s.Fields("labels") {
						values = append(values, f.Value)
					}
				}
			}
		}
	}
	for _, src := range []string{
		"{a: 1, IO.Rancher.Scheduler.Affinity:Host_Label: x}",
		"[a=1, io.rancher.scheduler.affinity:hostlabel=x]",
		"base: &b {io.rancher.scheduler.affinity:nope: x}\nuse: {<<: *b, a: 1}",
		"- &i io.rancher.scheduler.affinity:nope=x\n- *i",
		"{a: 1, b: 2}",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		root := doc.Content[0]
		if v := yamlnode.Value(root, "use"); v != nil {
			root = v
		}
		values = append(values, root)
	}
	skipped, kept := 0, 0
	for _, n := range values {
		if mayHoldAffinityKey(n) {
			kept++
			continue
		}
		skipped++
		for _, kv := range yamlnode.KeyValues(n) {
			if _, isAff, _ := labels.ParseAffinityKey(kv.Key); isAff {
				t.Errorf("label %s at line %d: skipped, but it is an affinity key", kv.Key, kv.KeyNode.Line)
			}
		}
	}
	if skipped == 0 || kept == 0 {
		t.Errorf("%d label sets skipped, %d kept: the test should see both", skipped, kept)
	}
}
