package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/catalogen/catalogen/pkg/build"
	"github.com/catalogen/catalogen/pkg/gitrepo"
	"github.com/catalogen/catalogen/pkg/publish"
	"github.com/spf13/cobra"
)

func init() { register(newPublishCommand) }

type publishOptions struct {
	repo, branch, message, cache string
	dryRun                       bool
	createBranch                 bool
	blueprints                   []string
	lint                         lintConfigOptions
}

func addPublishFlags(cmd *cobra.Command, o *publishOptions, withRepo bool) {
	f := cmd.Flags()
	if withRepo {
		f.StringVar(&o.repo, "repo", "", "catalog git repository: a local path or a file://, ssh://, https:// or git:// URL (required)")
	}
	f.StringVar(&o.branch, "branch", "main", "branch that Rancher reads the catalog from")
	f.StringVar(&o.message, "message", "", "first line of the commit message (default: names the versions added)")
	f.StringVar(&o.cache, "cache", "", "folder for cached clones (default: the user cache folder)")
	f.BoolVar(&o.createBranch, "create-branch", false, "allow --branch to name a branch the repository does not have yet (it is started with the whole catalog)")
}

func newPublishCommand() *cobra.Command {
	var o publishOptions
	cmd := &cobra.Command{
		Use:   "publish --repo URL",
		Short: "Render the blueprints into a catalog git repository and push",
		Long: `Publish keeps the catalog repository that Rancher reads (URL plus branch) in
step with the blueprints. It clones the repository (or reuses a clone in the
cache folder), renders into it with the same rules as build — released
version folders never change, a new release gets a new folder — lints the
result, commits with a message that lists the versions added and changed,
and pushes.

It never force-pushes. When the branch moved meanwhile (the push is
rejected), it fetches, renders again on top and retries, at most ` + fmt.Sprint(publish.MaxAttempts) + ` times.
It refuses to publish when the repository holds a change to a released
version folder that the blueprints do not produce, and names the files.
Publishing when nothing changed makes no commit and says so.

Repositories are reached with the git command, so the credentials, SSH keys
and credential helpers of the machine apply.

` + exitCodesHelp,
		Example: `  catalogen publish --repo git@github.com:acme/rancher-catalog.git
  catalogen publish --repo https://git.example.com/ops/catalog.git --branch production --dry-run
  catalogen publish --repo ../catalog --message "Harbor 1.2.2"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runPublish(cmd, o)
		},
	}
	addPublishFlags(cmd, &o, true)
	addLintConfigFlags(cmd, &o.lint)
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "show the diff and the commit message; push nothing")
	cmd.Flags().StringArrayVar(&o.blueprints, "blueprint", nil, "blueprint `FILE` to publish; repeat for several (default: the built-in blueprints)")
	_ = cmd.MarkFlagRequired("repo")
	return cmd
}

func runPublish(cmd *cobra.Command, o publishOptions) error {
	bps, err := loadBlueprints(o.blueprints)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	cat, err := build.Render(bps)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	return publishCatalog(cmd, cat, o)
}

func publishCatalog(cmd *cobra.Command, cat *build.Rendered, o publishOptions) error {
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	opts := publish.Options{
		Repo: o.repo, Branch: o.branch, Message: o.message, DryRun: o.dryRun, Cache: o.cache, CreateBranch: o.createBranch,
		Log: errw, NoConfig: o.lint.noConfig,
	}
	if o.lint.config != "" {
		cfg, err := buildConfig("", o.lint)
		if err != nil {
			return err
		}
		opts.Config = cfg
	}
	res, err := publish.Publish(cmd.Context(), cat, opts)
	if res != nil && res.Build != nil {
		if err := printBuildFindings(errw, res.Build); err != nil {
			return err
		}
	}
	switch {
	case errors.Is(err, publish.ErrLint):
		return withCode(ExitFindings, err)
	case errors.Is(err, publish.ErrReleasedChanged):
		return withCode(ExitFindings, err)
	case errors.Is(err, publish.ErrBadRepo), errors.Is(err, publish.ErrBadBranch), errors.Is(err, publish.ErrUnknownBranch):
		return withCode(ExitUsage, err)
	case err != nil:
		return withCode(ExitInternal, err)
	}
	if res.UpToDate {
		fmt.Fprintf(out, "%s (%s) is up to date: nothing to publish, no commit made\n", gitrepo.Redacted(o.repo), o.branch)
		return nil
	}
	if o.dryRun {
		fmt.Fprintf(out, "Dry run: nothing was pushed. The commit would be:\n\n%s\n", indentLines(res.Message))
		_, err := io.WriteString(out, res.Diff)
		return err
	}
	for _, nf := range res.NewFolders {
		fmt.Fprintf(out, "new  %s  (%s %s)\n", nf.Path, nf.Entry, nf.Version)
	}
	fmt.Fprintf(out, "pushed %s to %s (%s): %d file(s) changed\n", short(res.Commit), gitrepo.Redacted(o.repo), o.branch, len(res.Changed))
	return nil
}

func indentLines(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}
