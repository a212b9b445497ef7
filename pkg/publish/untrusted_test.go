package publish

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/gitrepo"
)

// localBare is a new bare repository on disk.
func localBare(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is required: apt-get install git")
	}
	bare := filepath.Join(t.TempDir(), "catalog.git")
	git(t, filepath.Dir(bare), "init", "-q", "--bare", "-b", "main", bare)
	return bare
}

// git's remote-helper syntax is refused before git sees it, and git itself
// is never allowed a transport other than publish's, even when the user's
// configuration allows ext::.
func TestPublishRefusesRemoteHelpers(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "ran")
	for _, repo := range []string{"ext::sh -c touch% " + marker, "fd::17", "-uhoh"} {
		_, err := Publish(context.Background(), greeter(t, "2.0.0"), opts(t, repo))
		require.Error(t, err, repo)
		assert.True(t, errors.Is(err, ErrBadRepo), "%s: %v", repo, err)
	}
	g := gitrepo.Git{Dir: t.TempDir()}
	_, err := g.Run(context.Background(), "-c", "protocol.ext.allow=always", "ls-remote", "ext::sh -c touch% "+marker)
	require.Error(t, err)
	_, err = os.Stat(marker)
	assert.True(t, errors.Is(err, os.ErrNotExist), "ext:: ran a command")
}

// Publishes sharing one cache take turns instead of colliding in git's
// locks.
func TestConcurrentPublishesShareTheCache(t *testing.T) {
	bare := localBare(t)
	cache := t.TempDir()
	ctx := context.Background()
	cats := [][]string{{"2.0.0"}, {"2.0.0", "2.1.0"}, {"2.0.0"}, {"2.0.0", "2.1.0"}}
	errs := make([]error, len(cats))
	var wg sync.WaitGroup
	for i, versions := range cats {
		cat := greeter(t, versions...)
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = Publish(ctx, cat, Options{Repo: bare, Cache: cache, CreateBranch: true})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil && !errors.Is(err, ErrReleasedChanged) {
			t.Errorf("publish %d: %v", i, err)
		}
	}
}

// A password in an https URL never reaches the cached clone's
// configuration; git gets it from a credential helper instead.
func TestCredentialsStayOutOfTheCache(t *testing.T) {
	const token = "ghp_s3cr3tT0ken"
	repo := "https://ci:" + token + "@127.0.0.1:1/catalog.git"
	cache := t.TempDir()
	_, err := Publish(context.Background(), greeter(t, "2.0.0"), Options{Repo: repo, Cache: cache})
	require.Error(t, err, "nothing listens there")
	assert.NotContains(t, err.Error(), token)
	require.NoError(t, filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if strings.Contains(string(data), token) {
			t.Errorf("%s holds the token", p)
		}
		return err
	}))

	r := gitrepo.ParseRemote(repo)
	assert.Equal(t, "https://ci@127.0.0.1:1/catalog.git", r.URL)
	cmd := exec.Command("git", "credential", "fill")
	cmd.Dir = t.TempDir()
	cmd.Env = append(append(os.Environ(), "GIT_TERMINAL_PROMPT=0"), r.Env()...)
	cmd.Stdin = strings.NewReader("protocol=https\nhost=127.0.0.1:1\nusername=ci\n\n")
	out, err := cmd.Output()
	require.NoError(t, err)
	assert.Contains(t, string(out), "password="+token, "the credential helper answers")
	assert.Equal(t, "https://ci@127.0.0.1:1/catalog.git", gitrepo.Redacted(repo))
}

// A --branch the repository does not have is refused (a typo would start a
// branch with the whole catalog) unless asked for; a full ref is refused
// with the name to use.
func TestPublishBranchChecks(t *testing.T) {
	bare := localBare(t)
	ctx := context.Background()
	_, err := Publish(ctx, greeter(t, "2.0.0"), opts(t, bare))
	require.NoError(t, err, "an empty repository gets its first branch")

	o := opts(t, bare)
	o.Branch = "mian"
	_, err = Publish(ctx, greeter(t, "2.0.0"), o)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrUnknownBranch), err)
	assert.Contains(t, err.Error(), "main")
	assert.Contains(t, err.Error(), "--create-branch")
	assert.Equal(t, "main", git(t, bare, "for-each-ref", "--format=%(refname:short)", "refs/heads"), "no branch made")

	o.CreateBranch = true
	_, err = Publish(ctx, greeter(t, "2.0.0"), o)
	require.NoError(t, err)
	assert.Contains(t, git(t, bare, "for-each-ref", "--format=%(refname:short)", "refs/heads"), "mian")

	o = opts(t, bare)
	o.Branch = "refs/heads/main"
	_, err = Publish(ctx, greeter(t, "2.0.0"), o)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrBadBranch), err)
	assert.Contains(t, err.Error(), "use --branch main")
	assert.NotContains(t, git(t, bare, "for-each-ref", "--format=%(refname)"), "refs/heads/refs/")
}

// Messages name repository paths, never the cache folder.
func TestPublishMessagesHideTheCache(t *testing.T) {
	bare := localBare(t)
	ctx := context.Background()
	o := opts(t, bare)
	_, err := Publish(ctx, greeter(t, "2.0.0"), o)
	require.NoError(t, err)
	work := t.TempDir()
	git(t, work, "clone", "-q", bare, "w")
	w := filepath.Join(work, "w")
	require.NoError(t, os.WriteFile(filepath.Join(w, "templates/greeter/0/README.md"), []byte("edited by hand\n"), 0o644))
	git(t, w, "commit", "-qam", "hand edit")
	git(t, w, "push", "-q", "origin", "main")

	_, err = Publish(ctx, greeter(t, "2.0.0"), o)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), o.Cache)
	assert.Contains(t, err.Error(), "templates/greeter/0 holds the released version")
}

// A released file that is a link in the repository is refused, and its
// target outside is left as it was.
func TestPublishNeverWritesThroughLinks(t *testing.T) {
	bare := localBare(t)
	ctx := context.Background()
	_, err := Publish(ctx, greeter(t, "2.0.0"), opts(t, bare))
	require.NoError(t, err)
	victim := filepath.Join(t.TempDir(), "victim.yml")
	require.NoError(t, os.WriteFile(victim, []byte("keep\n"), 0o644))
	work := t.TempDir()
	git(t, work, "clone", "-q", bare, "w")
	w := filepath.Join(work, "w")
	require.NoError(t, os.Remove(filepath.Join(w, "templates/greeter/config.yml")))
	require.NoError(t, os.Symlink(victim, filepath.Join(w, "templates/greeter/config.yml")))
	git(t, w, "add", "-A")
	git(t, w, "commit", "-qm", "link")
	git(t, w, "push", "-q", "origin", "main")

	_, err = Publish(ctx, greeter(t, "2.0.0", "2.1.0"), opts(t, bare))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "symbolic link")
	data, err := os.ReadFile(victim)
	require.NoError(t, err)
	assert.Equal(t, "keep\n", string(data))
}
