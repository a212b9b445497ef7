// Package gitrepo is catalogen's narrow use of git, through the git command:
// reading a catalog as it was at a revision, and (for publish) cloning,
// committing and pushing a catalog repository.
package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// Git runs git commands in one working directory.
type Git struct {
	Dir string
	// Env is added to the environment of every command.
	Env []string
}

// Run executes git with args and returns its standard output. Errors carry
// git's own message.
func (g Git) Run(ctx context.Context, args ...string) ([]byte, error) {
	return g.run(ctx, nil, args...)
}

func (g Git) run(ctx context.Context, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = g.Dir
	cmd.Stdin = stdin
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	cmd.Env = append(cmd.Env, g.Env...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return out.Bytes(), fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
		}
		return nil, fmt.Errorf("git %s: %w (is git installed?)", args[0], err)
	}
	return out.Bytes(), nil
}

// TopLevel returns the root of the work tree that holds dir.
func TopLevel(ctx context.Context, dir string) (string, error) {
	out, err := Git{Dir: dir}.Run(ctx, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("%s is not inside a git work tree: %w", dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// ResolveCommit turns a revision into a commit id.
func (g Git) ResolveCommit(ctx context.Context, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("bad revision %q", rev)
	}
	out, err := g.Run(ctx, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		return "", fmt.Errorf("unknown revision %q: give a branch, tag or commit that exists here (fetch it first in shallow CI clones)", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// ReadTree returns the regular files under prefix (a slash path relative to
// the repository root; "" for all) at revision rev, keyed by their path
// relative to prefix. Symbolic links and submodules are left out, as
// Rancher's catalog service ignores them.
func (g Git) ReadTree(ctx context.Context, rev, prefix string) (map[string][]byte, error) {
	commit, err := g.ResolveCommit(ctx, rev)
	if err != nil {
		return nil, err
	}
	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit}
	if prefix != "" && prefix != "." {
		args = append(args, "--", prefix)
	}
	out, err := g.Run(ctx, args...)
	if err != nil {
		return nil, err
	}
	type blob struct{ id, path string }
	var blobs []blob
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, path, ok := strings.Cut(string(rec), "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 || fields[1] != "blob" || fields[0] == "120000" {
			continue
		}
		rel := path
		if prefix != "" && prefix != "." {
			rel = strings.TrimPrefix(strings.TrimPrefix(path, strings.TrimSuffix(prefix, "/")), "/")
		}
		blobs = append(blobs, blob{fields[2], rel})
	}
	var req bytes.Buffer
	for _, b := range blobs {
		req.WriteString(b.id + "\n")
	}
	raw, err := g.run(ctx, &req, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(blobs))
	r := bufio.NewReader(bytes.NewReader(raw))
	for _, b := range blobs {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %w", b.path, rev, err)
		}
		f := strings.Fields(header)
		if len(f) != 3 {
			return nil, fmt.Errorf("reading %s at %s: unexpected %q", b.path, rev, header)
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, err
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, err
		}
		if _, err := r.ReadByte(); err != nil { // the newline after each object
			return nil, err
		}
		files[b.path] = data
	}
	return files, nil
}
