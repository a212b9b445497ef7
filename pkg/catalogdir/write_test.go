package catalogdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[p] = string(data)
		return err
	}))
	return out
}

// TestFailedWriteLeavesFolderUntouched fails after the new tree is complete,
// just before the swap: the old folder must be exactly as before and no
// temporary folder may be left beside it.
func TestFailedWriteLeavesFolderUntouched(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	build(t, dir, catalogOf("", "1.0.0"))
	before := snapshot(t, dir)

	beforeSwap = func(string) error { return errors.New("disk full") }
	t.Cleanup(func() { beforeSwap = func(string) error { return nil } })
	ex, err := Read(dir, []string{"app"})
	require.NoError(t, err)
	p, err := MakePlan(catalogOf("", "1.0.0", "1.1.0"), ex)
	require.NoError(t, err)
	require.ErrorContains(t, Write(dir, p), "disk full")

	assert.Equal(t, before, snapshot(t, dir))
	entries, err := os.ReadDir(parent)
	require.NoError(t, err)
	require.Len(t, entries, 1, "only out/ remains beside out/")
	assert.Equal(t, "out", entries[0].Name())
}

func TestFailedFirstWriteCreatesNothing(t *testing.T) {
	parent := t.TempDir()
	beforeSwap = func(string) error { return errors.New("boom") }
	t.Cleanup(func() { beforeSwap = func(string) error { return nil } })
	ex, err := Read(filepath.Join(parent, "out"), []string{"app"})
	require.NoError(t, err)
	p, err := MakePlan(catalogOf("", "1.0.0"), ex)
	require.NoError(t, err)
	require.Error(t, Write(filepath.Join(parent, "out"), p))
	entries, err := os.ReadDir(parent)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// TestWriteNeverWritesThroughLinks: unchanged files are hard links to the old
// ones while the new tree is built, so a changed file must be replaced, not
// written into (which would alter the old tree, and any other link to it).
func TestWriteNeverWritesThroughLinks(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	build(t, dir, catalogOf("", "1.0.0"))
	config := filepath.Join(dir, "templates/app/config.yml")
	outside := filepath.Join(parent, "keep.yml")
	require.NoError(t, os.Link(config, outside))

	cat := catalogOf("", "1.0.0")
	cat.Entries[0].Files["config.yml"] = []byte("name: Renamed\n")
	build(t, dir, cat)

	data, err := os.ReadFile(config)
	require.NoError(t, err)
	assert.Equal(t, "name: Renamed\n", string(data))
	data, err = os.ReadFile(outside)
	require.NoError(t, err)
	assert.Equal(t, "name: App\n", string(data), "the other link still sees the old content")
}

func TestWriteThroughSymlinkedFolder(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "real")
	link := filepath.Join(parent, "link")
	require.NoError(t, os.Mkdir(real, 0o755))
	require.NoError(t, os.Symlink(real, link))
	build(t, link, catalogOf("", "1.0.0"))
	_, err := os.Stat(filepath.Join(real, "templates/app/0/docker-compose.yml"))
	require.NoError(t, err, "the folder the link points to is updated")
	target, err := os.Readlink(link)
	require.NoError(t, err)
	assert.Equal(t, real, target, "the link itself stays a link")
}
