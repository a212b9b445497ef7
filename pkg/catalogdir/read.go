// Package catalogdir is the edge where rendered catalogs meet the disk: it
// reads what an output folder already holds, plans the next state under the
// rule that released version folders never change, shows the difference as
// a unified diff, and writes the new state atomically.
package catalogdir

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/rancher/catalogblock"
)

// Existing is what an output folder holds for the entries being built.
type Existing struct {
	Dir string
	// Display is how messages name Dir (Read sets it to Dir; "" shows
	// paths relative to it, as publish does for its cached clone).
	Display   string
	Files     map[string][]byte         // slash path relative to Dir → content
	Folders   map[string]map[string]int // entry → catalog version → folder number
	MaxFolder map[string]int            // entry → highest numeric folder, -1 if none
}

// Read loads templates/<entry>/ for each entry name from dir. A missing dir
// or entry is simply empty. Each numeric version folder must say which
// version it holds (rancher-compose.yml's .catalog.version), since that is
// how releases are matched to folders.
func Read(dir string, entries []string) (*Existing, error) {
	ex := &Existing{Dir: dir, Display: dir, Files: map[string][]byte{}, Folders: map[string]map[string]int{}, MaxFolder: map[string]int{}}
	st, err := os.Stat(dir)
	if err == nil && st.IsDir() {
		// A build interrupted after its journal was written is completed
		// first, so that what is read is the new tree, not a mix.
		if err := Recover(dir); err != nil {
			return nil, err
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		for _, e := range entries {
			ex.Folders[e], ex.MaxFolder[e] = map[string]int{}, -1
		}
		return ex, nil
	} else if err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	for _, e := range entries {
		if e == "" || e == "." || e == ".." || strings.ContainsAny(e, `/\`) {
			return nil, fmt.Errorf("entry name %q is not a plain folder name", e)
		}
		if err := ex.readEntry(e); err != nil {
			return nil, err
		}
	}
	return ex, nil
}

func (ex *Existing) readEntry(entry string) error {
	ex.Folders[entry], ex.MaxFolder[entry] = map[string]int{}, -1
	rel := path.Join("templates", entry)
	for _, p := range []string{"templates", rel} {
		full := filepath.Join(ex.Dir, filepath.FromSlash(p))
		if st, err := os.Lstat(full); err == nil && st.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link; build neither reads nor writes through links: replace it with a real folder", full)
		}
	}
	des, err := os.ReadDir(filepath.Join(ex.Dir, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	for _, de := range des {
		p := path.Join(rel, de.Name())
		if de.Type().IsRegular() {
			if err := ex.readFile(p); err != nil {
				return err
			}
			continue
		}
		n, err := strconv.Atoi(de.Name())
		if err == nil && de.Type()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link; build neither reads nor writes through links: replace it with a real folder", filepath.Join(ex.Dir, filepath.FromSlash(p)))
		}
		if !de.IsDir() || err != nil || n < 0 {
			continue // not a version folder; Rancher ignores it too
		}
		if n > MaxFolderNumber {
			return fmt.Errorf("%s: version folder number %d is above %d, so the next release would have no folder number; renumber the folder", filepath.Join(ex.Dir, filepath.FromSlash(p)), n, MaxFolderNumber)
		}
		ex.MaxFolder[entry] = max(ex.MaxFolder[entry], n)
		if err := ex.readVersion(entry, p, n); err != nil {
			return err
		}
	}
	return nil
}

func (ex *Existing) readVersion(entry, folder string, n int) error {
	des, err := os.ReadDir(filepath.Join(ex.Dir, filepath.FromSlash(folder)))
	if err != nil {
		return err
	}
	for _, de := range des {
		if de.Type().IsRegular() {
			if err := ex.readFile(path.Join(folder, de.Name())); err != nil {
				return err
			}
		}
	}
	rc := ex.Files[path.Join(folder, "rancher-compose.yml")]
	v := catalogblock.Version(rc)
	if v == "" {
		return fmt.Errorf("%s: no rancher-compose.yml with a .catalog.version, so it is unclear which release this folder holds; restore it or move it away", filepath.Join(ex.Dir, folder))
	}
	if other, dup := ex.Folders[entry][v]; dup {
		return fmt.Errorf("%s and %s both hold version %s of %s; Rancher keeps only one of them", filepath.Join(ex.Dir, folder), filepath.Join(ex.Dir, "templates", entry, strconv.Itoa(other)), v, entry)
	}
	ex.Folders[entry][v] = n
	return nil
}

// MaxFileSize bounds each file read from the output folder: a catalog file
// above it is not one build wrote.
const MaxFileSize = 8 << 20

func (ex *Existing) readFile(p string) error {
	full := filepath.Join(ex.Dir, filepath.FromSlash(p))
	f, err := os.OpenFile(full, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() || st.Size() > MaxFileSize {
		return fmt.Errorf("%s is not a regular file of at most %d MiB; move it out of the catalog", full, MaxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return err
	}
	if len(data) > MaxFileSize {
		return fmt.Errorf("%s grew above %d MiB while being read", full, MaxFileSize>>20)
	}
	ex.Files[p] = data
	return nil
}

// MaxFolderNumber is the highest version folder number build accepts:
// far above any real catalog, and far enough below the largest int that the
// next folder numbers never overflow.
const MaxFolderNumber = 1 << 30
