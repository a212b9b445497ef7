package cli

import (
	"bytes"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/catalogen/catalogen/pkg/plan"
	"github.com/catalogen/catalogen/pkg/rancher/deploy"
)

func init() { register(newPlanCommand) }

type planOptions struct {
	hosts, format, stack, output string
	answers, set                 []string
}

var planFormats = []string{"text", "json", "svg", "dot"}

func newPlanCommand() *cobra.Command {
	var o planOptions
	cmd := &cobra.Command{
		Use:   "plan VERSION-FOLDER --hosts FILE",
		Short: "Show where a catalog version's containers land on your hosts, and what breaks",
		Long: `Plan renders a catalog version with the answers (question defaults
otherwise) as Rancher would, applies Cattle's scheduling rules to the hosts
of --hosts (hard and soft host_label, container_label and container rules,
_ne, global services, sidekicks with their primary, scale, host ports) and
says, per service, on which hosts it can run, where soft rules prefer it and
where its containers land, then every problem with its cause: a service no
host can take, a global service that lands nowhere, scale beyond the hosts
that can take it, syslog to 127.0.0.1 with no log container on that host,
local volumes split between hosts, an ingress with no healthy target, a host
port already taken.

The hosts file:

  hosts:
    - name: node1
      labels: {harbor-host: "true", harbor-log: "true"}
      ports: [22, 514/udp]       # host ports already taken outside Rancher
  stacks: [traefik, rancher-nfs] # infrastructure stacks running (optional)

Answers come from --answers FILE (a YAML mapping, or KEY=value lines) and
--set VARIABLE=value (later wins), as for catalogen render.

Exit codes: 0 the stack runs as planned (warnings at most), 1 the plan has
errors, 2 usage or bad hosts/answers file, 3 I/O error.`,
		Example: `  catalogen plan out/templates/harbor-distributed/3 --hosts examples/hosts/three-hosts.yaml
  catalogen plan out/templates/harbor/3 --hosts examples/hosts/one-host.yaml --answers answers.yaml --set volumedriver=local
  catalogen plan out/templates/harbor-converged/2 --hosts hosts.yaml --format svg --output plan.svg`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runPlan(cmd, args[0], o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.hosts, "hosts", "", "inventory `FILE`: the hosts, their labels and taken ports (required)")
	f.StringArrayVar(&o.answers, "answers", nil, "answers `FILE`: a YAML mapping or KEY=value lines (repeatable; default: the questions' defaults)")
	f.StringArrayVar(&o.set, "set", nil, "one answer, `VARIABLE=value` (repeatable; wins over --answers)")
	f.StringVar(&o.format, "format", "text", "output format: "+strings.Join(planFormats, ", "))
	f.StringVar(&o.stack, "stack", "", "stack name (default: the template's folder name)")
	f.StringVar(&o.output, "output", "", "write to `FILE` instead of standard output")
	_ = cmd.MarkFlagRequired("hosts")
	return cmd
}

func runPlan(cmd *cobra.Command, dir string, o planOptions) error {
	if !oneOf(o.format, planFormats) {
		return usageErrorf("--format %q: use one of %s", o.format, strings.Join(planFormats, ", "))
	}
	inv, err := plan.LoadInventory(o.hosts)
	if err != nil {
		return usageErrorf("--hosts: %v", err)
	}
	answers, err := readAnswers(o.answers, o.set)
	if err != nil {
		return err
	}
	v, err := deploy.LoadVersion(dir)
	if err != nil {
		return usageErrorf("%v", err)
	}
	p, err := plan.New(v, inv, plan.Options{Answers: answers, Stack: o.stack})
	if err != nil {
		return usageErrorf("%v", err)
	}
	var buf bytes.Buffer
	switch o.format {
	case "json":
		err = plan.WriteJSON(&buf, p)
	case "svg":
		err = plan.WriteSVG(&buf, p)
	case "dot":
		err = plan.WriteDot(&buf, p)
	default:
		err = plan.WriteText(&buf, p)
	}
	if err != nil {
		return withCode(ExitInternal, err)
	}
	if o.output != "" {
		if err := os.WriteFile(o.output, buf.Bytes(), 0o644); err != nil {
			return withCode(ExitInternal, err)
		}
	} else if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
		return withCode(ExitInternal, err)
	}
	if p.Errors() > 0 {
		return silentExit(ExitFindings)
	}
	return nil
}

// readAnswers merges answers files and --set answers, later winning.
func readAnswers(files, sets []string) (map[string]string, error) {
	answers := map[string]string{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, usageErrorf("--answers %s: %v", file, cleanPathError(err))
		}
		a, err := deploy.ParseAnswers(file, data)
		if err != nil {
			return nil, usageErrorf("--answers %v", err)
		}
		for k, v := range a {
			answers[k] = v
		}
	}
	for _, s := range sets {
		k, v, err := deploy.ParseSet(s)
		if err != nil {
			return nil, usageErrorf("%v", err)
		}
		answers[k] = v
	}
	return answers, nil
}
