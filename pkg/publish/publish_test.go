package publish

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/build"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

var gitEnv = []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1"}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v: %s", args, out)
	return strings.TrimSpace(string(out))
}

// daemon serves a new bare repository over git:// on 127.0.0.1 with push
// enabled, for the life of the test.
func daemon(t *testing.T) (url, bare string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is required: apt-get install git")
	}
	base := t.TempDir()
	bare = filepath.Join(base, "catalog.git")
	git(t, base, "init", "-q", "--bare", "-b", "main", bare)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	cmd := exec.Command("git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
		"--listen=127.0.0.1", fmt.Sprintf("--port=%d", port), "--base-path="+base, base)
	cmd.Env = append(os.Environ(), gitEnv...)
	// A file, not a pipe: the daemon's per-connection children inherit it,
	// and a pipe would keep Wait waiting for them.
	logFile, err := os.Create(filepath.Join(t.TempDir(), "daemon.log"))
	require.NoError(t, err)
	cmd.Stderr = logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the daemon and its children
		_ = cmd.Wait()
		logFile.Close()
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logFile.Name())
			t.Fatalf("git daemon did not start: %s", log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Sprintf("git://127.0.0.1:%d/catalog.git", port), bare
}

// greeter renders the test application with the given releases.
func greeter(t *testing.T, versions ...string) *build.Rendered {
	t.Helper()
	return greeterWith(t, nil, versions...)
}

// greeterWith is greeter with files of the test application replaced.
func greeterWith(t *testing.T, edits map[string]string, versions ...string) *build.Rendered {
	t.Helper()
	src, err := filepath.Abs("../render/testdata/greeter")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(src)))
	for name, content := range edits {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	var rel strings.Builder
	for _, v := range versions {
		fmt.Fprintf(&rel, "  - version: %s\n    images: {web: example/greeter:%s, cache: redis:7.2.4}\n", v, v)
	}
	bp := fmt.Sprintf(`app:
  title: Greeter
  description: Says hello.
  category: Examples
  license: MIT
  projectURL: https://example.com/greeter
  maintainer: Grace Hopper <grace@example.com>
  minimumRancherVersion: v1.6.0
templates: templates
icon: icon.svg
data:
  greeting: hello
releases:
%sentries:
  - name: greeter
    templates: standalone
    questions:
      - variable: port
        label: Port
        type: int
        default: 8080
      - variable: cache_password
        label: Cache password
        type: password
        required: true
`, rel.String())
	file := filepath.Join(dir, "blueprint.yaml")
	require.NoError(t, os.WriteFile(file, []byte(bp), 0o644))
	b, err := blueprint.LoadFile(file)
	require.NoError(t, err)
	cat, err := build.Render([]*blueprint.Blueprint{b})
	require.NoError(t, err)
	return cat
}

func opts(t *testing.T, repo string) Options {
	return Options{Repo: repo, Cache: t.TempDir()}
}

func head(t *testing.T, bare string) string { return git(t, bare, "rev-parse", "main") }

func commits(t *testing.T, bare string) int {
	var n int
	fmt.Sscan(git(t, bare, "rev-list", "--count", "main"), &n)
	return n
}

func remoteFiles(t *testing.T, bare string) []string {
	return strings.Fields(git(t, bare, "ls-tree", "-r", "--name-only", "main"))
}

