//go:build unix

package catalog

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The loader's listing of folders on disk gives what os.DirFS gives: the
// same entries in the same order with the same types, for folders of every
// size, and the same errors.
func TestOSDirListsAsDirFS(t *testing.T) {
	files := map[string]string{"a.yml": "x: 1\n", "sub/b.yml": "y: 2\n", "sub/deeper/c.md": "# c\n"}
	for i := range 600 { // several getdents64 buffers' worth of entries
		files[fmt.Sprintf("many/entry-with-a-long-name-%04d.yml", i)] = ""
	}
	root := writeTree(t, files)
	require.NoError(t, os.Symlink("a.yml", filepath.Join(root, "link.yml")))
	require.NoError(t, os.Symlink("sub", filepath.Join(root, "linkdir")))
	require.NoError(t, os.Mkdir(filepath.Join(root, "locked"), 0))
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })
	if err := syscall.Mkfifo(filepath.Join(root, "pipe"), 0o644); err != nil {
		t.Logf("no named pipe here: %v", err)
	}

	list := func(fsys fs.FS, name string) (out []string, errText string) {
		entries, err := fs.ReadDir(fsys, name)
		for _, e := range entries {
			info, ierr := e.Info()
			require.NoError(t, ierr, e.Name())
			out = append(out, fmt.Sprintf("%s dir=%v type=%v mode=%v size=%d", e.Name(), e.IsDir(), e.Type(), info.Mode(), info.Size()))
		}
		if err != nil {
			errText = cleanErr(err)
		}
		return out, errText
	}
	direct, plain := newOSDir(root), os.DirFS(root)
	for _, name := range []string{".", "sub", "sub/deeper", "many", "locked", "missing", "a.yml", "../outside"} {
		got, gotErr := list(direct, name)
		want, wantErr := list(plain, name)
		assert.Equal(t, want, got, name)
		assert.Equal(t, wantErr, gotErr, name)
	}
	walk := func(fsys fs.FS) (out []string) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			out = append(out, fmt.Sprintf("%s %v %v", p, d != nil && d.IsDir(), err != nil))
			return nil
		})
		return out
	}
	assert.Equal(t, walk(plain), walk(direct))
}
