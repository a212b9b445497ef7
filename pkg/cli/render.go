package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/catalogen/catalogen/pkg/rancher/deploy"
	"github.com/catalogen/catalogen/pkg/report"
	"github.com/spf13/cobra"
)

func init() { register(newRenderCommand) }

type renderOptions struct {
	answers []string
	set     []string
	out     string
	stack   string
}

func newRenderCommand() *cobra.Command {
	var o renderOptions
	cmd := &cobra.Command{
		Use:   "render VERSION_FOLDER",
		Short: "Print a version's compose files as Rancher 1.6 will deploy them",
		Long: `Render shows what a stack really gets from a catalog version folder: the
answers merged over the question defaults, Go templating of docker-compose.yml
and rancher-compose.yml (the .tpl files when present) as Rancher's executor
does it, then .catalog removed and $ interpolation of every service, volume
and network value ($$ is a literal $, keys are left alone). The output is
ready for ` + "`docker-compose config`" + `.

Answers come from --answers FILE (a YAML mapping, or KEY=value lines) and
--set VARIABLE=value (later wins). A required question with neither an answer
nor a default is an error naming it. What Rancher would accept silently (a
template error that cuts a file off, a variable that is not set) is printed
as a warning on standard error.

` + exitCodesHelp,
		Example: `  catalogen render out/templates/harbor/3 --set harborhostname=registry.example.com
  catalogen render templates/app/2 --answers answers.yml --out /tmp/app
  catalogen render templates/app/2 --answers answers.yml --out /tmp/app && docker-compose -f /tmp/app/docker-compose.yml config`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.answers, "answers", nil, "answers `FILE`: a YAML mapping or KEY=value lines (repeatable)")
	f.StringArrayVar(&o.set, "set", nil, "one answer, `VARIABLE=value` (repeatable; wins over --answers)")
	f.StringVar(&o.out, "out", "", "write docker-compose.yml and rancher-compose.yml into `DIR` instead of printing them")
	f.StringVar(&o.stack, "stack", "", "stack `NAME` for .Stack.Name (default: the template folder's name)")
	return cmd
}

func runRender(stdout, stderr io.Writer, dir string, o renderOptions) error {
	answers := map[string]string{}
	for _, file := range o.answers {
		data, err := os.ReadFile(file)
		if err != nil {
			return usageErrorf("--answers %s: %v", file, cleanPathError(err))
		}
		a, err := deploy.ParseAnswers(file, data)
		if err != nil {
			return usageErrorf("--answers %v", err)
		}
		for k, v := range a {
			answers[k] = v
		}
	}
	for _, s := range o.set {
		k, v, err := deploy.ParseSet(s)
		if err != nil {
			return usageErrorf("%v", err)
		}
		answers[k] = v
	}
	v, err := deploy.LoadVersion(dir)
	if err != nil {
		return usageErrorf("%v", err)
	}
	res, err := deploy.Render(v, answers, deploy.Options{StackName: o.stack})
	if err != nil {
		var missing *deploy.MissingAnswersError
		if errors.As(err, &missing) {
			return withCode(ExitUsage, err)
		}
		return withCode(ExitFindings, err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", report.Clean(w))
	}
	if o.out == "" {
		for i, f := range res.Files {
			if i > 0 {
				io.WriteString(stdout, "---\n")
			}
			fmt.Fprintf(stdout, "# Source: %s\n", f.From)
			if _, err := stdout.Write(f.Data); err != nil {
				return err
			}
		}
		return nil
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return withCode(ExitInternal, fmt.Errorf("creating %s: %w", o.out, cleanPathError(err)))
	}
	for _, f := range res.Files {
		p := filepath.Join(o.out, f.Name)
		if err := writeFileAtomic(p, func(w io.Writer) error { _, err := w.Write(f.Data); return err }); err != nil {
			return withCode(ExitInternal, fmt.Errorf("writing %s: %w", p, err))
		}
		fmt.Fprintf(stdout, "wrote %s (from %s)\n", p, f.From)
	}
	return nil
}
