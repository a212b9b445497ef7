package lintconfig

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A configuration that is a FIFO, a link (to /dev/zero or anywhere) or a
// huge file is refused at once with a message, never read.
func TestLoadRefusesSpecialFiles(t *testing.T) {
	cases := map[string]func(p string) error{
		"named pipe":    func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"symbolic link": func(p string) error { return os.Symlink("/dev/zero", p) },
		"at most": func(p string) error {
			return os.WriteFile(p, []byte("rules: {}\n"+strings.Repeat("# padding\n", MaxSize/10+1)), 0o644)
		},
	}
	for want, create := range cases {
		t.Run(want, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, FileName)
			if err := create(p); err != nil {
				t.Fatal(err)
			}
			found, err := FindFor(dir, dir)
			if err != nil || found != p {
				t.Fatalf("FindFor = %q, %v; want the file, to report it", found, err)
			}
			done := make(chan error, 1)
			go func() { _, err := Load(p, nil); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("Load(%s) = %v, want an error saying %q", want, err, want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("Load(%s) did not return", want)
			}
		})
	}
}
