package blueprint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// MaxFileSize bounds every file a blueprint reads (the blueprint itself,
// templates, partials, the icon): blueprints and their templates are small,
// and a file that is a link to /dev/zero or a growing log must not be read
// without end.
const MaxFileSize = 8 << 20

// ReadFile reads p from the source if it is a regular file of at most
// MaxFileSize bytes. Symbolic links are refused rather than followed (a link
// in a templates folder would copy any readable file of the machine into
// the catalog), and so are FIFOs, devices and sockets, which could block
// or never end; the type is checked again on the opened handle.
func (s Source) ReadFile(p string) ([]byte, error) {
	if err := s.checkRegular(p); err != nil {
		return nil, err
	}
	f, err := s.FS.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s); blueprints read only regular files", s.Show(p), st.Mode().Type())
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s is %d bytes, above the %d MiB limit for blueprint files", s.Show(p), st.Size(), MaxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s grew above the %d MiB limit for blueprint files while being read", s.Show(p), MaxFileSize>>20)
	}
	return data, nil
}

// checkRegular refuses p when it is not a regular file, without following
// a symbolic link and without opening it (opening a FIFO blocks).
func (s Source) checkRegular(p string) error {
	st, err := fs.Lstat(s.FS, p)
	if err != nil {
		return err
	}
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; blueprints do not follow links (copy the file into the blueprint's folder)", s.Show(p))
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (%s); blueprints read only regular files", s.Show(p), st.Mode().Type())
	}
	return nil
}

// CheckNoLinks refuses a path below root (both Source paths) when it, or a
// folder on the way to it, is a symbolic link: a templates folder that is a
// link reads files from wherever it points.
func (s Source) CheckNoLinks(root, p string) error {
	rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
	if root == "." {
		rel = p
	}
	cur := root
	for _, seg := range strings.Split(rel, "/") {
		if seg == "" || seg == "." {
			continue
		}
		cur = path.Join(cur, seg)
		st, err := fs.Lstat(s.FS, cur)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // reported as missing by the caller
			}
			return err
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link; blueprints do not follow links", s.Show(cur))
		}
	}
	return nil
}
