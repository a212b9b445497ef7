package catalogdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// beforeSwap runs after the new tree is complete and before it replaces
// the old one; tests use it to fail at the worst moment.
var beforeSwap = func(staging string) error { return nil }

// Write makes dir hold the plan, atomically: the new tree is built in a
// temporary folder beside dir (unchanged files are hard links to the old
// ones, so nothing is copied and nothing of dir is modified), then swapped in
// with renames. If anything fails before the swap, dir is untouched and the
// temporary folder removed. It does nothing when the plan is up to date.
func Write(dir string, p *Plan) error {
	if p.UpToDate() {
		return nil
	}
	for _, fp := range p.Changed {
		if err := checkRelPath(fp); err != nil {
			return err
		}
	}
	// Work on the real, absolute folder: "." or a symlink cannot be renamed
	// in place of themselves.
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(parent, "."+base+".catalogen-new-")
	if err != nil {
		return err
	}
	if err := fill(staging, dir, p); err != nil {
		os.RemoveAll(staging)
		return err
	}
	return swap(staging, dir)
}

// fill builds the new tree in staging: the old tree linked, then the changed
// files written over their links (removed first, never written through).
func fill(staging, dir string, p *Plan) error {
	mode := fs.FileMode(0o755)
	if st, err := os.Stat(dir); err == nil {
		mode = st.Mode().Perm()
		if err := linkTree(dir, staging); err != nil {
			return fmt.Errorf("staging %s: %w", dir, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Chmod(staging, mode); err != nil {
		return err
	}
	for _, fp := range p.Changed {
		target := filepath.Join(staging, filepath.FromSlash(fp))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := os.WriteFile(target, p.Files[fp], 0o644); err != nil {
			return err
		}
	}
	return beforeSwap(staging)
}

// linkTree recreates src under dst: folders with their modes, symlinks as
// symlinks, regular files as hard links (copies where links are refused).
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil || rel == "." {
			return err
		}
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.Mkdir(target, info.Mode().Perm())
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case d.Type().IsRegular():
			if os.Link(p, target) == nil {
				return nil
			}
			return copyFile(p, target, info.Mode().Perm())
		}
		return nil // sockets, devices: not part of a catalog
	})
}

func copyFile(src, dst string, mode fs.FileMode) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, mode)
}

// swap puts staging in dir's place. The old dir is first renamed aside, so
// at every moment either the old or the new tree is complete on disk; if the
// second rename fails the old one is put back.
func swap(staging, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(staging, dir); err != nil {
			os.RemoveAll(staging)
			return err
		}
		return nil
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	old, err := os.MkdirTemp(parent, "."+base+".catalogen-old-")
	if err != nil {
		os.RemoveAll(staging)
		return err
	}
	os.Remove(old) // only the unique name is needed
	if err := os.Rename(dir, old); err != nil {
		os.RemoveAll(staging)
		return err
	}
	if err := os.Rename(staging, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("%w; the previous content is in %s", err, old)
		}
		os.RemoveAll(staging)
		return err
	}
	return os.RemoveAll(old)
}
