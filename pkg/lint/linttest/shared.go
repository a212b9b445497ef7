package linttest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SharedDir returns ../shared/<rel> beside the checkout, where the real
// catalogs that rules are measured against live. A missing folder fails the
// test: a corpus test that skips would pass silently.
func SharedDir(tb testing.TB, rel string) string {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	// pkg/lint/linttest/shared.go -> module root -> its parent.
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("%s is missing: the shared corpus sits beside the checkout as ../shared (%v)", dir, err)
	}
	return dir
}
