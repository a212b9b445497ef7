package catalog

import (
	"io/fs"
	"os"
)

// osDir is the catalog folder on disk: os.DirFS, plus a cheaper read of
// whole files where the platform allows (see readDirect). A catalog is
// thousands of small files, and os.Open prepares each one for the
// runtime's network poller, which regular files never use.
type osDir struct {
	root string
	fs.FS
}

func newOSDir(root string) osDir { return osDir{root: root, FS: os.DirFS(root)} }

// ReadDir lists a folder for fs.WalkDir, directly where the platform allows
// (see readDirDirect).
func (d osDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if entries, handled, err := d.readDirDirect(name); handled {
		return entries, err
	}
	return fs.ReadDir(d.FS, name)
}

// Stat keeps os.DirFS's own, which fs.WalkDir and fs.Stat use.
func (d osDir) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.FS, name) }
