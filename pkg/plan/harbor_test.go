package plan_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/build"
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalogdir"
	"github.com/catalogen/catalogen/pkg/plan"
	"github.com/catalogen/catalogen/pkg/render"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// builtinVersions renders the built-in Harbor blueprints and loads every
// version folder the way catalogen plan reads one.
func builtinVersions(t testing.TB) map[string]*catalog.Version {
	t.Helper()
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	cat, err := render.Render(bps)
	require.NoError(t, err)
	versions := map[string]*catalog.Version{}
	for _, e := range cat.Entries {
		for _, v := range e.Versions {
			files := map[string][]byte{"templates/" + e.Name + "/config.yml": e.Files["config.yml"]}
			for name, data := range v.Files {
				files["templates/"+e.Name+"/0/"+name] = data
			}
			c, err := catalog.LoadFiles(files, catalog.Options{Workers: 1})
			require.NoError(t, err)
			key := e.Name + "/" + v.CatalogVersion
			require.Len(t, c.Templates[0].Versions, 1, key)
			versions[key] = c.Templates[0].Versions[0]
		}
	}
	require.NotEmpty(t, versions)
	return versions
}

func exampleInventory(t *testing.T, name string) *plan.Inventory {
	t.Helper()
	inv, err := plan.LoadInventory(filepath.Join("..", "..", "examples", "hosts", name+".yaml"))
	require.NoError(t, err)
	return inv
}

func problemKinds(p *plan.Plan) []string {
	var out []string
	for _, pr := range p.Problems {
		if pr.Kind != plan.KindAnswer {
			out = append(out, strings.TrimSpace(pr.Kind+" "+pr.Service))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestBuiltinHarborOnInventories plans every built-in Harbor version on
// the example inventories. On the inventory each entry is written for
// (one host for the single-host entry, three for the others) everything
// runs and nothing breaks; on the others the plan names what breaks.
func TestBuiltinHarborOnInventories(t *testing.T) {
	versions := builtinVersions(t)
	cases := []struct {
		entry, hosts string
		problems     []string // kinds and services, the same for every release
	}{
		{"harbor", "one-host", nil},
		{"harbor-distributed", "three-hosts", nil},
		{"harbor-converged", "three-hosts", nil},
		// Without harbor-log the distributed entry's hosts shrink to two;
		// everything still lands next to its log container.
		{"harbor-distributed", "missing-label", nil},
		// The converged entry's load balancer needs harbor-lb-host.
		{"harbor-converged", "missing-label", []string{"global-nowhere harbor-lb", "ingress harbor-lb"}},
		// One host without Traefik, rancher-nfs or the harbor-log label.
		{"harbor-distributed", "one-host", []string{"global-nowhere log", "ingress proxy", "no-host adminserver", "no-host harbor-setupwrapper", "no-host jobservice", "no-host mysql", "no-host proxy", "no-host registry", "no-host ui", "storage-driver"}},
	}
	keys := make([]string, 0, len(versions))
	for k := range versions {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, c := range cases {
		inv := exampleInventory(t, c.hosts)
		n := 0
		for _, key := range keys {
			if !strings.HasPrefix(key, c.entry+"/") {
				continue
			}
			n++
			t.Run(key+" on "+c.hosts, func(t *testing.T) {
				p, err := plan.New(versions[key], inv, plan.Options{})
				require.NoError(t, err)
				got := problemKinds(p)
				want := c.problems
				// 0.5.0 has no adminserver: expect problems only of
				// services the version has.
				want = slices.DeleteFunc(slices.Clone(want), func(k string) bool {
					_, svc, _ := strings.Cut(k, " ")
					return svc != "" && p.Service(svc) == nil
				})
				assert.Equal(t, want, got)
				if len(c.problems) == 0 {
					for _, s := range p.Services {
						want := s.Scale
						if s.Global {
							want = len(s.Eligible)
						}
						assert.Len(t, s.Containers, want, "containers of %s", s.Name)
					}
				}
				if t.Failed() {
					var b bytes.Buffer
					_ = plan.WriteText(&b, p)
					t.Log(b.String())
				}
			})
		}
		assert.NotZero(t, n, "no built-in version of %s", c.entry)
	}
}

// TestBuiltinDiagrams: every version folder that build writes carries its
// topology drawn on its typical inventory: one host for the single-host
// entry, three for the others, every container drawn in a host box,
// nothing red.
func TestBuiltinDiagrams(t *testing.T) {
	versions := builtinVersions(t)
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	r, err := build.Render(bps)
	require.NoError(t, err)
	ex, err := catalogdir.Read(filepath.Join(t.TempDir(), "out"), r.Entries())
	require.NoError(t, err)
	res, err := r.Plan(ex, nil)
	require.NoError(t, err)
	drawn := map[string]string{}
	for _, pl := range res.Plan.Placed {
		drawn[pl.Entry+"/"+pl.Version] = string(res.Plan.Files[pl.Path+"/"+render.DiagramFile])
	}
	for key, v := range versions {
		svg := drawn[key]
		require.NotEmpty(t, svg, key)
		inv, err := plan.TypicalInventory(v)
		require.NoError(t, err)
		hosts := 3
		if strings.HasPrefix(key, "harbor/") {
			hosts = 1
		}
		assert.Len(t, inv.Hosts, hosts, key)
		assert.Equal(t, hosts, strings.Count(svg, `data-kind="host"`), key)
		p, err := plan.New(v, inv, plan.Options{})
		require.NoError(t, err)
		containers := 0
		for _, s := range p.Services {
			containers += len(s.Containers)
		}
		assert.Equal(t, containers, strings.Count(svg, `data-kind="container"`), key)
		assert.NotContains(t, svg, `data-kind="problem"`, key)
		again, err := plan.DiagramOf(v) // the version loaded on its own
		require.NoError(t, err)
		assert.Equal(t, svg, string(again), "%s: the drawing is deterministic", key)
	}
}

// BenchmarkDiagramsHarbor draws every built-in Harbor version's topology
// from versions already loaded (their stack views computed once), the share
// of BenchmarkBuildHarbor (pkg/build) that the drawing itself costs.
func BenchmarkDiagramsHarbor(b *testing.B) {
	versions := builtinVersions(b)
	b.ResetTimer()
	for b.Loop() {
		for _, v := range versions {
			if _, err := plan.DiagramOf(v); err != nil {
				b.Fatal(err)
			}
		}
	}
}
