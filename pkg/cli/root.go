// Package cli implements the catalogen command line: a thin layer that parses
// flags, calls the library packages and maps their results to exit codes.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
	"github.com/catalogen/catalogen/pkg/report"
	"github.com/spf13/cobra"
)

// Exit codes shared by every command.
const (
	ExitOK       = 0 // nothing at or above the fail level
	ExitFindings = 1 // findings at or above the fail level, or a build/check failure
	ExitUsage    = 2 // usage or configuration error
	ExitInternal = 3 // internal or I/O error
)

const exitCodesHelp = `Exit codes (the same for every command):
  0  success: nothing at or above --fail-level
  1  findings at or above --fail-level; a refused build (also with --diff) or
     publish; build --check finding the output stale; render of a version
     Rancher could not deploy
  2  usage or configuration error (bad flag, bad blueprint, bad .catalogen.yaml,
     a PATH that does not exist or holds no catalog, missing render answers)
  3  internal or I/O error (a file that cannot be read or written)`

// exitError carries an exit code through cobra's error path.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// usageErrorf reports a usage or configuration error (exit 2).
func usageErrorf(format string, args ...any) error {
	return withCode(ExitUsage, fmt.Errorf(format, args...))
}

// silentExit ends the command with code without printing anything more.
type silentExit int

func (s silentExit) Error() string { return fmt.Sprintf("exit %d", int(s)) }

// Main runs the command line and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	tmpl.StartRun() // each command gets the whole time budget for templates
	root := newRootCommand(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	return exitCode(err, stderr)
}

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	var s silentExit
	if errors.As(err, &s) {
		return int(s)
	}
	// Messages can quote catalog files and paths: print them escaped.
	fmt.Fprintf(stderr, "catalogen: %s\n", report.Clean(err.Error()))
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	// Errors that cobra raises itself (unknown flag, bad arguments) are usage errors.
	return ExitUsage
}

func newRootCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "catalogen",
		Short: "Render and lint Rancher 1.x (Cattle) catalogs",
		Long: `catalogen keeps private Rancher 1.x (Cattle) catalogs.

  build   renders blueprints (app, releases, topologies, questions) and Go
          templates into versioned catalog folders; released folders never change.
  lint    checks any Rancher 1.x catalog the way Rancher 1.6 reads it.
  plan    shows where a version's containers land on your hosts, and what breaks.

` + exitCodesHelp,
		Example: `  catalogen build --out ./out
  catalogen lint ./out
  catalogen lint --format sarif --output lint.sarif ../community-catalog`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// --version prints what `catalogen version` prints.
		Version: versionString(),
	}
	root.SetVersionTemplate("catalogen {{.Version}}\n")
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErrorf("%v (see %s --help)", err, c.CommandPath())
	})
	for _, add := range subcommands {
		root.AddCommand(add())
	}
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Example = `  source <(catalogen completion bash)
  catalogen completion zsh > "${fpath[1]}/_catalogen"
  catalogen completion fish > ~/.config/fish/completions/catalogen.fish`
		}
	}
	return root
}

// subcommands is filled by the command files of this package.
var subcommands []func() *cobra.Command

func register(f func() *cobra.Command) { subcommands = append(subcommands, f) }
