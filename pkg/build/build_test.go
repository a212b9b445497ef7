package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/catalogdir"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/lintconfig"
)

// copyFS is fsys in memory, with files replaced by edits.
func copyFS(t *testing.T, fsys fs.FS, edits map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	tops := []string{"."}
	if _, err := fs.Stat(fsys, "."); err != nil {
		tops = []string{"blueprints", "catalog"} // the built-in source has no root
	}
	for _, top := range tops {
		err := fs.WalkDir(fsys, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		require.NoError(t, err)
	}
	for p, content := range edits {
		m[p] = &fstest.MapFile{Data: []byte(content)}
	}
	return m
}

// harbor is the built-in Harbor blueprint with edits to its files (paths
// as in the repository: blueprints/harbor.yaml, catalog/templates/...).
func harbor(t *testing.T, edits map[string]string) *blueprint.Blueprint {
	t.Helper()
	src := blueprint.BuiltinSource()
	bp, err := blueprint.Load(blueprint.Source{FS: copyFS(t, src.FS, edits)}, "blueprints/harbor.yaml")
	require.NoError(t, err)
	return bp
}

func readBuiltin(t *testing.T, p string) string {
	t.Helper()
	data, err := fs.ReadFile(blueprint.BuiltinSource().FS, p)
	require.NoError(t, err)
	return string(data)
}

// planFresh renders bps and plans them into an empty folder.
func planFresh(t *testing.T, bps ...*blueprint.Blueprint) *Result {
	t.Helper()
	r, err := Render(bps)
	require.NoError(t, err)
	ex, err := catalogdir.Read(t.TempDir()+"/out", r.Entries())
	require.NoError(t, err)
	res, err := r.Plan(ex, nil)
	require.NoError(t, err)
	return res
}

// TestBuiltinClean: the built-in blueprints build without a finding that
// is not suppressed on purpose.
func TestBuiltinClean(t *testing.T) {
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	res := planFresh(t, bps...)
	for _, f := range res.Findings {
		t.Errorf("%s %s: %s", f.Rule.ID, f.Source, f.Message)
	}
	assert.False(t, res.Failed())
}

// TestDefectInTemplateTracedToItsLine injects a misspelt key under the
// first image: line of an entry's compose template, and expects build to
// report it once, at the template's line, listing every version (of every
// entry sharing the template) where the line was rendered: the versions are read from the rendered output, not
// written here.
func TestDefectInTemplateTracedToItsLine(t *testing.T) {
	bp0 := harbor(t, nil)
	for _, e := range bp0.Entries {
		t.Run(e.Name, func(t *testing.T) {
			file := "catalog/templates/" + strings.TrimPrefix(e.Templates, "catalog/templates/") + "/docker-compose.yml.tpl.tmpl"
			text := readBuiltin(t, file)
			lines := strings.Split(text, "\n")
			at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "image:") })
			require.GreaterOrEqual(t, at, 0, "%s has an image: line", file)
			indent := lines[at][:len(lines[at])-len(strings.TrimLeft(lines[at], " "))]
			defect := indent + "privilige: true"
			lines = slices.Insert(lines, at+1, defect)
			bp := harbor(t, map[string]string{file: strings.Join(lines, "\n")})
			res := planFresh(t, bp)

			// The versions whose output has the defect: entries may share
			// a template.
			var want []string
			for _, pl := range res.Plan.Placed {
				if bytes.Contains(res.Plan.Files[pl.Path+"/docker-compose.yml.tpl"], []byte(defect+"\n")) {
					want = append(want, describe(pl.Entry, pl.Version))
				}
			}
			require.NotEmpty(t, want)

			var got []Finding
			for _, f := range res.Findings {
				if f.Rule.ID == "D002" {
					got = append(got, f)
				}
			}
			require.Len(t, got, 1, "one finding for the one defective line: %v", got)
			f := got[0]
			assert.Equal(t, file, f.Source.File)
			assert.Equal(t, at+2, f.Source.Line, "the inserted line, 1-based")
			assert.Equal(t, len(indent)+1, f.Col, "the line is rendered as written, so the column carries over")
			assert.Equal(t, strings.TrimRight(defect, " "), f.SourceLine)
			assert.Equal(t, want, f.Versions)
			assert.Len(t, f.Rendered, len(want))
			assert.True(t, res.Failed())

			rep := res.Report()
			require.Len(t, rep.Findings, 1)
			assert.Equal(t, file, rep.Findings[0].File)
			assert.Contains(t, rep.Findings[0].Message, "in "+want[0])
			assert.Contains(t, rep.Findings[0].Message, "rendered at "+f.Rendered[0].Path)
		})
	}
}

