// Package precommit checks that the repository works as a pre-commit hook
// repository (.pre-commit-hooks.yaml), with pre-commit's own try-repo.
package precommit

import (
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

func TestTryRepo(t *testing.T) {
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
	repo := t.TempDir()
	files := map[string]string{
		"templates/app/config.yml":            "name: App\nversion: \"1.0.0\"\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.0.0\"\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3\n",
	}
	for p, d := range files {
		full := filepath.Join(repo, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := sh(t, repo, env, "git", "init", "-q"); err != nil {
		t.Fatal(out)
	}
	if out, err := sh(t, repo, env, "git", "add", "-A"); err != nil {
		t.Fatal(out)
	}
	out, err := sh(t, repo, env, "pre-commit", "try-repo", moduleRoot(t), "catalogen-lint", "--all-files")
	if err != nil {
		t.Fatalf("clean catalog: the hook failed:\n%s", out)
	}

	// Committed, the folder is released: the hook, which lints only what is
	// staged, refuses an edit of it.
	if out, err := sh(t, repo, env, "git", "commit", "-qm", "release 1.0.0"); err != nil {
		t.Fatal(out)
	}
	released := filepath.Join(repo, "templates/app/0/docker-compose.yml")
	if err := os.WriteFile(released, []byte(files["templates/app/0/docker-compose.yml"]+"    restart: always\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _ = sh(t, repo, env, "git", "add", "-A")
	out, err = sh(t, repo, env, "pre-commit", "try-repo", moduleRoot(t), "catalogen-lint")
	if err == nil || !strings.Contains(out, "R001") {
		t.Fatalf("edited released folder: want the hook to fail with R001, got err=%v:\n%s", err, out)
	}
	if out, err := sh(t, repo, env, "git", "checkout", "-q", "HEAD", "--", "."); err != nil {
		t.Fatal(out)
	}

	// Only the touched template is linted: a broken template committed
	// earlier does not fail a commit that adds a release to another one.
	broken := map[string]string{
		"templates/broken/config.yml":            "name: Broken\nversion: \"1.0.0\"\n",
		"templates/broken/0/rancher-compose.yml": ".catalog:\n  name: Broken\n  version: \"1.0.0\"\n",
		"templates/broken/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25.3 # catalogen:ignore D005\n",
		"templates/app/1/rancher-compose.yml":    ".catalog:\n  name: App\n  version: \"1.1.0\"\n",
		"templates/app/1/docker-compose.yml":     files["templates/app/0/docker-compose.yml"],
	}
	for p, d := range broken {
		full := filepath.Join(repo, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(p, "templates/broken/") {
			_, _ = sh(t, repo, env, "git", "add", p)
		}
	}
	if out, err := sh(t, repo, env, "git", "commit", "-qm", "broken", "--no-verify"); err != nil {
		t.Fatal(out)
	}
	_, _ = sh(t, repo, env, "git", "add", "-A")
	out, err = sh(t, repo, env, "pre-commit", "try-repo", moduleRoot(t), "catalogen-lint")
	if err != nil {
		t.Fatalf("a new release of app: the hook must lint only app, got:\n%s", out)
	}

	// An error finding (a suppression without a reason) fails the hook.
	bad := filepath.Join(repo, "templates/app/0/docker-compose.yml")
	if err := os.WriteFile(bad, []byte("version: '2'\nservices:\n  web:\n    image: nginx:1.25.3 # catalogen:ignore D005\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _ = sh(t, repo, env, "git", "add", "-A")
	out, err = sh(t, repo, env, "pre-commit", "try-repo", moduleRoot(t), "catalogen-lint", "--all-files")
	if err == nil || !strings.Contains(out, "CG002") {
		t.Fatalf("bad catalog: want the hook to fail with CG002, got err=%v:\n%s", err, out)
	}
}
