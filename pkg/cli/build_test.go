package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/build"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type buildResult struct {
	code           int
	stdout, stderr string
}

func buildRun(args ...string) buildResult {
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errOut)
	return buildResult{code, out.String(), errOut.String()}
}

// greeter copies the second test application (pkg/render/testdata/greeter)
// into a temporary folder and returns its blueprint path.
func buildGreeter(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "render", "testdata", "greeter")
	dst := filepath.Join(t.TempDir(), "greeter")
	require.NoError(t, filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	}))
	return filepath.Join(dst, "blueprint.yaml")
}

func buildEdit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.Contains(t, string(data), old)
	require.NoError(t, os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
}

func buildTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return out
	}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	}))
	return out
}

func TestBuildBuiltin(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	r := buildRun("build", "--out", out)
	require.Equal(t, ExitOK, r.code, r.stderr)
	// What to expect comes from the built-in blueprints, so that adding a
	// release never means editing this test.
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	rendered, err := build.Render(bps)
	require.NoError(t, err)
	want := 0
	for _, e := range rendered.Catalog.Entries {
		want += len(e.Files)
		for i, v := range e.Versions {
			want += len(v.Files) + 1 // and its drawing
			assert.Contains(t, r.stdout, fmt.Sprintf("new  templates/%s/%d  (%s %s)", e.Name, i, e.Name, v.CatalogVersion))
			for name := range v.Files {
				assert.FileExists(t, filepath.Join(out, "templates", e.Name, strconv.Itoa(i), name))
			}
		}
	}
	first := buildTree(t, out)
	assert.Len(t, first, want)
	assert.Contains(t, r.stdout, fmt.Sprintf("wrote %d file(s) to %s", want, out))

	r = buildRun("build", "--out", out)
	require.Equal(t, ExitOK, r.code, r.stderr)
	assert.Equal(t, out+" is up to date; nothing written\n", r.stdout)
	assert.Equal(t, first, buildTree(t, out))

	r = buildRun("build", "--out", out, "--check")
	assert.Equal(t, ExitOK, r.code, r.stderr)
	assert.Equal(t, out+" is up to date\n", r.stdout)
}

func TestBuildCheckAndDiff(t *testing.T) {
	bp := buildGreeter(t)
	out := filepath.Join(t.TempDir(), "out")

	r := buildRun("build", "--blueprint", bp, "--out", out, "--check")
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.stdout, "--- /dev/null\n+++ b/templates/greeter/0/docker-compose.yml.tpl\n")
	assert.Contains(t, r.stderr, "would add  templates/greeter/1  (greeter 2.1.0-rancher.1)")
	assert.Contains(t, r.stderr, "is not up to date: 10 file(s) differ")
	assert.NoDirExists(t, out, "--check writes nothing")

	r = buildRun("build", "--blueprint", bp, "--out", out, "--diff")
	assert.Equal(t, ExitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "+++ b/templates/greeter/config.yml\n")
	assert.NoDirExists(t, out, "--diff writes nothing")

	require.Equal(t, ExitOK, buildRun("build", "--blueprint", bp, "--out", out).code)
	buildEdit(t, bp, "maintainer: Grace Hopper", "maintainer: Ada Lovelace")
	r = buildRun("build", "--blueprint", bp, "--out", out, "--check")
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.stdout, "-maintainer: Grace Hopper <grace@example.com>\n+maintainer: Ada Lovelace <grace@example.com>\n",
		"config.yml is not a released file: it may change, and --check shows the drift")
	r = buildRun("build", "--blueprint", bp, "--out", out, "--diff")
	assert.Equal(t, ExitOK, r.code)
	assert.Contains(t, r.stdout, "+maintainer: Ada Lovelace")
}

// TestBuildImmutable: changing what a released folder renders is refused and
// writes nothing; adding a release adds exactly one folder.
func TestBuildImmutable(t *testing.T) {
	bp := buildGreeter(t)
	out := filepath.Join(t.TempDir(), "out")
	require.Equal(t, ExitOK, buildRun("build", "--blueprint", bp, "--out", out).code)
	before := buildTree(t, out)

	tmpl := filepath.Join(filepath.Dir(bp), "templates", "standalone", "docker-compose.yml.tpl.tmpl")
	buildEdit(t, tmpl, "    links:", "    restart: always\n    links:")
	r := buildRun("build", "--blueprint", bp, "--out", out)
	assert.Equal(t, ExitFindings, r.code)
	for _, want := range []string{
		filepath.Join(out, "templates/greeter/0") + " holds the released version 2.0.0-rancher.1 of entry greeter, but the files on disk differ from what the blueprint renders for that release: docker-compose.yml.tpl.",
		"    - version: 2.0.0\n      revision: 2\n",
		"which becomes 2.0.0-rancher.2 in a new folder (" + filepath.Join(out, "templates/greeter/2") + ").",
		"+    restart: always\n",
	} {
		assert.Contains(t, r.stderr, want)
	}
	assert.Equal(t, before, buildTree(t, out), "nothing was written")

	// Guard the change so that only a new release gets it, and add that release.
	buildEdit(t, tmpl, "    restart: always\n", "{{- if hasKey .Data \"restart\" }}\n    restart: always\n{{- end }}\n")
	buildEdit(t, bp, "    data: {cacheMemory: 64mb}\n", "    data: {cacheMemory: 64mb}\n  - version: 2.1.0\n    revision: 2\n    images: {web: example/greeter:2.1.0, cache: redis:7.2.4}\n    data: {cacheMemory: 64mb, restart: true}\n")
	r = buildRun("build", "--blueprint", bp, "--out", out)
	require.Equal(t, ExitOK, r.code, r.stderr)
	assert.Equal(t, "new  templates/greeter/2  (greeter 2.1.0-rancher.2)\n", strings.SplitAfter(r.stdout, "\n")[0])
	after := buildTree(t, out)
	var added []string
	for p, c := range after {
		if old, ok := before[p]; !ok {
			added = append(added, p)
		} else if old != c {
			assert.Equal(t, "templates/greeter/config.yml", p, "only config.yml may change")
		}
	}
	assert.ElementsMatch(t, []string{"templates/greeter/2/README.md", "templates/greeter/2/docker-compose.yml.tpl", "templates/greeter/2/rancher-compose.yml", "templates/greeter/2/topology.svg"}, added)
	assert.Contains(t, after["templates/greeter/2/docker-compose.yml.tpl"], "restart: always")
}

