//go:build !linux

package catalog

import "io/fs"

func (d osDir) readDirDirect(name string) (entries []fs.DirEntry, handled bool, err error) {
	return nil, false, nil
}