// TestDefectInBlueprintTracedToItsField gives a release an upgradeFrom
// range that admits no earlier release: K012 fires in the rendered
// rancher-compose.yml, and build names the blueprint's release instead.
func TestDefectInBlueprintTracedToItsField(t *testing.T) {
	bp0 := harbor(t, nil)
	i := slices.IndexFunc(bp0.Releases, func(r blueprint.Release) bool {
		return r.UpgradeFrom != "" && r.UpgradeFrom != blueprint.NoUpgrade
	})
	require.GreaterOrEqual(t, i, 0, "a release of the blueprint has an upgradeFrom range")
	r := bp0.Releases[i]
	text := readBuiltin(t, "blueprints/harbor.yaml")
	quoted := regexp.MustCompile(`upgradeFrom:\s*"` + regexp.QuoteMeta(r.UpgradeFrom) + `"`)
	require.True(t, quoted.MatchString(text))
	bp := harbor(t, map[string]string{"blueprints/harbor.yaml": quoted.ReplaceAllString(text, `upgradeFrom: ">=99.0.0"`)})
	res := planFresh(t, bp)

	var want []string
	for _, e := range bp.Entries {
		for _, er := range bp.ReleasesOf(e) {
			if er.CatalogVersion() == r.CatalogVersion() {
				want = append(want, describe(e.Name, er.CatalogVersion()))
			}
		}
	}
	var got []Finding
	for _, f := range res.Findings {
		if f.Rule.ID == "K012" {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1, "%v", got)
	assert.Equal(t, bp.File, got[0].Source.File)
	assert.Equal(t, r.Pos.Line, got[0].Source.Line)
	assert.Equal(t, "releases["+r.CatalogVersion()+"]", got[0].Source.Field)
	assert.ElementsMatch(t, want, got[0].Versions)
}

// TestRenderedDefects are defects that rendering does not stop at but
// Rancher would trip over: each becomes the rule's finding at the template
// file it comes from. The rule is the only expectation written here.
func TestRenderedDefects(t *testing.T) {
	dc := "templates/standalone/docker-compose.yml.tpl.tmpl"
	tests := []struct {
		name, file, content string
		rule                string
		source              string // where the finding is to be fixed; "" for file
	}{
		{"variable without question", dc, "version: '2'\nservices:\n  web:\n    image: x/y:1\n    environment:\n      - A=${port}\n      - B=${cache_password}\n      - C=$colour\n", "I002", ""},
		{"question unused", dc, "version: '2'\nservices:\n  web:\n    image: x/y:1\n    environment:\n      - A=${port}\n", "Q010", "blueprint.yaml"},
		{"bad interpolation", dc, "version: '2'\nservices:\n  web:\n    image: x/y:1\n    environment:\n      - A=${port:-80}\n      - B=${cache_password}\n", "I001", ""},
		{"no catalog block", "templates/standalone/rancher-compose.yml.tmpl", "version: '2'\n", "K002", ""},
		{"not YAML", dc, "version: '2'\nservices: [${port}, ${cache_password}\n", "D009", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bp, err := blueprint.Load(blueprint.Source{FS: copyFS(t, os.DirFS("../render/testdata/greeter"), map[string]string{tt.file: tt.content})}, "blueprint.yaml")
			require.NoError(t, err)
			res := planFresh(t, bp)
			var rules []string
			for _, f := range res.Findings {
				rules = append(rules, f.Rule.ID)
				if f.Rule.ID == tt.rule {
					want := tt.source
					if want == "" {
						want = tt.file
					}
					assert.Equal(t, want, f.Source.File, "%s: %s", f.Rule.ID, f.Message)
					assert.NotEmpty(t, f.Versions)
				}
			}
			assert.Contains(t, rules, tt.rule)
		})
	}
}

// TestSameInputsSameBytes: two builds of the built-in blueprints plan the
// same files, diagrams included.
func TestSameInputsSameBytes(t *testing.T) {
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	a, b := planFresh(t, bps...), planFresh(t, bps...)
	assert.Equal(t, a.Plan.Files, b.Plan.Files)
	assert.Equal(t, a.Plan.Changed, b.Plan.Changed)
	for _, nf := range a.Plan.NewFolders {
		_, ok := a.Plan.Files[nf.Path+"/topology.svg"]
		assert.True(t, ok, "%s has its drawing", nf.Path)
	}
}

// TestConfigHonoured: a configuration that turns a rule off or changes
// its severity or the fail level applies to build as to lint.
func TestConfigHonoured(t *testing.T) {
	dc := "templates/standalone/docker-compose.yml.tpl.tmpl"
	bp, err := blueprint.Load(blueprint.Source{FS: copyFS(t, os.DirFS("../render/testdata/greeter"), map[string]string{dc: "version: '2'\nservices:\n  web:\n    image: x/y:1\n    environment:\n      - A=${port}\n      - B=${cache_password}\n      - C=${colour}\n"})}, "blueprint.yaml")
	require.NoError(t, err)
	r, err := Render([]*blueprint.Blueprint{bp})
	require.NoError(t, err)
	ex, err := catalogdir.Read(t.TempDir(), r.Entries())
	require.NoError(t, err)
	for _, tc := range []struct {
		cfg    string
		sev    lint.Severity // of I002; -1 when it is off
		failed bool
	}{
		{"", lint.Warning, false},
		{"rules:\n  I002: off\n", -1, false},
		{"rules:\n  interpolation.undeclared: error\n", lint.Error, true},
		{"fail-level: warning\n", lint.Warning, true},
	} {
		t.Run(fmt.Sprintf("%q", tc.cfg), func(t *testing.T) {
			res, err := r.Plan(ex, loadConfig(t, tc.cfg))
			require.NoError(t, err)
			assert.Equal(t, tc.failed, res.Failed())
			i := slices.IndexFunc(res.Findings, func(f Finding) bool { return f.Rule.ID == "I002" })
			if tc.sev < 0 {
				assert.Equal(t, -1, i, "I002 is off")
				return
			}
			require.GreaterOrEqual(t, i, 0)
			assert.Equal(t, tc.sev, res.Findings[i].Severity)
			assert.Equal(t, dc, res.Findings[i].Source.File)
		})
	}
}