func TestBuildErrors(t *testing.T) {
	t.Run("check and diff together", func(t *testing.T) {
		r := buildRun("build", "--check", "--diff")
		assert.Equal(t, ExitUsage, r.code)
		assert.Contains(t, r.stderr, "none of the others can be")
	})
	t.Run("bad blueprint", func(t *testing.T) {
		bp := buildGreeter(t)
		buildEdit(t, bp, "  category: Examples\n", "  category: Examples\n  colour: blue\n")
		r := buildRun("build", "--blueprint", bp, "--out", filepath.Join(t.TempDir(), "out"))
		assert.Equal(t, ExitUsage, r.code)
		assert.Contains(t, r.stderr, `blueprint.yaml:11:3: app: unknown field "colour"; allowed:`)
	})
	t.Run("missing blueprint", func(t *testing.T) {
		r := buildRun("build", "--blueprint", filepath.Join(t.TempDir(), "nope.yaml"))
		assert.Equal(t, ExitUsage, r.code)
		assert.Contains(t, r.stderr, "no such file or directory")
	})
	t.Run("template error", func(t *testing.T) {
		bp := buildGreeter(t)
		buildEdit(t, filepath.Join(filepath.Dir(bp), "templates", "standalone", "README.md.tmpl"), "{{ .Entry.Title }}", "{{ .Entry.Colour }}")
		r := buildRun("build", "--blueprint", bp, "--out", filepath.Join(t.TempDir(), "out"))
		assert.Equal(t, ExitUsage, r.code)
		assert.Contains(t, r.stderr, "templates/standalone/README.md.tmpl:1:11: executing")
		assert.Contains(t, r.stderr, "can't evaluate field Colour")
	})
	t.Run("out is a file", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "file")
		require.NoError(t, os.WriteFile(f, nil, 0o644))
		r := buildRun("build", "--out", f)
		assert.Equal(t, ExitFindings, r.code)
		assert.Contains(t, r.stderr, "is not a folder")
	})
	t.Run("extra argument", func(t *testing.T) {
		assert.Equal(t, ExitUsage, buildRun("build", "out").code)
	})
}

// TestBuildLintGate: a rendered catalog with lint errors is not written.
func TestBuildLintGate(t *testing.T) {
	bp := buildGreeter(t)
	buildEdit(t, filepath.Join(filepath.Dir(bp), "templates", "standalone", "docker-compose.yml.tpl.tmpl"), "    links:\n      - cache\n", "    labels:\n      io.rancher.sidekicks: nowhere\n")
	out := filepath.Join(t.TempDir(), "out")
	r := buildRun("build", "--blueprint", bp, "--out", out)
	assert.Equal(t, ExitFindings, r.code, r.stderr)
	assert.Contains(t, r.stderr, "the rendered catalog has lint findings that fail the build (above); nothing was written")
	// At the template line, once for both releases.
	tmpl := filepath.Join(filepath.Dir(bp), "templates", "standalone", "docker-compose.yml.tpl.tmpl")
	data, err := os.ReadFile(tmpl)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	line := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "nowhere") }) + 1
	col := strings.Index(lines[line-1], "nowhere") + 1
	assert.Contains(t, r.stderr, fmt.Sprintf("%s:%d:%d: error S001 sidekick.defined: sidekick nowhere", tmpl, line, col))
	assert.Contains(t, r.stderr, "(in greeter 2.0.0-rancher.1, 2.1.0-rancher.1; rendered at templates/greeter/0/docker-compose.yml.tpl:")
	assert.Equal(t, 1, strings.Count(r.stderr, "error S001"))
	assert.NoDirExists(t, out)
}

func TestBuildHelp(t *testing.T) {
	r := buildRun("build", "--help")
	assert.Equal(t, ExitOK, r.code)
	for _, want := range []string{"Examples:", "catalogen build --out ./out", "--check", "--diff", "--blueprint FILE", "Exit codes"} {
		assert.Contains(t, r.stdout, want)
	}
}
