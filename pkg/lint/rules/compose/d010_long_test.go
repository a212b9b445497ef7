package compose

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// A repeated key is found the same way in a short mapping (keys compared
// pairwise) and a long one (through a map): once, at the repeat, naming
// the first.
func TestD010ShortAndLongMappings(t *testing.T) {
	for _, n := range []int{2, shortMapping + 4} {
		var labels strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&labels, "    l%d: x\n", i)
		}
		labels.WriteString("    l1: y\n    l1: z\n") // the first l1 is on line 5
		res := linttest.LintFiles(t, map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
			"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
			"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n  labels:\n" + labels.String()),
		}, []*lint.Rule{ruleD010})
		var got []string
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%d %s", f.Pos.Line, f.Message))
		}
		if len(got) != 2 || !strings.HasPrefix(got[0], fmt.Sprintf("%d ", 4+n)) || !strings.Contains(got[0], "first at line 5") || !strings.Contains(got[1], "first at line 5") {
			t.Errorf("%d labels: %q", n, got)
		}
	}
}

// The same for a KEY=VALUE list: a short list is compared pairwise, a long
// one through a map, with the same findings.
func TestD010ShortAndLongLists(t *testing.T) {
	for _, n := range []int{2, shortMapping + 4} {
		var env strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&env, "    - E%d=x\n", i)
		}
		env.WriteString("    - E1=x\n    - E1=z\n") // the first E1 is on line 5
		res := linttest.LintFiles(t, map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
			"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
			"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n  environment:\n" + env.String()),
		}, []*lint.Rule{ruleD010})
		var got []string
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%d %s %s", f.Pos.Line, f.Severity, f.Message))
		}
		if len(got) != 2 || !strings.HasPrefix(got[0], fmt.Sprintf("%d ", 4+n)) || !strings.HasPrefix(got[1], fmt.Sprintf("%d ", 5+n)) ||
			!strings.Contains(got[0], "first at line 5") || !strings.Contains(got[1], "first at line 5") ||
			!strings.Contains(got[0], "both say the same") || strings.Contains(got[1], "both say the same") {
			t.Errorf("%d entries: %q", n, got)
		}
	}
}

// eachMapping visits the mappings yamlnode.Walk visits, in the same order,
// on every compose file of the community catalog and the D010 testdata.
func TestEachMappingVisitsAsWalk(t *testing.T) {
	roots, _ := filepath.Glob("testdata/D010/*")
	roots = append(roots, communityCatalog)
	files, mappings := 0, 0
	for _, root := range roots {
		c, err := catalog.Load(root, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tp := range c.Templates {
			for _, v := range tp.Versions {
				for _, f := range composeFiles(v) {
					var walked, visited []*yaml.Node
					yamlnode.Walk(f.doc.Root, func(n, _ *yaml.Node) bool {
						if n.Kind == yaml.MappingNode {
							walked = append(walked, n)
						}
						return true
					})
					eachMapping(f.doc.Root, 0, func(n *yaml.Node) { visited = append(visited, n) })
					if !slices.Equal(walked, visited) {
						t.Errorf("%s: eachMapping visits %d mappings, Walk %d", f.name(), len(visited), len(walked))
					}
					files++
					mappings += len(walked)
				}
			}
		}
	}
	if files == 0 || mappings == 0 {
		t.Fatalf("%d files, %d mappings: nothing compared", files, mappings)
	}
}
