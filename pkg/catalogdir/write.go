package catalogdir

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// beforeSwap runs after every new file is staged and before the first one
// is moved into place; tests use it to fail at the worst moment.
var beforeSwap = func(staging string) error { return nil }

// beforeRename runs before each rename of the commit phase (after the
// journal is written); tests use it to interrupt a build half way.
var beforeRename = func(i int) error { return nil }

// stagingPrefix names what Write stages beside its targets. Anything with
// this name in a folder Write touches is its own leftover and is removed.
const stagingPrefix = ".catalogen-new-"

// journalName is the file, at the top of the output folder, that lists the
// renames of a write in progress; Read completes them.
const journalName = ".catalogen-journal"

// Write makes dir hold the plan. It only ever adds or replaces the files
// the plan changes: everything else in dir (other files, FIFOs, sockets,
// mounted file systems, dir itself, which may be a mount point or the
// working directory) is left exactly as it was, same inode, owner and
// mode. A new release folder (or entry, or dir itself when missing) is
// built complete under a temporary name beside its final place and renamed
// in; a changed file is written beside its old self and renamed over it.
// When more than one rename is needed, a journal lists them first, so an
// interrupted build is completed by the next Read or Write: dir shows the
// old or the new tree, never a mix that stays. Nothing is written through a
// symbolic link: a tree with a link on the way to a file build writes is
// refused. It does nothing when the plan is up to date.
func Write(dir string, p *Plan) error {
	if p.UpToDate() {
		return nil
	}
	for _, fp := range p.Changed {
		if err := checkRelPath(fp); err != nil {
			return err
		}
	}
	// The folder named by the user may itself be a link; it is resolved
	// once, and nothing below it may be one.
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if err := Recover(dir); err != nil {
		return err
	}
	units, err := planUnits(dir, p)
	if err != nil {
		return err
	}
	var staged []string
	cleanup := func() {
		for _, s := range staged {
			os.RemoveAll(s)
		}
	}
	for _, u := range units {
		if u.rel == "" {
			// dir itself is new: its parent may be too.
			if err := os.MkdirAll(filepath.Dir(u.target), 0o755); err != nil {
				return err
			}
		}
		if err := removeStale(filepath.Dir(u.target)); err != nil {
			return err
		}
	}
	for _, u := range units {
		staged = append(staged, u.staging)
		if err := u.stage(p); err != nil {
			cleanup()
			return err
		}
	}
	if err := beforeSwap(dir); err != nil {
		cleanup()
		return err
	}
	if len(units) > 1 {
		if err := writeJournal(dir, units); err != nil {
			cleanup()
			return err
		}
	}
	for i, u := range units {
		if err := beforeRename(i); err != nil {
			return fmt.Errorf("%w; the next build completes the write (journal %s)", err, filepath.Join(dir, journalName))
		}
		if err := os.Rename(u.staging, u.target); err != nil {
			if i == 0 {
				cleanup()
				os.Remove(filepath.Join(dir, journalName))
				return err
			}
			return fmt.Errorf("%w; the next build completes the write (journal %s)", err, filepath.Join(dir, journalName))
		}
		syncDir(filepath.Dir(u.target))
	}
	if len(units) > 1 {
		if err := os.Remove(filepath.Join(dir, journalName)); err != nil {
			return err
		}
		syncDir(dir)
	}
	return nil
}

// unit is one rename: a new folder with everything the plan puts in it, or
// one new or changed file.
type unit struct {
	target, staging string
	rel             string   // slash path of target relative to dir ("" for dir itself)
	files           []string // plan paths staged under it
	folder          bool
}

// planUnits groups the changed files by the highest folder that does not
// exist yet (created whole), or else the file itself, refusing any link or
// non-folder on the way.
func planUnits(dir string, p *Plan) ([]*unit, error) {
	byTarget := map[string]*unit{}
	var order []string
	dirExists, err := isDir(dir)
	if err != nil {
		return nil, err
	}
	for _, fp := range p.Changed {
		rel, folder := "", true
		if dirExists {
			var err error
			rel, folder, err = firstMissing(dir, fp)
			if err != nil {
				return nil, err
			}
		}
		u := byTarget[rel]
		if u == nil {
			target := filepath.Join(dir, filepath.FromSlash(rel))
			u = &unit{target: target, rel: rel, folder: folder,
				staging: filepath.Join(filepath.Dir(target), stagingPrefix+filepath.Base(target))}
			byTarget[rel] = u
			order = append(order, rel)
		}
		u.files = append(u.files, fp)
	}
	sort.Strings(order)
	units := make([]*unit, len(order))
	for i, rel := range order {
		units[i] = byTarget[rel]
	}
	return units, nil
}