func loadConfig(t *testing.T, text string) *lintconfig.Config {
	t.Helper()
	if text == "" {
		return nil
	}
	file := filepath.Join(t.TempDir(), lintconfig.FileName)
	require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
	cfg, err := lintconfig.Load(file, rules.Lookup)
	require.NoError(t, err)
	return cfg
}

// BenchmarkBuildHarbor is `catalogen build` of the built-in blueprints into
// an empty folder, short of writing: load, render, plan, read the model,
// lint it and draw every version. Besides wall time it reports the CPU
// time per build (cpu-ms/op), which a busy machine changes much less.
//
// The garbage collector runs as cmd/catalogen sets it (GOGC=200 unless the
// environment says otherwise), so that the figure is the command's.
func BenchmarkBuildHarbor(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	out := b.TempDir() + "/out"
	start := cpuTime()
	for b.Loop() {
		bps, err := blueprint.Builtin()
		if err != nil {
			b.Fatal(err)
		}
		r, err := Render(bps)
		if err != nil {
			b.Fatal(err)
		}
		ex, err := catalogdir.Read(out, r.Entries())
		if err != nil {
			b.Fatal(err)
		}
		res, err := r.Plan(ex, nil)
		if err != nil || res.Failed() {
			b.Fatal(err, res.Findings)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestReleasedFoldersKeepTheirDrawing: the drawing follows catalogen's
// code, not the release. A new folder gets one; a released folder keeps the
// drawing it has, or none, and is never refused or rewritten for it.
func TestReleasedFoldersKeepTheirDrawing(t *testing.T) {
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	r, err := Render(bps)
	require.NoError(t, err)
	out := t.TempDir()
	plan := func() *Result {
		ex, err := catalogdir.Read(out, r.Entries())
		require.NoError(t, err)
		res, err := r.Plan(ex, nil)
		require.NoError(t, err)
		return res
	}
	first := plan()
	require.NoError(t, catalogdir.Write(out, first.Plan))
	require.NotEmpty(t, first.Plan.NewFolders)
	released := first.Plan.NewFolders[0].Path + "/topology.svg"
	other := first.Plan.NewFolders[len(first.Plan.NewFolders)-1].Path + "/topology.svg"
	require.FileExists(t, filepath.Join(out, released))

	// One folder was released before drawings existed, another with an
	// older drawing: both stay as they are.
	require.NoError(t, os.Remove(filepath.Join(out, released)))
	require.NoError(t, os.WriteFile(filepath.Join(out, other), []byte("<svg>older</svg>"), 0o644))
	again := plan()
	assert.True(t, again.Plan.UpToDate(), "changed: %v", again.Plan.Changed)
	assert.Empty(t, again.Plan.NewFolders)
	drawn, err := os.ReadFile(filepath.Join(out, other))
	require.NoError(t, err)
	assert.Equal(t, "<svg>older</svg>", string(drawn))
}

// TestConfigFindingTracedToTheBlueprint: config.yml is generated from the
// blueprint, so its findings name the blueprint. Here the default release
// is one the entry does not ship (C005 on config.yml's version).
func TestConfigFindingTracedToTheBlueprint(t *testing.T) {
	greeter := os.DirFS("../render/testdata/greeter")
	text, err := fs.ReadFile(greeter, "blueprint.yaml")
	require.NoError(t, err)
	edited := strings.Replace(string(text), "  - version: 2.0.0\n", "  - version: 2.0.0\n    default: true\n", 1)
	edited = strings.Replace(edited, "    templates: standalone\n", "    templates: standalone\n    since: 2.1.0\n", 1)
	require.NotEqual(t, string(text), edited)
	bp, err := blueprint.Load(blueprint.Source{FS: copyFS(t, greeter, map[string]string{"blueprint.yaml": edited})}, "blueprint.yaml")
	require.NoError(t, err)
	def := bp.DefaultRelease()
	res := planFresh(t, bp)
	i := slices.IndexFunc(res.Findings, func(f Finding) bool { return f.Rule.ID == "C005" })
	require.GreaterOrEqual(t, i, 0, "%v", res.Findings)
	f := res.Findings[i]
	assert.Equal(t, bp.File, f.Source.File)
	assert.Equal(t, def.Pos.Line, f.Source.Line)
	assert.Contains(t, f.Source.Field, def.CatalogVersion())
	assert.Equal(t, "templates/greeter/config.yml", f.Rendered[0].Path)
}
