package gitrepo

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Lock gives the caller the cached clone in dir to itself: two publishes
// sharing a cache would otherwise collide in git's own locks (index.lock,
// refs) or check out over each other. It waits while another process
// holds the clone, saying so on log once, until ctx ends.
func Lock(ctx context.Context, dir string, log io.Writer) (release func(), err error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(dir+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("locking the cached clone: %w", err)
	}
	told := false
	for {
		busy, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking the cached clone: %w", err)
		}
		if !busy {
			return func() { unlock(f); f.Close() }, nil
		}
		if !told {
			fmt.Fprintln(log, "another publish is using the cached clone of this repository; waiting for it to finish")
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
