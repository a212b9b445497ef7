//go:build unix

package catalogdir

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A link anywhere on the way to a file build writes (templates/, the entry,
// a version folder, a file) is refused, and the link's target is left as
// it was.
func TestWriteRefusesSymlinks(t *testing.T) {
	for _, linked := range []string{"templates", "templates/app", "templates/app/1", "templates/app/config.yml"} {
		t.Run(linked, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			build(t, dir, catalogOf("", "1.0.0"))
			victim := filepath.Join(parent, "victim")
			full := filepath.Join(dir, filepath.FromSlash(linked))
			if _, err := os.Lstat(full); err == nil {
				require.NoError(t, os.Rename(full, victim))
			} else {
				require.NoError(t, os.Mkdir(victim, 0o755))
			}
			require.NoError(t, os.Symlink(victim, full))
			before := snapshot(t, victim)

			cat := catalogOf("", "1.0.0", "1.1.0")
			cat.Entries[0].Files["config.yml"] = []byte("name: Changed\n")
			ex, err := Read(dir, []string{"app"})
			if err == nil {
				var p *Plan
				p, err = MakePlan(cat, ex)
				require.NoError(t, err)
				err = Write(dir, p)
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), "symbolic link")
			assert.Equal(t, before, snapshot(t, victim), "nothing written through the link")
		})
	}
}

type fileID struct {
	ino  uint64
	mode fs.FileMode
	uid  uint32
}

func idOf(t *testing.T, p string) fileID {
	t.Helper()
	st, err := os.Lstat(p)
	require.NoError(t, err)
	sys := st.Sys().(*syscall.Stat_t)
	return fileID{ino: sys.Ino, mode: st.Mode(), uid: sys.Uid}
}

// Files build does not render, whatever their type, and the output folder
// itself keep their inode, mode and owner; the working directory survives
// a build into ".".
func TestWriteLeavesWhatItDoesNotOwn(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	build(t, dir, catalogOf("", "1.0.0"))
	own := map[string]func(string) error{
		"README.md":             func(p string) error { return os.WriteFile(p, []byte("mine\n"), 0o600) },
		"templates/app/notes":   func(p string) error { return os.WriteFile(p, []byte("mine\n"), 0o640) },
		"fifo":                  func(p string) error { return syscall.Mkfifo(p, 0o600) },
		"templates/app/0/extra": func(p string) error { return os.WriteFile(p, []byte("x"), 0o600) },
		"templates/other/fifo": func(p string) error {
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			return syscall.Mkfifo(p, 0o600)
		},
		"templates/app/sock": func(p string) error { l, err := net.Listen("unix", p); t.Cleanup(func() { l.Close() }); return err },
		"templates/app/0":    nil, // a released folder: untouched
		".":                  nil,
		"templates":          nil,
	}
	for p, mk := range own {
		if mk != nil {
			require.NoError(t, mk(filepath.Join(dir, p)))
		}
	}
	ids := map[string]fileID{}
	for p := range own {
		ids[p] = idOf(t, filepath.Join(dir, p))
	}

	t.Chdir(dir)
	build(t, ".", catalogOf("", "1.0.0", "1.1.0"))

	for p, want := range ids {
		assert.Equal(t, want, idOf(t, filepath.Join(dir, p)), p)
	}
	wd, err := os.Getwd()
	require.NoError(t, err, "the working directory still exists")
	assert.Equal(t, ids["."], idOf(t, wd))
	_, err = os.Stat("templates/app/1/rancher-compose.yml")
	require.NoError(t, err)
	assertNoStaging(t, filepath.Dir(dir))
}

func assertNoStaging(t *testing.T, root string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), stagingPrefix) || d.Name() == journalName {
			t.Errorf("left behind: %s", p)
		}
		return nil
	}))
}

