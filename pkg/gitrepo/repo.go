package gitrepo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrPushRejected means the remote branch moved since it was fetched.
var ErrPushRejected = errors.New("push rejected: the remote branch moved")

// CacheDir is where clones of a remote are kept between runs.
func CacheDir(base, url string) string {
	sum := sha256.Sum256([]byte(url))
	return filepath.Join(base, hex.EncodeToString(sum[:8]))
}

// Sync makes dir a clone of url whose work tree is exactly the remote branch
// (or empty on a new branch). It reuses an existing clone of the same URL.
// It returns whether the branch exists on the remote.
func Sync(ctx context.Context, url, branch, dir string) (bool, error) {
	g := Git{Dir: dir}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		out, err := g.Run(ctx, "config", "--get", "remote.origin.url")
		if err != nil || strings.TrimSpace(string(out)) != url {
			return false, fmt.Errorf("cache %s holds a clone of another repository; remove it or choose another --cache", dir)
		}
	} else {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return false, err
		}
		if _, err := g.Run(ctx, "init", "-q"); err != nil {
			return false, err
		}
		if _, err := g.Run(ctx, "remote", "add", "origin", url); err != nil {
			return false, err
		}
	}
	exists, err := remoteHasBranch(ctx, g, branch)
	if err != nil {
		return false, err
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

func remoteHasBranch(ctx context.Context, g Git, branch string) (bool, error) {
	out, err := g.Run(ctx, "ls-remote", "--heads", "origin", "refs/heads/"+branch)
	if err != nil {
		return false, fmt.Errorf("cannot reach the catalog repository: %w", err)
	}
	return strings.TrimSpace(string(out)) != "", nil
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
