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

// ReadDir and Stat keep os.DirFS's own, which fs.WalkDir and fs.Stat use.
func (d osDir) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }
func (d osDir) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.FS, name) }