// firstMissing walks fp's folders below dir and returns the first that does
// not exist (folder=true) or, when all do, fp itself.
func firstMissing(dir, fp string) (rel string, folder bool, err error) {
	segs := strings.Split(fp, "/")
	for i := range segs {
		rel = path.Join(segs[:i+1]...)
		full := filepath.Join(dir, filepath.FromSlash(rel))
		st, err := os.Lstat(full)
		last := i == len(segs)-1
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return rel, !last, nil
		case err != nil:
			return "", false, err
		case st.Mode()&fs.ModeSymlink != 0:
			return "", false, fmt.Errorf("refusing to write %s: %s is a symbolic link, and build never writes through links; replace it with a real folder or file", fp, full)
		case !last && !st.IsDir():
			return "", false, fmt.Errorf("refusing to write %s: %s is not a folder", fp, full)
		case last && !st.Mode().IsRegular():
			return "", false, fmt.Errorf("refusing to write %s: %s exists and is not a regular file (%s)", fp, full, st.Mode().Type())
		}
	}
	return fp, false, nil
}

func (u *unit) stage(p *Plan) error {
	if !u.folder {
		return writeNew(u.staging, p.Files[u.files[0]])
	}
	if err := os.Mkdir(u.staging, 0o755); err != nil {
		return err
	}
	for _, fp := range u.files {
		rel := strings.TrimPrefix(fp, u.rel+"/")
		if u.rel == "" {
			rel = fp
		}
		target := filepath.Join(u.staging, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := writeNew(target, p.Files[fp]); err != nil {
			return err
		}
	}
	return nil
}

// writeNew creates a file that must not exist yet (O_EXCL never follows or
// reuses anything) and flushes it to disk.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

func isDir(dir string) (bool, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case !st.IsDir():
		return false, fmt.Errorf("%s is not a folder", dir)
	}
	return true, nil
}

// removeStale removes what an interrupted write staged in folder (only
// names with the staging prefix, which are build's own).
func removeStale(folder string) error {
	des, err := os.ReadDir(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	for _, de := range des {
		if strings.HasPrefix(de.Name(), stagingPrefix) {
			if err := os.RemoveAll(filepath.Join(folder, de.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

type journal struct {
	Renames [][2]string `json:"renames"` // staged, target; slash paths relative to the folder
}

func writeJournal(dir string, units []*unit) error {
	var j journal
	for _, u := range units {
		from, err := filepath.Rel(dir, u.staging)
		if err != nil {
			return err
		}
		j.Renames = append(j.Renames, [2]string{filepath.ToSlash(from), u.rel})
	}
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, stagingPrefix+journalName)
	os.Remove(tmp)
	if err := writeNew(tmp, data); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, journalName)); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return nil
}

// Recover completes a write that was interrupted after its journal was
// written: every staged file or folder still waiting is renamed into
// place. Without a journal it does nothing.
func Recover(dir string) error {
	jp := filepath.Join(dir, journalName)
	data, err := os.ReadFile(jp)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("%s: unreadable journal of an interrupted build (%v); remove it after checking %s", jp, err, dir)
	}
	for _, r := range j.Renames {
		for _, p := range r {
			if err := checkRelPath(p); err != nil {
				return fmt.Errorf("%s: %w", jp, err)
			}
		}
		if !strings.HasPrefix(path.Base(r[0]), stagingPrefix) {
			return fmt.Errorf("%s: %q is not a name build stages under; remove the journal after checking %s", jp, r[0], dir)
		}
		from := filepath.Join(dir, filepath.FromSlash(r[0]))
		if _, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) {
			continue // already in place
		}
		if _, _, err := firstMissing(dir, r[1]); err != nil {
			return err
		}
		if err := os.Rename(from, filepath.Join(dir, filepath.FromSlash(r[1]))); err != nil {
			return fmt.Errorf("completing the interrupted build of %s: %w", dir, err)
		}
	}
	syncDir(dir)
	return os.Remove(jp)
}
