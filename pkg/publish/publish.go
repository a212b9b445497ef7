// Package publish keeps a catalog git repository in step with the
// blueprints: it syncs a cached clone to the remote branch, renders into it
// with build's rules (released folders immutable, new releases in new
// folders), lints the result, commits what changed and pushes — never with
// force. When the remote moved meanwhile, it starts again on top of it a
// bounded number of times.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/catalogen/catalogen/pkg/build"
	"github.com/catalogen/catalogen/pkg/catalogdir"
	"github.com/catalogen/catalogen/pkg/gitrepo"
	"github.com/catalogen/catalogen/pkg/lintconfig"
	"github.com/catalogen/catalogen/pkg/lintrun"
)

// MaxAttempts bounds how often a rejected push is retried on top of the
// moved remote.
const MaxAttempts = 5

// Options describe one publish.
type Options struct {
	Repo    string // URL or local path of the catalog repository
	Branch  string // default "main"
	Message string // first line of the commit message; a summary follows
	DryRun  bool   // show the diff and the message; touch nothing remote
	Cache   string // folder for clones (default: the user cache folder)
	// CreateBranch allows publishing to a branch the repository does not
	// have yet (an empty repository needs no permission).
	CreateBranch bool

	// Config is the lint configuration; nil uses the repository's own
	// .catalogen.yaml at its root, if it has one (NoConfig: none at all).
	Config   *lintconfig.Config
	NoConfig bool
	// Log receives progress lines and the dry-run output.
	Log io.Writer

	// beforePush runs just before each push; tests use it to move the
	// remote and exercise the retry.
	beforePush func(attempt int)
}

// Result says what a publish did.
type Result struct {
	Commit     string // the pushed commit ("" when nothing was pushed)
	UpToDate   bool   // the remote already held exactly the catalog
	NewFolders []catalogdir.NewFolder
	Changed    []string
	Message    string
	Attempts   int
	Diff       string // dry run only
	// Build is the planned build, with its lint findings (also when
	// publishing stopped on them: ErrLint).
	Build *build.Result
}

// ErrReleasedChanged means the repository holds a released version folder
// that the blueprints do not render byte for byte; nothing was pushed.
var ErrReleasedChanged = errors.New("refusing to publish: the catalog repository holds released version folders that the blueprints do not produce")

// ErrBadRepo means the repository argument is missing or not supported.
var ErrBadRepo = errors.New("bad --repo")

// ErrBadBranch means --branch is not a plain branch name.
var ErrBadBranch = errors.New("bad --branch")

// ErrUnknownBranch means --branch names no branch of the repository and
// creating one was not asked for.
var ErrUnknownBranch = gitrepo.ErrUnknownBranch

// ErrLint means the rendered catalog has lint errors; nothing was pushed.
var ErrLint = errors.New("the rendered catalog has lint errors; nothing was pushed")

// Publish builds the rendered blueprints into the repository, linting the
// result like build does, and pushes it.
func Publish(ctx context.Context, cat *build.Rendered, o Options) (*Result, error) {
	if o.Branch == "" {
		o.Branch = "main"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	url, err := normalizeURL(o.Repo)
	if err != nil {
		return nil, err
	}
	if err := gitrepo.CheckBranch(ctx, o.Branch); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadBranch, err)
	}
	remote := gitrepo.ParseRemote(url)
	cache := o.Cache
	if cache == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("no cache folder: %w (set --cache)", err)
		}
		cache = filepath.Join(base, "catalogen", "repos")
	}
	dir := gitrepo.CacheDir(cache, remote.URL)
	release, err := gitrepo.Lock(ctx, dir, o.Log)
	if err != nil {
		return nil, err
	}
	defer release()
	names := cat.Entries()

	for attempt := 1; attempt <= MaxAttempts; attempt++ {
		res, err := publishOnce(ctx, cat, names, remote, dir, attempt, o)
		if !errors.Is(err, gitrepo.ErrPushRejected) {
			return res, err
		}
		fmt.Fprintf(o.Log, "the remote branch %s moved while publishing; starting again on top of it (attempt %d of %d)\n", o.Branch, attempt+1, MaxAttempts)
	}
	return nil, fmt.Errorf("%s kept moving: gave up after %d attempts; nothing of ours was pushed, run publish again", o.Branch, MaxAttempts)
}

