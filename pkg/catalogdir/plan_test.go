package catalogdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/render"
)

// catalogOf builds a rendered catalog of one entry "app" whose releases
// are the given app versions; body is appended to each docker-compose.yml.
func catalogOf(body string, versions ...string) *render.Catalog {
	e := render.Entry{Name: "app", Blueprint: "app.yaml", Files: map[string][]byte{"config.yml": []byte("name: App\n")}}
	for _, v := range versions {
		r := blueprint.Release{Version: v, Revision: 1}
		e.Versions = append(e.Versions, render.Version{Release: r, CatalogVersion: r.CatalogVersion(), Files: map[string][]byte{
			"rancher-compose.yml": []byte(fmt.Sprintf(".catalog:\n  version: %s\n", r.CatalogVersion())),
			"docker-compose.yml":  []byte("services: {}\n" + body),
		}})
	}
	return &render.Catalog{Entries: []render.Entry{e}}
}

func build(t *testing.T, dir string, cat *render.Catalog) *Plan {
	t.Helper()
	ex, err := Read(dir, []string{"app"})
	require.NoError(t, err)
	p, err := MakePlan(cat, ex)
	require.NoError(t, err)
	require.NoError(t, Write(dir, p))
	return p
}

func TestPlanIntoEmptyFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	p := build(t, dir, catalogOf("", "1.0.0", "1.1.0"))
	assert.Equal(t, []NewFolder{
		{Entry: "app", Version: "1.0.0-rancher.1", Path: "templates/app/0"},
		{Entry: "app", Version: "1.1.0-rancher.1", Path: "templates/app/1"},
	}, p.NewFolders)
	assert.Equal(t, []string{
		"templates/app/0/docker-compose.yml", "templates/app/0/rancher-compose.yml",
		"templates/app/1/docker-compose.yml", "templates/app/1/rancher-compose.yml",
		"templates/app/config.yml",
	}, p.Changed)
	data, err := os.ReadFile(filepath.Join(dir, "templates/app/1/rancher-compose.yml"))
	require.NoError(t, err)
	assert.Equal(t, ".catalog:\n  version: 1.1.0-rancher.1\n", string(data))
}

// TestSecondBuildChangesNothing: same inputs, same bytes, nothing written.
func TestSecondBuildChangesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	build(t, dir, catalogOf("", "1.0.0"))
	before, err := os.Stat(filepath.Join(dir, "templates/app/0/docker-compose.yml"))
	require.NoError(t, err)
	p := build(t, dir, catalogOf("", "1.0.0"))
	assert.True(t, p.UpToDate())
	assert.Empty(t, p.Diff())
	after, err := os.Stat(filepath.Join(dir, "templates/app/0/docker-compose.yml"))
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after), "the file was not rewritten")
	assert.Equal(t, before.ModTime(), after.ModTime())
}

func TestReleasedFolderIsImmutable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	build(t, dir, catalogOf("", "1.0.0", "1.1.0"))
	ex, err := Read(dir, []string{"app"})
	require.NoError(t, err)
	_, err = MakePlan(catalogOf("# changed\n", "1.0.0", "1.1.0"), ex)
	var imm *ImmutableError
	require.True(t, errors.As(err, &imm), "%v", err)
	require.Len(t, imm.Violations, 2)
	msg := err.Error()
	for _, want := range []string{
		filepath.Join(dir, "templates/app/0") + " holds the released version 1.0.0-rancher.1 of entry app, but the files on disk differ from what the blueprint renders for that release: docker-compose.yml.",
		"add to app.yaml\n    - version: 1.0.0\n      revision: 2\n",
		"which becomes 1.0.0-rancher.2 in a new folder (" + filepath.Join(dir, "templates/app/2") + ").",
		"which becomes 1.1.0-rancher.2 in a new folder (" + filepath.Join(dir, "templates/app/3") + ").",
		"--- a/templates/app/0/docker-compose.yml\n+++ b/templates/app/0/docker-compose.yml\n@@ -1 +1,2 @@\n services: {}\n+# changed\n",
	} {
		assert.Contains(t, msg, want)
	}
}

