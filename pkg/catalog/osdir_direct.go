//go:build linux || darwin

package catalog

import (
	"errors"
	"fmt"
	"syscall"
)

// readDirect is readCapped for a file of the catalog folder on disk, in
// four system calls (open, fstat, read, close) where os.Open and a read to
// the end take seven. handled is false when it cannot tell (the caller then
// goes through fs.FS).
func (d osDir) readDirect(name string, wantData bool) (data []byte, handled bool, err error) {
	var fd int
	for {
		fd, err = syscall.Open(d.root+"/"+name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, true, errors.New("cannot read: " + err.Error())
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, true, errors.New("cannot read: " + err.Error())
	}
	if st.Size > MaxFileSize {
		return nil, true, fmt.Errorf("file is %d bytes, above the %d MiB limit for catalog files; remove it or exclude it in .catalogen.yaml", st.Size, MaxFileSize>>20)
	}
	if !wantData {
		return nil, true, nil
	}
	data = make([]byte, 0, st.Size+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, true, errors.New("cannot read: " + err.Error())
		}
		data = data[:len(data)+n]
		if len(data) > MaxFileSize {
			return nil, true, fmt.Errorf("file is above the %d MiB limit for catalog files", MaxFileSize>>20)
		}
		// A regular file holds what fstat said; reading up to its size
		// spares the read that would only find its end. A file that
		// reports no size (or grew) is read to its end.
		if n == 0 || st.Size > 0 && int64(len(data)) == st.Size {
			return data, true, nil
		}
	}
}
