package cli

import (
	"bytes"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/plan"
)

func init() { register(newPlanCommand) }

type planOptions struct {
	hosts, answers, format, stack, output string
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

The answers file maps question variables to values (volumedriver: local).

Exit codes: 0 the stack runs as planned (warnings at most), 1 the plan has
errors, 2 usage or bad hosts/answers file, 3 I/O error.`,
		Example: `  catalogen plan out/templates/harbor-distributed/3 --hosts examples/hosts/three-hosts.yaml
  catalogen plan out/templates/harbor/3 --hosts examples/hosts/one-host.yaml --answers answers.yaml
  catalogen plan out/templates/harbor-converged/2 --hosts hosts.yaml --format svg --output plan.svg`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runPlan(cmd, args[0], o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.hosts, "hosts", "", "inventory `FILE`: the hosts, their labels and taken ports (required)")
	f.StringVar(&o.answers, "answers", "", "answers `FILE`: question variable: value (default: the questions' defaults)")
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
	var answers map[string]string
	if o.answers != "" {
		if answers, err = plan.LoadAnswers(o.answers); err != nil {
			return usageErrorf("--answers: %v", err)
		}
	}
	v, err := planVersion(dir)
	if err != nil {
		return err
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

// planVersion loads the one version folder dir names.
func planVersion(dir string) (*catalog.Version, error) {
	cat, err := catalog.Load(dir, catalog.Options{})
	if err != nil {
		if os.IsNotExist(err) {
			return nil, withCode(ExitInternal, err)
		}
		return nil, usageErrorf("%s: %v", dir, err)
	}
	var versions []*catalog.Version
	for _, t := range cat.Templates {
		versions = append(versions, t.Versions...)
	}
	switch {
	case len(versions) == 1:
		return versions[0], nil
	case len(versions) == 0:
		return nil, usageErrorf("%s holds no catalog version folder; give one, such as templates/<entry>/0", dir)
	}
	var names []string
	for _, v := range versions {
		names = append(names, v.Dir)
	}
	if len(names) > 6 {
		names = append(names[:6], "…")
	}
	return nil, usageErrorf("%s holds %d version folders; plan one of them: %s", dir, len(versions), strings.Join(names, ", "))
}