// TestAddRelease: a new release is exactly one new folder, numbered after
// the highest existing one; released folders are not touched.
func TestAddRelease(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	build(t, dir, catalogOf("", "1.0.0", "1.1.0"))
	require.NoError(t, os.Rename(filepath.Join(dir, "templates/app/1"), filepath.Join(dir, "templates/app/7")))
	p := build(t, dir, catalogOf("", "1.0.0", "1.1.0", "1.2.0"))
	assert.Equal(t, []NewFolder{{Entry: "app", Version: "1.2.0-rancher.1", Path: "templates/app/8"}}, p.NewFolders)
	assert.Equal(t, []string{"templates/app/8/docker-compose.yml", "templates/app/8/rancher-compose.yml"}, p.Changed)
	ex, err := Read(dir, []string{"app"})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"1.0.0-rancher.1": 0, "1.1.0-rancher.1": 7, "1.2.0-rancher.1": 8}, ex.Folders["app"])
}

// TestUnknownFilesAndFoldersAreKept: build manages what it renders and
// leaves everything else in the folder alone.
func TestUnknownFilesAndFoldersAreKept(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	build(t, dir, catalogOf("", "1.0.0"))
	extra := map[string]string{
		"README.md":                   "my catalog\n",
		"templates/other/0/notes.txt": "not ours\n",
		"templates/app/0/diagram.png": "\x89PNG",
		"templates/app/drafts/x.txt":  "draft\n",
	}
	for p, c := range extra {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(c), 0o600))
	}
	require.NoError(t, os.Symlink("README.md", filepath.Join(dir, "LINK")))
	build(t, dir, catalogOf("", "1.0.0", "1.1.0"))
	for p, c := range extra {
		data, err := os.ReadFile(filepath.Join(dir, p))
		require.NoError(t, err, p)
		assert.Equal(t, c, string(data), p)
	}
	st, err := os.Stat(filepath.Join(dir, "README.md"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "modes are kept")
	target, err := os.Readlink(filepath.Join(dir, "LINK"))
	require.NoError(t, err)
	assert.Equal(t, "README.md", target)
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"version folder without rancher-compose.yml", map[string]string{"templates/app/0/docker-compose.yml": "{}"},
			"templates/app/0: no rancher-compose.yml with a .catalog.version"},
		{"two folders with one version", map[string]string{
			"templates/app/0/rancher-compose.yml": ".catalog: {version: 1.0.0}",
			"templates/app/1/rancher-compose.yml": ".catalog: {version: 1.0.0}"},
			"both hold version 1.0.0 of app"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, c := range tt.files {
				require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755))
				require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644))
			}
			_, err := Read(dir, []string{"app"})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	t.Run("out is a file", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "f")
		require.NoError(t, os.WriteFile(f, nil, 0o644))
		_, err := Read(f, []string{"app"})
		assert.ErrorContains(t, err, "is not a folder")
	})
}

// TestRefusesPathsOutsideTheFolder: even a catalog built in Go, bypassing
// the blueprint and renderer checks, cannot make Write leave the folder.
func TestRefusesPathsOutsideTheFolder(t *testing.T) {
	for _, name := range []string{"../escape", "/abs", "a/../../b", `a\b`} {
		t.Run(name, func(t *testing.T) {
			cat := catalogOf("", "1.0.0")
			cat.Entries[0].Name = name
			ex, err := Read(t.TempDir(), nil)
			require.NoError(t, err)
			_, err = MakePlan(cat, ex)
			require.ErrorContains(t, err, "not a plain path inside the output folder")
		})
	}
	t.Run("write", func(t *testing.T) {
		p := &Plan{Files: map[string][]byte{"../x": nil}, Changed: []string{"../x"}}
		require.ErrorContains(t, Write(t.TempDir(), p), "refusing to write")
	})
}
