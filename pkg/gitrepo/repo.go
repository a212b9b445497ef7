package gitrepo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// ErrPushRejected means the remote branch moved since it was fetched.
var ErrPushRejected = errors.New("push rejected: the remote branch moved")

// CacheDir is where clones of a remote are kept between runs.
func CacheDir(base, url string) string {
	sum := sha256.Sum256([]byte(url))
	return filepath.Join(base, hex.EncodeToString(sum[:8]))
}

// ErrUnknownBranch means the branch to publish to does not exist on a
// remote that has other branches, and creating it was not asked for.
var ErrUnknownBranch = errors.New("unknown branch")

// Remote is a repository URL with its password kept apart: the clone's
// configuration (a file other users may read) records URL only, and git
// gets the password from a credential helper reading the environment of
// its own process.
type Remote struct {
	URL                string
	Username, Password string
}

// ParseRemote takes the password out of an http(s) URL such as
// https://user:TOKEN@host/org/catalog.git.
func ParseRemote(raw string) Remote {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil || (u.Scheme != "https" && u.Scheme != "http") {
		return Remote{URL: raw}
	}
	pass, ok := u.User.Password()
	if !ok {
		return Remote{URL: raw}
	}
	name := u.User.Username()
	u.User = url.User(name)
	return Remote{URL: u.String(), Username: name, Password: pass}
}

// Redacted is the URL with any password replaced, for messages.
func Redacted(raw string) string {
	if r := ParseRemote(raw); r.Password != "" {
		return r.URL
	}
	return raw
}

// Env is what git needs in its environment to authenticate: a credential
// helper, set through git's environment configuration (never written to
// a file), that answers with the password.
func (r Remote) Env() []string {
	if r.Password == "" {
		return nil
	}
	return []string{
		"GIT_CONFIG_COUNT=2",
		"GIT_CONFIG_KEY_0=credential.helper", "GIT_CONFIG_VALUE_0=",
		"GIT_CONFIG_KEY_1=credential.helper",
		`GIT_CONFIG_VALUE_1=!f() { test "$1" = get && printf 'username=%s\npassword=%s\n' "$CATALOGEN_GIT_USERNAME" "$CATALOGEN_GIT_PASSWORD"; }; f`,
		"CATALOGEN_GIT_USERNAME=" + r.Username,
		"CATALOGEN_GIT_PASSWORD=" + r.Password,
	}
}

// Sync makes dir a clone of the remote whose work tree is exactly the
// remote branch. It reuses an existing clone of the same URL. A branch the
// remote does not have is started empty when create is set or the remote
// has no branch at all; otherwise it is refused (a typo would publish the
// whole catalog to a new branch). It returns whether the branch exists on
// the remote.
func Sync(ctx context.Context, r Remote, branch, dir string, create bool) (bool, error) {
	g := Git{Dir: dir, Env: r.Env()}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		out, err := g.Run(ctx, "config", "--get", "remote.origin.url")
		recorded := strings.TrimSpace(string(out))
		switch {
		case err == nil && recorded == r.URL:
		case err == nil && ParseRemote(recorded).URL == r.URL:
			// A clone made before passwords were kept out of the cache.
			if _, err := g.Run(ctx, "remote", "set-url", "origin", r.URL); err != nil {
				return false, err
			}
		default:
			return false, fmt.Errorf("cache %s holds a clone of another repository; remove it or choose another --cache", dir)
		}
	} else {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return false, err
		}
		if _, err := g.Run(ctx, "init", "-q"); err != nil {
			return false, err
		}
		if _, err := g.Run(ctx, "remote", "add", "origin", r.URL); err != nil {
			return false, err
		}
	}
	heads, err := remoteHeads(ctx, g)
	if err != nil {
		return false, err
	}
	exists := slices.Contains(heads, branch)
	if !exists && len(heads) > 0 && !create {
		return false, fmt.Errorf("%w %q: the repository has %s; check --branch, or pass --create-branch to start a new branch with the whole catalog", ErrUnknownBranch, branch, strings.Join(heads, ", "))
	}
	if exists {
		if _, err := g.Run(ctx, "fetch", "-q", "--no-tags", "origin", "+refs/heads/"+branch+":refs/remotes/origin/"+branch); err != nil {
			return false, err
		}
		if _, err := g.Run(ctx, "checkout", "-q", "-B", branch, "refs/remotes/origin/"+branch); err != nil {
			return false, err
		}
		if _, err := g.Run(ctx, "reset", "-q", "--hard", "refs/remotes/origin/"+branch); err != nil {
			return false, err
		}
	} else {
		// A new branch (or an empty repository): start from nothing.
		if _, err := g.Run(ctx, "checkout", "-q", "--orphan", branch+"-catalogen-tmp"); err != nil {
			return false, err
		}
		_, _ = g.Run(ctx, "rm", "-rq", "--cached", "--ignore-unmatch", ".")
		_, _ = g.Run(ctx, "branch", "-D", branch)
		if _, err := g.Run(ctx, "checkout", "-q", "--orphan", branch); err != nil {
			return false, err
		}
		_, _ = g.Run(ctx, "branch", "-D", branch+"-catalogen-tmp")
	}
	if _, err := g.Run(ctx, "clean", "-q", "-fdx"); err != nil {
		return false, err
	}
	return exists, nil
}

