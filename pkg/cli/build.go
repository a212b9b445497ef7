package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/build"
	"github.com/catalogen/catalogen/pkg/catalogdir"
	"github.com/catalogen/catalogen/pkg/lintconfig"
	"github.com/catalogen/catalogen/pkg/lintrun"
	"github.com/catalogen/catalogen/pkg/report"
)

func init() { register(newBuildCommand) }

type buildOptions struct {
	out        string
	blueprints []string
	check      bool
	diff       bool
	publish    publishOptions // with --repo: build into the catalog repository
	lint       lintConfigOptions
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
is linted before anything is written, with the same rules and configuration
as catalogen lint (--config, or the .catalogen.yaml found from --out up to
its repository's root); a finding in a generated file is shown at the
template line or blueprint field it comes from, once, with the releases it
affects. Then each new folder and changed file
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
	addLintConfigFlags(cmd, &o.lint)
	cmd.MarkFlagsMutuallyExclusive("check", "diff")
	cmd.MarkFlagsMutuallyExclusive("repo", "out")
	cmd.MarkFlagsMutuallyExclusive("repo", "check")
	return cmd
}

// runBuildRepo is build --repo: publishing, for those who think of it as
// building into the catalog repository.
func runBuildRepo(cmd *cobra.Command, o buildOptions) error {
	o.publish.blueprints = o.blueprints
	o.publish.lint = o.lint
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
	rendered, err := build.Render(bps)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	existing, err := catalogdir.Read(o.out, rendered.Entries())
	if err != nil {
		return withCode(ExitFindings, err)
	}
	cfg, err := buildConfig(o.out, o.lint)
	if err != nil {
		return err
	}
	res, err := rendered.Plan(existing, cfg)
	if err != nil {
		var imm *catalogdir.ImmutableError
		if errors.As(err, &imm) {
			return withCode(ExitFindings, err)
		}
		return withCode(ExitInternal, err)
	}
	if err := printBuildFindings(stderr, res); err != nil {
		return err
	}
	plan := res.Plan
	if o.diff || o.check {
		for _, nf := range plan.NewFolders {
			fmt.Fprintf(stderr, "would add  %s  (%s %s)\n", nf.Path, nf.Entry, nf.Version)
		}
	}
	switch {
	case o.diff:
		_, err := io.WriteString(stdout, plan.Diff())
		return err
	case res.Failed():
		return withCode(ExitFindings, fmt.Errorf("the rendered catalog has lint findings that fail the build (above); nothing was written to %s", o.out))
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

// printBuildFindings prints a build's findings, each at the template line
// or blueprint field it comes from, when there are any.
func printBuildFindings(w io.Writer, res *build.Result) error {
	if len(res.Findings) == 0 {
		return nil
	}
	rep := res.Report()
	rep.Version = versionString()
	return report.Write(w, "text", rep)
}

// buildConfig is the lint configuration a build honours: --config, or
// the .catalogen.yaml found from the output folder up to its repository's
// root (the file lint would use on that catalog), unless --no-config.
func buildConfig(out string, o lintConfigOptions) (*lintconfig.Config, error) {
	if o.config == "" && !o.noConfig {
		if st, err := os.Stat(out); err != nil || !st.IsDir() {
			return nil, nil // a new folder has no configuration yet
		}
	}
	cfg, err := lintrun.Config(out, out, lintrun.Options{Config: o.config, NoConfig: o.noConfig})
	if err != nil {
		return nil, lintError(err)
	}
	return cfg, nil
}

// lintConfigOptions are the configuration flags build and publish share
// with lint.
type lintConfigOptions struct {
	config   string
	noConfig bool
}

func addLintConfigFlags(cmd *cobra.Command, o *lintConfigOptions) {
	cmd.Flags().StringVar(&o.config, "config", "", "lint configuration `FILE` (default: "+lintconfig.FileName+" from the catalog folder up to its repository root)")
	cmd.Flags().BoolVar(&o.noConfig, "no-config", false, "ignore "+lintconfig.FileName+" files")
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