// A build interrupted between two renames leaves a journal; the next Read
// completes it, so the tree is the new one, with nothing left over.
func TestInterruptedWriteIsCompleted(t *testing.T) {
	parent := t.TempDir()
	want := filepath.Join(parent, "want")
	build(t, want, catalogOf("", "1.0.0"))
	next := catalogOf("", "1.0.0", "1.1.0", "1.2.0")
	next.Entries[0].Files["config.yml"] = []byte("name: Changed\n")
	build(t, want, next)

	dir := filepath.Join(parent, "out")
	build(t, dir, catalogOf("", "1.0.0"))
	ex, err := Read(dir, []string{"app"})
	require.NoError(t, err)
	p, err := MakePlan(next, ex)
	require.NoError(t, err)
	beforeRename = func(i int) error {
		if i == 1 {
			return errors.New("killed")
		}
		return nil
	}
	err = Write(dir, p)
	beforeRename = func(int) error { return nil }
	require.ErrorContains(t, err, "killed")
	_, err = os.Stat(filepath.Join(dir, journalName))
	require.NoError(t, err, "the journal records the write in progress")

	_, err = Read(dir, []string{"app"})
	require.NoError(t, err)
	rel := func(m map[string]string, root string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			r, _ := filepath.Rel(root, k)
			out[r] = v
		}
		return out
	}
	assert.Equal(t, rel(snapshot(t, want), want), rel(snapshot(t, dir), dir))
	assertNoStaging(t, dir)
}

// What an interrupted staging left (no journal yet) is removed by the next
// write, and the tree is the old one until then.
func TestStaleStagingRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	build(t, dir, catalogOf("", "1.0.0"))
	stale := filepath.Join(dir, "templates", "app", stagingPrefix+"1")
	require.NoError(t, os.MkdirAll(stale, 0o755))
	build(t, dir, catalogOf("", "1.0.0", "1.1.0"))
	assertNoStaging(t, dir)
}

// The largest folder numbers are refused with advice instead of making
// the next release land in a negative folder.
func TestVersionFolderNumberOverflow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	build(t, dir, catalogOf("", "1.0.0"))
	require.NoError(t, os.Rename(filepath.Join(dir, "templates/app/0"), filepath.Join(dir, "templates/app/9223372036854775807")))
	_, err := Read(dir, []string{"app"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "renumber")
}

// A released folder edited by hand in a git checkout is reported as that,
// with the command that restores it, instead of blaming the blueprint.
func TestHandEditedReleasedFolder(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is required: apt-get install git")
	}
	dir := t.TempDir()
	gitIn := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	gitIn("init", "-q")
	build(t, dir, catalogOf("", "1.0.0"))
	gitIn("add", "-A")
	gitIn("commit", "-qm", "release")
	f := filepath.Join(dir, "templates/app/0/docker-compose.yml")
	require.NoError(t, os.WriteFile(f, []byte("services: {} # tweaked\n"), 0o644))

	ex, err := Read(dir, []string{"app"})
	require.NoError(t, err)
	_, err = MakePlan(catalogOf("", "1.0.0"), ex)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "was edited by hand")
	assert.Contains(t, err.Error(), "git checkout -- "+filepath.Join(dir, "templates/app/0"))
	assert.NotContains(t, err.Error(), "If the blueprint")

	// Committed, the edit can no longer be told from a blueprint change:
	// the message names both causes.
	gitIn("commit", "-qam", "tweak")
	_, err = MakePlan(catalogOf("", "1.0.0"), ex)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "files on disk differ from what the blueprint renders")
	assert.Contains(t, err.Error(), "edited by hand after its release")
}

// An output folder whose parents do not exist yet is created with them.
func TestWriteCreatesParents(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b", "out")
	build(t, dir, catalogOf("", "1.0.0"))
	_, err := os.Stat(filepath.Join(dir, "templates/app/0/rancher-compose.yml"))
	require.NoError(t, err)
	assertNoStaging(t, filepath.Dir(dir))
}
