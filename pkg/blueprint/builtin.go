package blueprint

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/catalogen/catalogen/blueprints"
	catalogfiles "github.com/catalogen/catalogen/catalog"
)

// BuiltinSource is the blueprints/ and catalog/ folders of this repository,
// embedded in the binary so that `catalogen build` needs no checkout and no
// network. Paths are the repository's own (blueprints/harbor.yaml), so a
// blueprint's relative template path works the same here and on disk.
func BuiltinSource() Source {
	return Source{FS: mounts{"blueprints": blueprints.FS, "catalog": catalogfiles.FS}}
}

// Builtin loads every embedded blueprint, in file name order.
func Builtin() ([]*Blueprint, error) {
	src := BuiltinSource()
	files, err := fs.Glob(src.FS, "blueprints/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*Blueprint
	for _, f := range files {
		bp, err := Load(src, f)
		if err != nil {
			return nil, err
		}
		out = append(out, bp)
	}
	return out, nil
}

// mounts joins file systems under top-level folder names.
type mounts map[string]fs.FS

func (m mounts) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	top, rest, _ := strings.Cut(name, "/")
	sub, ok := m[top]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if rest == "" {
		rest = "."
	}
	return sub.Open(path.Clean(rest))
}
