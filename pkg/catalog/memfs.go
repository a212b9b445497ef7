package catalog

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"time"
)

// MemFS is a read-only fs.FS over a map of slash paths to file contents:
// the form in which build output and git trees reach the loader. Folders are
// implied by the paths. Every file reads as a regular file (mode 0644) and
// every folder as mode 0755; there are no symlinks.
type MemFS struct {
	files map[string][]byte
	dirs  map[string][]fs.DirEntry // sorted by name, like os.ReadDir
}

// NewMemFS indexes files. A path that is not a valid fs path (see
// fs.ValidPath: slash-separated, no "." or ".." elements, no leading or
// trailing slash) or that is both a file and a folder is an error.
func NewMemFS(files map[string][]byte) (*MemFS, error) {
	m := &MemFS{files: make(map[string][]byte, len(files)), dirs: map[string][]fs.DirEntry{".": nil}}
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if p == "." || !fs.ValidPath(p) {
			return nil, fmt.Errorf("in-memory catalog: %q is not a slash path relative to the catalog root (no leading /, no . or .. elements)", p)
		}
		m.files[p] = files[p]
	}
	for _, p := range names {
		for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
			if _, isFile := m.files[dir]; isFile {
				return nil, fmt.Errorf("in-memory catalog: %q is both a file and the folder of %q", dir, p)
			}
		}
		m.addEntry(p, memInfo{name: path.Base(p), size: int64(len(files[p]))})
	}
	for _, entries := range m.dirs {
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	}
	return m, nil
}

// addEntry lists p in its parent folder, creating the parent chain.
func (m *MemFS) addEntry(p string, info memInfo) {
	parent := path.Dir(p)
	_, known := m.dirs[parent]
	m.dirs[parent] = append(m.dirs[parent], fs.FileInfoToDirEntry(info))
	if !known && parent != "." {
		m.addEntry(parent, memInfo{name: path.Base(parent), dir: true})
	}
}

// Open implements fs.FS.
func (m *MemFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m.files[name]; ok {
		return &memFile{info: memInfo{name: path.Base(name), size: int64(len(data))}, r: bytes.NewReader(data)}, nil
	}
	if entries, ok := m.dirs[name]; ok {
		return &memDir{info: memInfo{name: path.Base(name), dir: true}, entries: entries}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir implements fs.ReadDirFS.
func (m *MemFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	entries, ok := m.dirs[name]
	if !ok {
		if _, isFile := m.files[name]; isFile {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: fmt.Errorf("not a folder")}
		}
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return append([]fs.DirEntry(nil), entries...), nil
}

// Stat implements fs.StatFS.
func (m *MemFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m.files[name]; ok {
		return memInfo{name: path.Base(name), size: int64(len(data))}, nil
	}
	if _, ok := m.dirs[name]; ok {
		return memInfo{name: path.Base(name), dir: true}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

type memFile struct {
	info memInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	info    memInfo
	entries []fs.DirEntry
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fmt.Errorf("is a folder")}
}
func (d *memDir) Close() error { return nil }

// ReadDir implements fs.ReadDirFile with the paging contract of os.File.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return append([]fs.DirEntry(nil), rest...), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return append([]fs.DirEntry(nil), rest[:n]...), nil
}