func publishOnce(ctx context.Context, cat *build.Rendered, names []string, remote gitrepo.Remote, dir string, attempt int, o Options) (*Result, error) {
	exists, err := gitrepo.Sync(ctx, remote, o.Branch, dir, o.CreateBranch)
	if err != nil {
		return nil, hideCache(err, dir)
	}
	if !exists {
		fmt.Fprintf(o.Log, "branch %s does not exist yet in %s: publishing starts it\n", o.Branch, gitrepo.Redacted(o.Repo))
	}
	existing, err := catalogdir.Read(dir, names)
	if err != nil {
		return nil, hideCache(err, dir)
	}
	// Messages name files by their path in the repository, not in the
	// cache folder, which is catalogen's own business.
	existing.Display = ""
	cfg := o.Config
	if cfg == nil && !o.NoConfig {
		if cfg, err = repoConfig(dir); err != nil {
			return nil, err
		}
	}
	b, err := cat.Plan(existing, cfg)
	if err != nil {
		var imm *catalogdir.ImmutableError
		if errors.As(err, &imm) {
			return nil, fmt.Errorf("%w (edited by hand, or the blueprints now render a released release differently):\n%w", ErrReleasedChanged, err)
		}
		return nil, err
	}
	if b.Failed() {
		return &Result{Build: b, Attempts: attempt}, ErrLint
	}
	plan := b.Plan
	res := &Result{NewFolders: plan.NewFolders, Changed: plan.Changed, Attempts: attempt, Build: b}
	if plan.UpToDate() {
		res.UpToDate = true
		return res, nil
	}
	res.Message = commitMessage(o.Message, plan, exists)
	if o.DryRun {
		res.Diff = plan.Diff()
		return res, nil
	}
	if err := catalogdir.Write(dir, plan); err != nil {
		return nil, hideCache(err, dir)
	}
	g := gitrepo.Git{Dir: dir, Env: remote.Env()}
	if _, err := g.Commit(ctx, res.Message, "."); err != nil {
		return nil, hideCache(err, dir)
	}
	if o.beforePush != nil {
		o.beforePush(attempt)
	}
	if err := g.Push(ctx, o.Branch); err != nil {
		return nil, hideCache(err, dir)
	}
	out, err := g.Run(ctx, "rev-parse", "HEAD")
	if err != nil {
		return nil, err
	}
	res.Commit = strings.TrimSpace(string(out))
	return res, nil
}

// repoConfig reads the catalog repository's own .catalogen.yaml (at its
// root), the file lint uses on a checkout of it.
func repoConfig(dir string) (*lintconfig.Config, error) {
	cfg, err := lintrun.Config(dir, dir, lintrun.Options{})
	if err != nil {
		return nil, hideCache(fmt.Errorf("the repository's configuration: %w", err), dir)
	}
	return cfg, nil
}

// hideCache names paths inside the cached clone relative to the
// repository, so that messages never show the cache folder.
func hideCache(err error, dir string) error {
	msg := err.Error()
	clean := strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
	if clean == msg {
		return err
	}
	return &cacheError{msg: clean, err: err}
}

type cacheError struct {
	msg string
	err error
}

func (e *cacheError) Error() string { return e.msg }
func (e *cacheError) Unwrap() error { return e.err }

// commitMessage lists the versions added and the files changed.
func commitMessage(title string, plan *catalogdir.Plan, branchExisted bool) string {
	var b strings.Builder
	if title == "" {
		switch {
		case !branchExisted:
			title = "Publish the catalog"
		case len(plan.NewFolders) == 1:
			nf := plan.NewFolders[0]
			title = fmt.Sprintf("Add %s %s", nf.Entry, nf.Version)
		case len(plan.NewFolders) > 1:
			title = fmt.Sprintf("Add %d catalog versions", len(plan.NewFolders))
		default:
			title = "Update catalog entries"
		}
	}
	b.WriteString(title + "\n")
	if len(plan.NewFolders) > 0 {
		b.WriteString("\nVersions added:\n")
		for _, nf := range plan.NewFolders {
			fmt.Fprintf(&b, "- %s %s (%s)\n", nf.Entry, nf.Version, nf.Path)
		}
	}
	var other []string
	inNew := func(p string) bool {
		for _, nf := range plan.NewFolders {
			if strings.HasPrefix(p, strings.TrimSuffix(nf.Path, "/")+"/") {
				return true
			}
		}
		return false
	}
	for _, p := range plan.Changed {
		if !inNew(p) {
			other = append(other, p)
		}
	}
	if len(other) > 0 {
		sort.Strings(other)
		b.WriteString("\nChanged:\n")
		for _, p := range other {
			fmt.Fprintf(&b, "- %s\n", p)
		}
	}
	b.WriteString("\nRendered by catalogen from the blueprints.\n")
	return b.String()
}

// normalizeURL accepts local paths, file://, ssh://, https:// and git://
// URLs (and scp-like user@host:path); local paths become absolute so that a
// cached clone keeps pointing at them.
func normalizeURL(repo string) (string, error) {
	if repo == "" {
		return "", fmt.Errorf("%w: give a local path or a file://, ssh://, https:// or git:// URL", ErrBadRepo)
	}
	// git reads `<transport>::<address>` as a remote helper: ext:: runs a
	// command, fd:: uses file descriptors. Neither is a catalog repository.
	if t, _, ok := strings.Cut(repo, "::"); ok && !strings.ContainsAny(t, "/:") {
		return "", fmt.Errorf("%w: %q uses git's %s:: transport, which publish refuses: use a local path or a file://, ssh://, https:// or git:// URL", ErrBadRepo, repo, t)
	}
	if strings.HasPrefix(repo, "-") {
		return "", fmt.Errorf("%w: %q is not a repository (it reads as an option)", ErrBadRepo, repo)
	}
	for _, scheme := range []string{"file://", "ssh://", "https://", "http://", "git://"} {
		if strings.HasPrefix(repo, scheme) {
			return repo, nil
		}
	}
	if strings.Contains(repo, "://") {
		return "", fmt.Errorf("%w: unsupported repository URL %q: use a local path or a file://, ssh://, https:// or git:// URL", ErrBadRepo, repo)
	}
	if i := strings.Index(repo, ":"); i > 0 && !strings.ContainsAny(repo[:i], "/\\") && len(repo[:i]) > 1 {
		return repo, nil // scp-like ssh: git@host:org/catalog.git
	}
	abs, err := filepath.Abs(repo)
	if err != nil {
		return "", err
	}
	return path.Clean(filepath.ToSlash(abs)), nil
}
