package gitrepo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v: %s", args, err, out)
	}
}

// A blob above MaxBlobSize in the base revision is listed with its size
// and never read: lint --base of a repository holding a huge file stays
// small.
func TestReadTreeLeavesHugeBlobsUnread(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is required: apt-get install git")
	}
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q")
	const huge = 8 * MaxBlobSize
	f, err := os.Create(filepath.Join(dir, "huge.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(huge); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.WriteFile(filepath.Join(dir, "small.yml"), []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-qm", "x")

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	files, oversized, err := Git{Dir: dir}.ReadTreeSizes(context.Background(), "HEAD", "")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if string(files["small.yml"]) != "a: 1\n" {
		t.Errorf("small.yml = %q", files["small.yml"])
	}
	if _, read := files["huge.bin"]; read || oversized["huge.bin"] != huge {
		t.Errorf("huge.bin read=%v, oversized=%v", read, oversized)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > MaxBlobSize {
		t.Errorf("reading the tree allocated %d bytes, more than one blob's limit", alloc)
	}
}