// remoteHeads lists the remote's branch names.
func remoteHeads(ctx context.Context, g Git) ([]string, error) {
	out, err := g.Run(ctx, "ls-remote", "--heads", "origin")
	if err != nil {
		return nil, fmt.Errorf("cannot reach the catalog repository: %w", err)
	}
	var heads []string
	for _, line := range strings.Split(string(out), "\n") {
		if _, ref, ok := strings.Cut(strings.TrimSpace(line), "\t"); ok {
			if name, ok := strings.CutPrefix(ref, "refs/heads/"); ok {
				heads = append(heads, name)
			}
		}
	}
	sort.Strings(heads)
	return heads, nil
}

// CheckBranch refuses what is not a plain branch name: a full ref
// (refs/heads/x would become refs/heads/refs/heads/x), an option, or a
// name git does not allow.
func CheckBranch(ctx context.Context, branch string) error {
	if rest, ok := strings.CutPrefix(branch, "refs/heads/"); ok {
		return fmt.Errorf("%q is a ref, not a branch name: use --branch %s", branch, rest)
	}
	if branch == "" || strings.HasPrefix(branch, "-") || strings.HasPrefix(branch, "refs/") {
		return fmt.Errorf("%q is not a branch name", branch)
	}
	if _, err := (Git{}).Run(ctx, "check-ref-format", "--branch", branch); err != nil {
		return fmt.Errorf("%q is not a name git allows for a branch", branch)
	}
	return nil
}

// Status lists changed paths under dir's work tree (porcelain format).
func (g Git) Status(ctx context.Context, paths ...string) ([]string, error) {
	args := append([]string{"status", "--porcelain", "--untracked-files=all", "--"}, paths...)
	out, err := g.Run(ctx, args...)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// Commit stages everything under paths and commits it. The author comes
// from git's configuration, or catalogen's own identity when there is none.
func (g Git) Commit(ctx context.Context, message string, paths ...string) (string, error) {
	if _, err := g.Run(ctx, append([]string{"add", "-A", "--"}, paths...)...); err != nil {
		return "", err
	}
	args := []string{"commit", "-q", "-F", "-"}
	if out, _ := g.Run(ctx, "config", "user.email"); strings.TrimSpace(string(out)) == "" {
		args = append([]string{"-c", "user.name=catalogen", "-c", "user.email=catalogen@localhost"}, args...)
	}
	if _, err := g.run(ctx, strings.NewReader(message), args...); err != nil {
		return "", err
	}
	out, err := g.Run(ctx, "rev-parse", "HEAD")
	return strings.TrimSpace(string(out)), err
}

// Push sends the current branch to origin without ever forcing. A rejected
// push (the remote moved) returns ErrPushRejected.
func (g Git) Push(ctx context.Context, branch string) error {
	_, err := g.Run(ctx, "push", "-q", "origin", "HEAD:refs/heads/"+branch)
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, s := range []string{"rejected", "fetch first", "non-fast-forward", "failed to update ref", "cannot lock ref"} {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w: %s", ErrPushRejected, msg)
		}
	}
	return err
}
