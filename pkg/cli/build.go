package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/catalogdir"
	"github.com/catalogen/catalogen/pkg/render"
)

func init() { register(newBuildCommand) }

type buildOptions struct {
	out        string
	blueprints []string
	check      bool
	diff       bool
	publish    publishOptions // with --repo: build into the catalog repository
}

func newBuildCommand() *cobra.Command {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Render blueprints into versioned catalog folders",
		Long: `Build renders blueprints (an application's releases, its entries and their
questions) and Go templates into a Rancher 1.x catalog under --out:
templates/<entry>/config.yml, the icon, and one numbered folder per release.

Released folders never change. Build reads what --out already holds: a
release already there keeps its folder number and must render byte for byte
the same, or build stops and explains how to add a packaging revision
instead; a new release gets the entry's next folder number. The rendered tree
is linted before anything is written; then each new folder and changed file
is written under a temporary name and renamed into place (a journal lets the
next build complete an interrupted one), so a failed build leaves --out as
it was, and nothing else in --out is touched. The same inputs always give
the same bytes.

Without --blueprint, the built-in blueprints are used (Harbor in three
topologies); they are embedded, so build needs neither a checkout nor a
network.

` + exitCodesHelp,
		Example: `  catalogen build --out ./out                   # render the built-in Harbor blueprints
  catalogen build --out ./out --diff            # preview: what would change, write nothing
  catalogen build --out ./out --check           # CI: exit 1 with a diff if ./out is stale
  catalogen build --blueprint my-app.yaml --out ../my-catalog
  catalogen build --repo git@github.com:acme/rancher-catalog.git   # same as publish`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.publish.repo != "" {
				return runBuildRepo(cmd, o)
			}
			return runBuild(cmd.OutOrStdout(), cmd.ErrOrStderr(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "./out", "catalog folder to build into (created if missing)")
	f.StringArrayVar(&o.blueprints, "blueprint", nil, "blueprint `FILE` to build; repeat for several (default: the built-in blueprints)")
	f.BoolVar(&o.check, "check", false, "write nothing; exit 1 and print a diff when --out is not up to date")
	f.BoolVar(&o.diff, "diff", false, "write nothing; print what build would change and exit 0 (1 when build would refuse because a released folder would change)")
	f.StringVar(&o.publish.repo, "repo", "", "build into the catalog git repository at `URL` and push, exactly like catalogen publish (--diff becomes a dry run)")
	addPublishFlags(cmd, &o.publish, false)
	cmd.MarkFlagsMutuallyExclusive("check", "diff")
	cmd.MarkFlagsMutuallyExclusive("repo", "out")
	cmd.MarkFlagsMutuallyExclusive("repo", "check")
	return cmd
}

// runBuildRepo is build --repo: publishing, for those who think of it as
// building into the catalog repository.
func runBuildRepo(cmd *cobra.Command, o buildOptions) error {
	o.publish.blueprints = o.blueprints
	o.publish.dryRun = o.diff
	return runPublish(cmd, o.publish)
}

func runBuild(stdout, stderr io.Writer, o buildOptions) error {
	if o.out == "" {
		return usageErrorf("--out must name a folder")
	}
	bps, err := loadBlueprints(o.blueprints)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	cat, err := render.Render(bps)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	names := make([]string, len(cat.Entries))
	for i, e := range cat.Entries {
		names[i] = e.Name
	}
	existing, err := catalogdir.Read(o.out, names)
	if err != nil {
		return withCode(ExitFindings, err)
	}
	plan, err := catalogdir.MakePlan(cat, existing)
	if err != nil {
		var imm *catalogdir.ImmutableError
		if errors.As(err, &imm) {
			return withCode(ExitFindings, err)
		}
		return withCode(ExitInternal, err)
	}
	lintErrors, err := lintRendered(plan.Files, stderr)
	if err != nil {
		return withCode(ExitInternal, fmt.Errorf("linting the rendered catalog: %w", err))
	}
	if o.diff || o.check {
		for _, nf := range plan.NewFolders {
			fmt.Fprintf(stderr, "would add  %s  (%s %s)\n", nf.Path, nf.Entry, nf.Version)
		}
	}
	switch {
	case o.diff:
		_, err := io.WriteString(stdout, plan.Diff())
		return err
	case lintErrors:
		return withCode(ExitFindings, fmt.Errorf("the rendered catalog has lint errors (above); nothing was written to %s", o.out))
	case o.check:
		if plan.UpToDate() {
			fmt.Fprintf(stdout, "%s is up to date\n", o.out)
			return nil
		}
		if _, err := io.WriteString(stdout, plan.Diff()); err != nil {
			return err
		}
		return withCode(ExitFindings, fmt.Errorf("%s is not up to date: %d file(s) differ; run catalogen build --out %s", o.out, len(plan.Changed), o.out))
	}
	if plan.UpToDate() {
		fmt.Fprintf(stdout, "%s is up to date; nothing written\n", o.out)
		return nil
	}
	if err := catalogdir.Write(o.out, plan); err != nil {
		return withCode(ExitInternal, fmt.Errorf("writing %s: %w (it was left as it was)", o.out, err))
	}
	for _, nf := range plan.NewFolders {
		fmt.Fprintf(stdout, "new  %s  (%s %s)\n", nf.Path, nf.Entry, nf.Version)
	}
	fmt.Fprintf(stdout, "wrote %d file(s) to %s\n", len(plan.Changed), o.out)
	return nil
}

func loadBlueprints(files []string) ([]*blueprint.Blueprint, error) {
	if len(files) == 0 {
		return blueprint.Builtin()
	}
	var out []*blueprint.Blueprint
	for _, f := range files {
		bp, err := blueprint.LoadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, bp)
	}
	return out, nil
}
