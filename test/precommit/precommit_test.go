// Package precommit checks that the repository works as a pre-commit hook
// repository (.pre-commit-hooks.yaml), through pre-commit itself.
package precommit

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func moduleRoot(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func sh(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// mustFor returns a check that fails t on a command's error.
func mustFor(t *testing.T) func(out string, err error) string {
	return func(out string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return out
	}
}

// snapshot commits the module as it is in the working tree (tracked and
// new files, as `pre-commit try-repo` would) into a fresh repository, so
// that pre-commit builds the hook once and reuses it for every run.
func snapshot(t *testing.T, env []string) (dir, rev string) {
	t.Helper()
	must := mustFor(t)
	root := moduleRoot(t)
	list := must(sh(t, root, env, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"))
	dir = t.TempDir()
	for _, p := range strings.Split(list, "\x00") {
		if p == "" {
			continue
		}
		src := filepath.Join(root, p)
		st, err := os.Lstat(src)
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree, or not a file
		}
		dst := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		in, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, st.Mode().Perm())
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	must(sh(t, dir, env, "git", "init", "-q"))
	must(sh(t, dir, env, "git", "add", "-A"))
	must(sh(t, dir, env, "git", "commit", "-qm", "snapshot"))
	rev = strings.TrimSpace(must(sh(t, dir, env, "git", "rev-parse", "HEAD")))
	return dir, rev
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, d := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHook(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CATALOGEN_SKIP_PRECOMMIT") == "1" {
			t.Skip("SKIPPED: pre-commit is not installed (CATALOGEN_SKIP_PRECOMMIT=1)")
		}
		t.Fatal("pre-commit is not installed: apt-get install pre-commit (.ci/run does), or set CATALOGEN_SKIP_PRECOMMIT=1 to skip this test")
	}
	if testing.Short() {
		t.Skip("builds catalogen through pre-commit; skipped with -short")
	}
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Build offline from the module cache this test run already has.
	env := []string{
		"GOMODCACHE=" + strings.TrimSpace(string(gomodcache)),
		"GOPROXY=off", "GOFLAGS=-mod=mod",
		"PRE_COMMIT_HOME=" + t.TempDir(),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	}
	must := mustFor(t)
	hooks, rev := snapshot(t, env)

	repo := t.TempDir()
	files := map[string]string{
		".pre-commit-config.yaml":             fmt.Sprintf("repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: catalogen-lint\n", hooks, rev),
		"templates/app/config.yml":            "name: App\nversion: \"1.0.0\"\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.0.0\"\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3\n",
	}
	writeFiles(t, repo, files)
	must(sh(t, repo, env, "git", "init", "-q"))
	must(sh(t, repo, env, "git", "add", "-A"))
	if out, err := sh(t, repo, env, "pre-commit", "run", "--all-files"); err != nil {
		t.Fatalf("clean catalog: the hook failed:\n%s", out)
	}

	// Committed, the folder is released: the hook, which lints only what is
	// staged, refuses an edit of it.
	must(sh(t, repo, env, "git", "commit", "-qm", "release 1.0.0", "--no-verify"))
	writeFiles(t, repo, map[string]string{"templates/app/0/docker-compose.yml": files["templates/app/0/docker-compose.yml"] + "    restart: always\n"})
	must(sh(t, repo, env, "git", "add", "-A"))
	out, err := sh(t, repo, env, "pre-commit", "run")
	if err == nil || !strings.Contains(out, "R001") {
		t.Fatalf("edited released folder: want the hook to fail with R001, got err=%v:\n%s", err, out)
	}
	must(sh(t, repo, env, "git", "checkout", "-q", "HEAD", "--", "."))

	// Only the touched template is linted: a broken template committed
	// earlier does not fail a commit that adds a release to another one.
	broken := map[string]string{
		"templates/broken/config.yml":            "name: Broken\nversion: \"1.0.0\"\n",
		"templates/broken/0/rancher-compose.yml": ".catalog:\n  name: Broken\n  version: \"1.0.0\"\n",
		"templates/broken/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3 # catalogen:ignore D005\n",
	}
	writeFiles(t, repo, broken)
	must(sh(t, repo, env, "git", "add", "-A"))
	must(sh(t, repo, env, "git", "commit", "-qm", "broken", "--no-verify"))
	writeFiles(t, repo, map[string]string{
		"templates/app/1/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.1.0\"\n",
		"templates/app/1/docker-compose.yml":  files["templates/app/0/docker-compose.yml"],
	})
	must(sh(t, repo, env, "git", "add", "-A"))
	if out, err := sh(t, repo, env, "pre-commit", "run"); err != nil {
		t.Fatalf("a new release of app: the hook must lint only app, got:\n%s", out)
	}

	// An error finding (a suppression without a reason) in a touched
	// template fails the hook.
	writeFiles(t, repo, map[string]string{"templates/app/1/docker-compose.yml": "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3 # catalogen:ignore D005\n"})
	must(sh(t, repo, env, "git", "add", "-A"))
	out, err = sh(t, repo, env, "pre-commit", "run")
	if err == nil || !strings.Contains(out, "CG002") {
		t.Fatalf("bad catalog: want the hook to fail with CG002, got err=%v:\n%s", err, out)
	}
	if !bytes.Contains([]byte(out), []byte("templates/app/1/docker-compose.yml")) || strings.Contains(out, "templates/broken/") {
		t.Fatalf("the hook reports the touched template only:\n%s", out)
	}
}
