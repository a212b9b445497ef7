package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/lintconfig"
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
}

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
folder or a version folder. Compose files are rendered as Rancher's executor
does (question defaults as answers, a placeholder for required questions
without one) so that semantic rules also see templated versions.

Configuration: .catalogen.yaml, found upward from each PATH (or --config),
turns rules off, changes severities and excludes paths. Inline suppression:
  # catalogen:ignore RULE -- reason        (on the line or the line above)
  # catalogen:ignore-file RULE -- reason
The reason is required; a suppression that matches nothing is reported.

Files above ` + fmt.Sprintf("%d MiB", catalog.MaxFileSize>>20) + ` are refused (rule L011); symbolic links are never followed.

` + exitCodesHelp,
		Example: `  catalogen lint ./out
  catalogen lint --format json ../community-catalog > findings.json
  catalogen lint --format sarif --output lint.sarif .
  catalogen lint --fail-level warning templates/harbor
  catalogen lint --format github .          # annotations in GitHub Actions
  catalogen lint --base origin/main .       # pull-request gate: released folders stay untouched`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, args, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVarP(&o.output, "output", "o", "", "write the report to FILE instead of standard output")
	f.StringVar(&o.failLevel, "fail-level", "", "lowest severity that makes the exit code 1: info, warning, error or none (default error, or the config's fail-level)")
	f.StringVar(&o.config, "config", "", "configuration file (default: "+lintconfig.FileName+" found upward from each PATH)")
	f.BoolVar(&o.noConfig, "no-config", false, "ignore "+lintconfig.FileName+" files")
	f.StringVar(&o.base, "base", "", "pull-request mode: compare with git revision REV (released folders unchanged, new versions sort higher, folder numbers kept) and report only the entries the change touches")
	f.BoolVar(&o.all, "all", false, "with --base, report every entry, not only the touched ones")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-level", cobra.FixedCompletions([]string{"info", "warning", "error", "none"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func validFormat(f string) bool {
	for _, x := range report.Formats {
		if x == f {
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
		return 0, false, usageErrorf("--fail-level: %v", err)
	}
	return s, true, nil
}

func runLint(cmd *cobra.Command, args []string, o lintOptions) error {
	if !validFormat(o.format) {
		return usageErrorf("unknown --format %q: use one of %s", o.format, strings.Join(report.Formats, ", "))
	}
	start := time.Now()
	rep := &report.Report{Tool: "catalogen", Version: versionString(), Rules: rules.All()}
	failLevel := o.failLevel
	var internal []error
	for _, p := range args {
		cfg, err := configFor(p, o)
		if err != nil {
			return err
		}
		if failLevel == "" && cfg != nil {
			failLevel = cfg.FailLevel
		}
		res, root, err := lintPath(cmd.Context(), p, cfg, o)
		if err != nil {
			return err
		}
		rep.Add(root, res)
		internal = append(internal, res.Internal...)
	}
	threshold, failOn, err := failThreshold(failLevel)
	if err != nil {
		return err
	}
	rep.Summary.Duration = time.Since(start)
	if err := writeReport(cmd.OutOrStdout(), o.output, o.format, rep); err != nil {
		return withCode(ExitInternal, err)
	}
	if len(internal) > 0 {
		for _, e := range internal {
			fmt.Fprintf(cmd.ErrOrStderr(), "catalogen: internal error: %v\n", e)
		}
		return silentExit(ExitInternal)
	}
	if failOn {
		for _, f := range rep.Findings {
			if f.Severity >= threshold {
				return silentExit(ExitFindings)
			}
		}
	}
	return nil
}

// configFor finds and reads the configuration that applies to path p.
func configFor(p string, o lintOptions) (*lintconfig.Config, error) {
	if o.noConfig {
		return nil, nil
	}
	file := o.config
	if file == "" {
		dir := p
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			dir = filepath.Dir(p)
		}
		found, err := lintconfig.Find(dir)
		if err != nil || found == "" {
			return nil, nil
		}
		file = found
	}
	cfg, err := lintconfig.Load(file, rules.Lookup)
	if err != nil {
		return nil, usageErrorf("configuration: %v", err)
	}
	return cfg, nil
}

// lintPath loads and lints one PATH; it returns the catalog root as given.
func lintPath(ctx context.Context, p string, cfg *lintconfig.Config, o lintOptions) (*lint.Result, string, error) {
	opts := catalog.Options{}
	settings := lint.Settings{}
	if cfg != nil {
		opts.Exclude = cfg.Excluded
		settings = cfg.Settings
	}
	cat, err := catalog.Load(p, opts)
	if err != nil {
		if errors.Is(err, catalog.ErrNoCatalog) {
			return nil, "", usageErrorf("%v", err)
		}
		if st, serr := os.Stat(p); serr == nil && !st.IsDir() {
			return nil, "", usageErrorf("%v", err)
		}
		return nil, "", withCode(ExitInternal, err)
	}
	if o.base == "" {
		return lint.Run(cat, rules.All(), settings), cat.Root, nil
	}
	base, err := loadBase(ctx, cat.Root, o.base)
	if err != nil {
		return nil, "", err
	}
	settings.Base = base
	res := lint.Run(cat, rules.All(), settings)
	if !o.all {
		onlyTouched(res, touched(base, cat))
	}
	return res, cat.Root, nil
}

// writeReport writes to --output atomically (temp file + rename) or stdout.
func writeReport(stdout io.Writer, output, format string, rep *report.Report) error {
	if output == "" || output == "-" {
		return report.Write(stdout, format, rep)
	}
	dir := filepath.Dir(output)
	tmp, err := os.CreateTemp(dir, ".catalogen-report-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := report.Write(tmp, format, rep); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), output)
}