func TestPublishLifecycle(t *testing.T) {
	url, bare := daemon(t)
	ctx := context.Background()
	o := opts(t, url)

	// First publish: one commit with the catalog.
	res, err := Publish(ctx, greeter(t, "2.0.0"), o)
	require.NoError(t, err)
	assert.NotEmpty(t, res.Commit)
	assert.Equal(t, res.Commit, head(t, bare))
	assert.Equal(t, 1, commits(t, bare))
	assert.Contains(t, remoteFiles(t, bare), "templates/greeter/0/rancher-compose.yml")
	assert.Contains(t, git(t, bare, "log", "-1", "--format=%B", "main"), "greeter 2.0.0-rancher.1 (templates/greeter/0)")

	// Republish: nothing changed, no commit.
	before := head(t, bare)
	res, err = Publish(ctx, greeter(t, "2.0.0"), o)
	require.NoError(t, err)
	assert.True(t, res.UpToDate)
	assert.Equal(t, before, head(t, bare))

	// A new release: exactly one new folder, one commit.
	res, err = Publish(ctx, greeter(t, "2.0.0", "2.1.0"), o)
	require.NoError(t, err)
	require.Len(t, res.NewFolders, 1)
	assert.Equal(t, "templates/greeter/1", strings.TrimSuffix(res.NewFolders[0].Path, "/"))
	assert.Equal(t, 2, commits(t, bare))
	changed := git(t, bare, "diff", "--name-only", "main~1", "main")
	for _, f := range strings.Fields(changed) {
		assert.True(t, strings.HasPrefix(f, "templates/greeter/1/") || f == "templates/greeter/config.yml", "unexpected change %s", f)
	}
	assert.Contains(t, git(t, bare, "log", "-1", "--format=%s", "main"), "Add greeter 2.1.0-rancher.1")

	// A dry run shows the change and pushes nothing.
	before = head(t, bare)
	dry := o
	dry.DryRun = true
	res, err = Publish(ctx, greeter(t, "2.0.0", "2.1.0", "2.2.0"), dry)
	require.NoError(t, err)
	assert.Contains(t, res.Diff, "templates/greeter/2/docker-compose.yml")
	assert.Contains(t, res.Message, "greeter 2.2.0-rancher.1")
	assert.Equal(t, before, head(t, bare))
}

// TestPublishLintsWithTheRepositorysConfig: publish always lints what it
// would push, with the .catalogen.yaml the catalog repository holds, and
// pushes nothing when that fails.
func TestPublishLintsWithTheRepositorysConfig(t *testing.T) {
	url, bare := daemon(t)
	ctx := context.Background()
	// An undeclared ${colour}: I002, a warning by default.
	undeclared := greeterWith(t, map[string]string{"templates/standalone/docker-compose.yml.tpl.tmpl": "version: '2'\nservices:\n  web:\n    image: x/y:1\n    environment:\n      - A=${port}\n      - B=${cache_password}\n      - C=${colour}\n"}, "2.0.0")
	res, err := Publish(ctx, undeclared, opts(t, url))
	require.NoError(t, err, "a warning does not stop publishing")
	require.NotNil(t, res.Build)
	assert.True(t, slices.ContainsFunc(res.Build.Findings, func(f build.Finding) bool { return f.Rule.ID == "I002" }))

	// The repository now makes I002 an error.
	work := t.TempDir()
	git(t, work, "clone", "-q", url, "w")
	w := filepath.Join(work, "w")
	require.NoError(t, os.WriteFile(filepath.Join(w, ".catalogen.yaml"), []byte("rules:\n  interpolation.undeclared: error\n"), 0o644))
	git(t, w, "add", ".catalogen.yaml")
	git(t, w, "commit", "-qm", "stricter")
	git(t, w, "push", "-q", "origin", "main")
	before := head(t, bare)

	res, err = Publish(ctx, greeterWith(t, map[string]string{"templates/standalone/docker-compose.yml.tpl.tmpl": "version: '2'\nservices:\n  web:\n    image: x/y:1\n    environment:\n      - A=${port}\n      - B=${cache_password}\n      - C=${colour}\n"}, "2.0.0", "2.1.0"), opts(t, url))
	require.ErrorIs(t, err, ErrLint)
	require.NotNil(t, res.Build, "the findings come with the error")
	assert.True(t, res.Build.Failed())
	assert.Equal(t, before, head(t, bare), "nothing pushed")

	// --no-config ignores the repository's file.
	o := opts(t, url)
	o.NoConfig = true
	_, err = Publish(ctx, greeterWith(t, map[string]string{"templates/standalone/docker-compose.yml.tpl.tmpl": "version: '2'\nservices:\n  web:\n    image: x/y:1\n    environment:\n      - A=${port}\n      - B=${cache_password}\n      - C=${colour}\n"}, "2.0.0", "2.1.0"), o)
	require.NoError(t, err)
	assert.NotEqual(t, before, head(t, bare))
}

