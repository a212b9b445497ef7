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
