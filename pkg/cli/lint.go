package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/lintconfig"
	"github.com/catalogen/catalogen/pkg/lintrun"
	"github.com/catalogen/catalogen/pkg/report"
	"github.com/spf13/cobra"
)

func init() { register(newLintCommand) }

type lintOptions struct {
	format    string
	output    string
	failLevel string
	config    string
	noConfig  bool
	base      string
	all       bool
	color     string
	fix       bool
	diff      bool
	files     bool
}

var colorModes = []string{"auto", "always", "never"}

var failLevels = []string{"info", "warning", "error", "none"}

func newLintCommand() *cobra.Command {
	var o lintOptions
	cmd := &cobra.Command{
		Use:   "lint PATH...",
		Short: "Check Rancher 1.x catalogs the way Rancher 1.6 reads them",
		Long: `Lint checks Rancher 1.x (Cattle) catalogs: layout, config.yml, the .catalog
block and questions, Go templating, $ interpolation, compose schemas, sidekick
groups, scheduling labels, volumes, load balancers, Traefik labels, topology
and versions. Every finding has a file:line:col, a rule ID and a slug; see
` + "`catalogen rules`" + `.

A PATH is a catalog root (it holds templates/ or <kind>-templates/), a template
folder or a version folder; a PATH inside another PATH is linted once. Compose
files are rendered as Rancher's executor does (question defaults as answers, a
placeholder for required questions without one) so that semantic rules also
see templated versions.

Configuration: .catalogen.yaml, looked for from each PATH upward to the
repository root (or the catalog root outside a repository), or --config; the
file used is named on standard error. It turns rules off, changes severities
and excludes paths (excluded files are still read; their findings are not
reported). With --base, the release rules, the exclusions and the fail level
come from the configuration as it was at the base revision, so that a change
cannot switch its own gate off. Inline suppression:
  # catalogen:ignore RULE -- reason        (on the line or the line above)
  # catalogen:ignore-file RULE -- reason
The reason is required; a suppression that matches nothing is reported.

--fix rewrites files in place for the rules whose fix is mechanical and safe
(` + "`catalogen rules`" + ` marks them), keeping everything else byte for byte, and
reports what remains; --fix --diff only prints the changes.

Files above ` + fmt.Sprintf("%d MiB", catalog.MaxFileSize>>20) + ` are refused (rule L011); symbolic links are never followed.
Colours: --color auto (the default) uses them when standard output is a
terminal and NO_COLOR is not set.

` + exitCodesHelp,
		Example: `  catalogen lint ./out
  catalogen lint --format json ../community-catalog > findings.json
  catalogen lint --format sarif --output lint.sarif .
  catalogen lint --fail-level warning templates/harbor
  catalogen lint --format github .          # annotations in GitHub Actions
  catalogen lint --base origin/main .       # pull-request gate: released folders stay untouched
  catalogen lint --fix --diff .             # show the mechanical fixes; --fix alone applies them`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, args, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&o.failLevel, "fail-level", "", "lowest severity that makes the exit code 1: "+strings.Join(failLevels, ", ")+" (default error, or the config's fail-level)")
	f.StringVar(&o.config, "config", "", "configuration `FILE` (default: "+lintconfig.FileName+" from PATH up to the repository root)")
	f.BoolVar(&o.noConfig, "no-config", false, "ignore "+lintconfig.FileName+" files")
	f.StringVar(&o.base, "base", "", "pull-request mode: compare with git revision `REV` (released folders unchanged, new versions sort higher, folder numbers kept) and report only the entries the change touches")
	f.BoolVar(&o.all, "all", false, "with --base, report every entry, not only the touched ones")
	f.StringVar(&o.color, "color", "auto", "colours in the text format: "+strings.Join(colorModes, ", "))
	f.BoolVar(&o.fix, "fix", false, "apply the mechanical fixes of fixable rules to the files, then report what remains")
	f.BoolVar(&o.diff, "diff", false, "with --fix, print the fixes as a diff and change nothing")
	f.BoolVar(&o.files, "files", false, "the PATHs are changed files (as pre-commit passes them): lint the template folder of each, once; files outside template folders are skipped")
	cmd.MarkFlagsMutuallyExclusive("fix", "base")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-level", cobra.FixedCompletions(failLevels, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(colorModes, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func oneOf(v string, list []string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// failThreshold turns a --fail-level value into a severity; ok is false for
// "none" (never fail on findings).
func failThreshold(level string) (lint.Severity, bool, error) {
	if level == "" {
		return lint.Error, true, nil
	}
	if level == "none" {
		return 0, false, nil
	}
	s, err := lint.ParseSeverity(level)
	if err != nil {
		return 0, false, usageErrorf("--fail-level %q: use one of %s", level, strings.Join(failLevels, ", "))
	}
	return s, true, nil
}

// useColor decides --color: auto means a terminal on standard output, no
// NO_COLOR (https://no-color.org) and a TERM that is not "dumb".
func useColor(mode string, stdout io.Writer, toFile bool) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if toFile || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := stdout.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// lintRun is one lint of the command's paths.
type lintRun struct {
	rep       *report.Report
	failLevel string
	internal  []error
	cats      []*catalog.Catalog
	results   []*lint.Result
}

func runLint(cmd *cobra.Command, args []string, o lintOptions) error {
	if !oneOf(o.format, report.Formats) {
		return usageErrorf("unknown --format %q: use one of %s", o.format, strings.Join(report.Formats, ", "))
	}
	if !oneOf(o.color, colorModes) {
		return usageErrorf("unknown --color %q: use one of %s", o.color, strings.Join(colorModes, ", "))
	}
	if o.diff && !o.fix {
		return usageErrorf("--diff shows what --fix would change: give both, as in lint --fix --diff PATH")
	}
	if o.failLevel != "" {
		if _, _, err := failThreshold(o.failLevel); err != nil {
			return err
		}
	}
	if o.files {
		args = lintrun.TemplateFolders(args)
		if len(args) == 0 {
			fmt.Fprintln(cmd.ErrOrStderr(), "catalogen: no file in a template folder; nothing to lint")
			return nil
		}
	}
	paths, err := lintrun.DistinctPaths(args)
	if err != nil {
		return lintError(err)
	}
	if o.files && o.base != "" && !lintrun.RevisionExists(cmd.Context(), paths[0], o.base) {
		// A repository's first commit has nothing released yet.
		o.base = ""
	}
	start := time.Now()
	lr, err := lintPaths(cmd, paths, o)
	if err != nil {
		return err
	}
	if o.fix {
		changed, err := applyFixes(cmd.OutOrStdout(), cmd.ErrOrStderr(), lr, o.diff)
		if err != nil {
			return err
		}
		if changed && !o.diff {
			// Report what is left after the fixes.
			if lr, err = lintPaths(cmd, paths, o); err != nil {
				return err
			}
		}
	}
	threshold, failOn, err := failThreshold(lr.failLevel)
	if err != nil {
		return err
	}
	rep := lr.rep
	rep.FailLevel, rep.FailNever = threshold, !failOn
	rep.Summary.Duration = time.Since(start)
	rep.Color = o.format == "text" && useColor(o.color, cmd.OutOrStdout(), o.output != "" && o.output != "-")
	if !(o.fix && o.diff) {
		if err := writeReport(cmd.OutOrStdout(), o.output, o.format, rep); err != nil {
			return withCode(ExitInternal, err)
		}
	}
	if len(lr.internal) > 0 {
		for _, e := range lr.internal {
			fmt.Fprintf(cmd.ErrOrStderr(), "catalogen: internal error: %s\n", report.Clean(e.Error()))
		}
		return silentExit(ExitInternal)
	}
	if o.fix && o.diff {
		return nil // a preview, like build --diff
	}
	for _, f := range rep.Findings {
		if rep.Fails(f) {
			return silentExit(ExitFindings)
		}
	}
	return nil
}

// lintPaths lints every PATH into one report.
func lintPaths(cmd *cobra.Command, paths []string, o lintOptions) (*lintRun, error) {
	run, err := lintrun.Lint(cmd.Context(), paths, lintrun.Options{Config: o.config, NoConfig: o.noConfig, Base: o.base, All: o.all})
	if err != nil {
		return nil, lintError(err)
	}
	lr := &lintRun{
		rep:       &report.Report{Tool: "catalogen", Version: versionString(), Rules: rules.All()},
		failLevel: o.failLevel,
	}
	if lr.failLevel == "" {
		lr.failLevel = run.FailLevel
	}
	if wd, err := os.Getwd(); err == nil {
		lr.rep.BaseDir = wd
	}
	for _, c := range run.Configs {
		fmt.Fprintf(cmd.ErrOrStderr(), "catalogen: configuration %s\n", report.CleanLine(c))
	}
	if len(run.Configs) > 0 {
		lr.rep.Config = run.Configs[0]
	}
	for _, t := range run.Targets {
		lr.rep.Add(t.Catalog.Root, t.Result)
		lr.internal = append(lr.internal, t.Result.Internal...)
		lr.cats = append(lr.cats, t.Catalog)
		lr.results = append(lr.results, t.Result)
	}
	return lr, nil
}

// lintError gives a library error its exit code: what was asked is wrong
// (2), or the machine failed (3).
func lintError(err error) error {
	var ue *lintrun.UsageError
	if errors.As(err, &ue) {
		return withCode(ExitUsage, err)
	}
	return withCode(ExitInternal, err)
}

// writeReport writes to --output or stdout. A file is written whole or not
// at all (a temporary file beside it, then a rename) and gets the mode a
// newly created file gets (0666 less the umask), like a shell redirection.
func writeReport(stdout io.Writer, output, format string, rep *report.Report) error {
	if output == "" || output == "-" {
		return report.Write(stdout, format, rep)
	}
	err := writeFileAtomic(output, func(w io.Writer) error { return report.Write(w, format, rep) })
	if err != nil {
		return fmt.Errorf("writing the report to %s: %w", output, err)
	}
	return nil
}

// writeFileAtomic writes path through a temporary file in the same folder.
// Errors name path, never the temporary file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	mode := os.FileMode(0o666)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	var tmp *os.File
	var tmpName string
	for i := 0; ; i++ {
		tmpName = filepath.Join(dir, fmt.Sprintf(".%s.catalogen-%d-%d", filepath.Base(path), os.Getpid(), i))
		f, err := os.OpenFile(tmpName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
		if err == nil {
			tmp = f
			break
		}
		if !errors.Is(err, fs.ErrExist) || i > 100 {
			return cleanPathError(err)
		}
	}
	defer os.Remove(tmpName)
	if err := write(tmp); err != nil {
		tmp.Close()
		return cleanPathError(err)
	}
	if err := tmp.Close(); err != nil {
		return cleanPathError(err)
	}
	return cleanPathError(os.Rename(tmpName, path))
}

// cleanPathError drops the file name from an *os.PathError or
// *os.LinkError, whose path would be the temporary file's.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