func TestPublishRefusesChangedReleasedFolder(t *testing.T) {
	url, bare := daemon(t)
	ctx := context.Background()
	_, err := Publish(ctx, greeter(t, "2.0.0"), opts(t, url))
	require.NoError(t, err)

	// Someone edits the released folder by hand and pushes.
	work := t.TempDir()
	git(t, work, "clone", "-q", url, "w")
	w := filepath.Join(work, "w")
	f := filepath.Join(w, "templates/greeter/0/README.md")
	require.NoError(t, os.WriteFile(f, []byte("edited by hand\n"), 0o644))
	git(t, w, "commit", "-qam", "hand edit")
	git(t, w, "push", "-q", "origin", "main")
	before := head(t, bare)

	_, err = Publish(ctx, greeter(t, "2.0.0", "2.1.0"), opts(t, url))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrReleasedChanged), err)
	assert.Contains(t, err.Error(), "README.md")
	assert.Equal(t, before, head(t, bare), "nothing pushed")
}

func TestPublishRace(t *testing.T) {
	url, bare := daemon(t)
	ctx := context.Background()
	_, err := Publish(ctx, greeter(t, "2.0.0"), opts(t, url))
	require.NoError(t, err)

	// Publisher A is about to push 2.1.0 when publisher B pushes 2.2.0:
	// A's push is rejected, A renders again on top of B and pushes.
	a := opts(t, url)
	a.beforePush = func(attempt int) {
		if attempt == 1 {
			_, err := Publish(ctx, greeter(t, "2.0.0", "2.2.0"), opts(t, url))
			require.NoError(t, err)
		}
	}
	res, err := Publish(ctx, greeter(t, "2.0.0", "2.1.0"), a)
	require.NoError(t, err)
	assert.Equal(t, 2, res.Attempts, "A retried once")
	assert.Equal(t, 3, commits(t, bare), "first publish, B, A: nothing lost")
	var versions []string
	for _, p := range remoteFiles(t, bare) {
		if strings.HasSuffix(p, "/rancher-compose.yml") {
			data := git(t, bare, "show", "main:"+p)
			var rc struct {
				Catalog struct{ Version string } `yaml:".catalog"`
			}
			require.NoError(t, yaml.Unmarshal([]byte(data), &rc))
			versions = append(versions, rc.Catalog.Version)
		}
	}
	assert.ElementsMatch(t, []string{"2.0.0-rancher.1", "2.1.0-rancher.1", "2.2.0-rancher.1"}, versions)
}

func TestPublishURLs(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	bare := filepath.Join(base, "catalog.git")
	git(t, base, "init", "-q", "--bare", "-b", "main", bare)
	// A local path, then file:// to the same repository.
	res, err := Publish(ctx, greeter(t, "2.0.0"), opts(t, bare))
	require.NoError(t, err)
	assert.NotEmpty(t, res.Commit)
	res, err = Publish(ctx, greeter(t, "2.0.0", "2.1.0"), opts(t, "file://"+bare))
	require.NoError(t, err)
	assert.Len(t, res.NewFolders, 1)

	_, err = Publish(ctx, greeter(t, "2.0.0"), opts(t, "ftp://example.com/x"))
	assert.ErrorIs(t, err, ErrBadRepo)
	_, err = Publish(ctx, greeter(t, "2.0.0"), opts(t, ""))
	assert.ErrorIs(t, err, ErrBadRepo)
}

func TestCommitMessageIsDeterministic(t *testing.T) {
	assert.Equal(t, "ssh://h/x", must(normalizeURL("ssh://h/x")))
	assert.Equal(t, "git@github.com:acme/c.git", must(normalizeURL("git@github.com:acme/c.git")))
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}
