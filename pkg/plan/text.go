package plan

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes the plan as indented JSON.
func WriteJSON(w io.Writer, p *Plan) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}

// WriteText writes the plan for a person: the hosts and what lands on
// them, each service's placement, the ways in, and every problem.
func WriteText(w io.Writer, p *Plan) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s %s as stack %s on %d host%s", p.Entry, p.Version, p.Stack, len(p.Hosts), plural(len(p.Hosts)))
	if p.Stacks != nil {
		stacks := "none"
		if len(p.Stacks) > 0 {
			stacks = strings.Join(p.Stacks, ", ")
		}
		fmt.Fprintf(b, " (infrastructure: %s)", stacks)
	}
	b.WriteString("\n\nHosts\n")
	for _, h := range p.Hosts {
		fmt.Fprintf(b, "  %s", h.Name)
		if len(h.Labels) > 0 {
			fmt.Fprintf(b, "  [%s]", strings.Join(h.Labels, " "))
		}
		if len(h.TakenPorts) > 0 {
			fmt.Fprintf(b, "  ports taken: %s", strings.Join(h.TakenPorts, " "))
		}
		b.WriteString("\n")
		if len(h.Containers) == 0 {
			b.WriteString("    (no containers)\n")
		}
		for _, c := range h.Containers {
			fmt.Fprintf(b, "    %s\n", c)
		}
	}

	b.WriteString("\nServices\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  SERVICE\tRUNS\tCAN RUN ON\tPREFERS\tCONTAINERS")
	for _, s := range p.Services {
		runs := fmt.Sprintf("scale %d", s.Scale)
		switch {
		case s.Kind == "external" || s.Kind == "dns":
			runs = s.Kind + " (no containers)"
		case s.Global:
			runs = "global"
		}
		if s.Primary != "" {
			runs += ", sidekick of " + s.Primary
		}
		can := strings.Join(s.Eligible, ", ")
		if can == "" {
			can = "-"
		}
		prefers := strings.Join(s.Preferred, ", ")
		if prefers == "" {
			prefers = "-"
		}
		hosts := s.Hosts()
		where := fmt.Sprintf("%d on %d host%s", len(s.Containers), len(hosts), plural(len(hosts)))
		if len(hosts) > 0 {
			where += " (" + strings.Join(hosts, ", ") + ")"
		}
		if s.Unplaced > 0 {
			where += fmt.Sprintf(", %d unplaced", s.Unplaced)
		}
		if s.Kind == "external" || s.Kind == "dns" {
			where = "-"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", s.Name, runs, can, prefers, where)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	if len(p.Ingress) > 0 {
		b.WriteString("\nWays in\n")
		for _, in := range p.Ingress {
			fmt.Fprintf(b, "  %-13s %s: %s", in.Kind, in.Service, in.Entry)
			if len(in.Hosts) > 0 {
				fmt.Fprintf(b, " on %s", strings.Join(in.Hosts, ", "))
			}
			b.WriteString("\n")
		}
	}
	if len(p.Volumes) > 0 {
		b.WriteString("\nVolumes\n")
		for _, v := range p.Volumes {
			fmt.Fprintf(b, "  %s (%s)", v.Name, v.Driver)
			if len(v.Hosts) > 0 {
				fmt.Fprintf(b, " on %s", strings.Join(v.Hosts, ", "))
			}
			b.WriteString("\n")
		}
	}

	errs := p.Errors()
	fmt.Fprintf(b, "\nProblems: %d error%s, %d warning%s\n", errs, plural(errs), len(p.Problems)-errs, plural(len(p.Problems)-errs))
	for _, pr := range p.Problems {
		fmt.Fprintf(b, "  %-7s %-15s %s\n", pr.Severity, pr.Kind, pr.Message)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
