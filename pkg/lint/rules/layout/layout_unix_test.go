//go:build unix

package layout

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe is skipped by the loader (opening it would block) and
// reported.
func TestNamedPipe(t *testing.T) {
	root := writeTree(t, nil)
	if err := syscall.Mkfifo(filepath.Join(root, "templates/web/0/pipe"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	expectOne(t, findings(t, root, "L011"), "templates/web/0/pipe")
}
