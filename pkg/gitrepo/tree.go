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

// AllowedProtocols are the git transports catalogen uses (file covers
// local paths), in GIT_ALLOW_PROTOCOL's syntax.
const AllowedProtocols = "file:git:ssh:http:https"

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
	// Only the transports catalogen supports, whatever the user's git
	// configuration allows: ext:: and fd:: would run commands or use
	// descriptors named by a repository argument.
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C", "GIT_ALLOW_PROTOCOL="+AllowedProtocols)
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

// Bounds on reading a revision: lint --base must not read a huge blob of
// the base revision into memory (the loader refuses files that large
// anyway), nor an unbounded tree.
const (
	MaxBlobSize = 8 << 20   // bytes of one file
	MaxTreeSize = 512 << 20 // bytes of all files read from one revision
)

// ReadTree returns the regular files under prefix (a slash path relative to
// the repository root; "" for all) at revision rev, keyed by their path
// relative to prefix. Symbolic links and submodules are left out, as
// Rancher's catalog service ignores them, and so are files above
// MaxBlobSize, whose size is known before any of them is read (see
// ReadTreeSizes).
func (g Git) ReadTree(ctx context.Context, rev, prefix string) (map[string][]byte, error) {
	files, _, err := g.ReadTreeSizes(ctx, rev, prefix)
	return files, err
}

// ReadTreeSizes is ReadTree that also returns the files left out for their
// size, with their size.
func (g Git) ReadTreeSizes(ctx context.Context, rev, prefix string) (map[string][]byte, map[string]int64, error) {
	commit, err := g.ResolveCommit(ctx, rev)
	if err != nil {
		return nil, nil, err
	}
	args := []string{"ls-tree", "-r", "-z", "-l", "--full-tree", commit}
	if prefix != "" && prefix != "." {
		args = append(args, "--", prefix)
	}
	out, err := g.Run(ctx, args...)
	if err != nil {
		return nil, nil, err
	}
	type blob struct {
		id, path string
		size     int64
	}
	var blobs []blob
	oversized := map[string]int64{}
	var total int64
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, path, ok := strings.Cut(string(rec), "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 4 || fields[1] != "blob" || fields[0] == "120000" {
			continue
		}
		size, err := strconv.ParseInt(fields[3], 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s at %s: unexpected size %q", path, rev, fields[3])
		}
		rel := path
		if prefix != "" && prefix != "." {
			rel = strings.TrimPrefix(strings.TrimPrefix(path, strings.TrimSuffix(prefix, "/")), "/")
		}
		if size > MaxBlobSize {
			oversized[rel] = size
			continue
		}
		total += size
		if total > MaxTreeSize {
			return nil, nil, fmt.Errorf("the files under %q at %s add up to more than %d MiB; lint a smaller folder", prefix, rev, MaxTreeSize>>20)
		}
		blobs = append(blobs, blob{fields[2], rel, size})
	}
	files := make(map[string][]byte, len(blobs))
	if len(blobs) == 0 {
		return files, oversized, nil
	}
	var req bytes.Buffer
	for _, b := range blobs {
		req.WriteString(b.id + "\n")
	}
	// The blobs stream through a pipe; each is read into a buffer of the
	// size ls-tree announced, so a blob that is not what it said fails.
	cmd := exec.CommandContext(ctx, "git", "cat-file", "--batch")
	cmd.Dir = g.Dir
	cmd.Stdin = &req
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C", "GIT_ALLOW_PROTOCOL="+AllowedProtocols)
	cmd.Env = append(cmd.Env, g.Env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, fmt.Errorf("git cat-file: %w (is git installed?)", err)
	}
	readErr := func() error {
		r := bufio.NewReader(pipe)
		for _, b := range blobs {
			header, err := r.ReadString('\n')
			if err != nil {
				return fmt.Errorf("reading %s at %s: %w", b.path, rev, err)
			}
			f := strings.Fields(header)
			if len(f) != 3 || f[2] != strconv.FormatInt(b.size, 10) {
				return fmt.Errorf("reading %s at %s: unexpected %q", b.path, rev, header)
			}
			data := make([]byte, b.size)
			if _, err := io.ReadFull(r, data); err != nil {
				return err
			}
			if _, err := r.ReadByte(); err != nil { // the newline after each object
				return err
			}
			files[b.path] = data
		}
		return nil
	}()
	if readErr != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, nil, readErr
	}
	if err := cmd.Wait(); err != nil {
		return nil, nil, fmt.Errorf("git cat-file: %s", strings.TrimSpace(stderr.String()))
	}
	return files, oversized, nil
}
