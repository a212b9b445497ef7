//go:build linux

package catalog

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
	"unsafe"
)

// readDirDirect lists a folder of the catalog on disk in three kinds of
// system call (open, getdents64 until it returns nothing, close), with the
// entries' types from the kernel, where os.ReadDir also prepares the folder
// for the runtime's network poller and takes a lock per call: a catalog is
// hundreds of small folders. Entries come sorted by name, as fs.ReadDir
// returns them. handled is false when it cannot tell (the caller then goes
// through fs.FS).
func (d osDir) readDirDirect(name string) (entries []fs.DirEntry, handled bool, err error) {
	dir := d.root + "/" + name
	var fd int
	for {
		fd, err = syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var buf [8192]byte
	for {
		n, err := syscall.ReadDirent(fd, buf[:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, true, &fs.PathError{Op: "readdirent", Path: name, Err: err}
		}
		if n <= 0 {
			break
		}
		entries, err = appendDirents(entries, buf[:n], dir)
		if err != nil {
			return nil, true, &fs.PathError{Op: "readdirent", Path: name, Err: err}
		}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, true, nil
}

// The layout of struct linux_dirent64: d_ino (8 bytes), d_off (8), d_reclen
// (2), d_type (1), then the name, NUL-terminated.
const (
	direntReclen = 16
	direntType   = 18
	direntName   = 19
)

// appendDirents appends the entries of a getdents64 buffer, leaving out "."
// and "..".
func appendDirents(entries []fs.DirEntry, buf []byte, dir string) ([]fs.DirEntry, error) {
	for len(buf) > 0 {
		if len(buf) < direntName {
			return entries, syscall.EIO
		}
		reclen := int(*(*uint16)(unsafe.Pointer(&buf[direntReclen])))
		if reclen < direntName || reclen > len(buf) {
			return entries, syscall.EIO
		}
		rec := buf[:reclen]
		buf = buf[reclen:]
		nameBytes := rec[direntName:]
		if i := slices.Index(nameBytes, 0); i >= 0 {
			nameBytes = nameBytes[:i]
		}
		name := string(nameBytes)
		if name == "." || name == ".." || name == "" {
			continue
		}
		e := &dirent{dir: dir, name: name}
		switch rec[direntType] {
		case syscall.DT_DIR:
			e.typ = fs.ModeDir
		case syscall.DT_REG:
			e.typ = 0
		case syscall.DT_LNK:
			e.typ = fs.ModeSymlink
		case syscall.DT_FIFO:
			e.typ = fs.ModeNamedPipe
		case syscall.DT_SOCK:
			e.typ = fs.ModeSocket
		case syscall.DT_CHR:
			e.typ = fs.ModeDevice | fs.ModeCharDevice
		case syscall.DT_BLK:
			e.typ = fs.ModeDevice
		default:
			// The file system does not say (DT_UNKNOWN): ask as
			// os.ReadDir would.
			info, err := os.Lstat(dir + "/" + name)
			if err != nil {
				continue // gone since the listing, as os.ReadDir skips it
			}
			e.typ = info.Mode().Type()
			e.info = info
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// dirent is an entry of a folder listed by readDirDirect.
type dirent struct {
	dir, name string
	typ       fs.FileMode
	info      fs.FileInfo
}

func (e *dirent) Name() string      { return e.name }
func (e *dirent) IsDir() bool       { return e.typ.IsDir() }
func (e *dirent) Type() fs.FileMode { return e.typ }
func (e *dirent) Info() (fs.FileInfo, error) {
	if e.info != nil {
		return e.info, nil
	}
	return os.Lstat(e.dir + "/" + e.name)
}
func (e *dirent) String() string { return fs.FormatDirEntry(e) }
