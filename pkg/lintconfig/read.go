package lintconfig

import (
	"fmt"
	"io"
	"os"
)

// MaxSize bounds a configuration file.
const MaxSize = 1 << 20

// readFile reads a configuration file only when it is a regular file of at
// most MaxSize: a pull request can put a link to /dev/zero, a link out of
// the checkout or a FIFO where the configuration is looked for, and none of
// them may hang the run or read what the user did not ask for.
func readFile(p string) ([]byte, error) {
	st, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s); catalogen reads its configuration only from a plain file", p, describeMode(st.Mode()))
	}
	f, err := os.OpenFile(p, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s); catalogen reads its configuration only from a plain file", p, describeMode(st.Mode()))
	}
	if st.Size() > MaxSize {
		return nil, fmt.Errorf("%s is %d bytes; a configuration file may have at most %d", p, st.Size(), MaxSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s has more than %d bytes; a configuration file may have at most %d", p, MaxSize, MaxSize)
	}
	return data, nil
}

func describeMode(m os.FileMode) string {
	switch {
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "not a plain file"
}
