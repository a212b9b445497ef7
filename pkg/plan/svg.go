package plan

import (
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
)

// The drawing uses a monospace font so that text widths are known without
// font metrics: every character advances 0.602 em in DejaVu Sans Mono (and
// at most that in the usual fallbacks), so boxes are sized from character
// counts and text that would not fit is shortened with an ellipsis.
const (
	fontSize   = 12.0
	charW      = fontSize * 0.61
	lineH      = 16.0
	pad        = 10.0
	hostW      = 330.0
	gutter     = 70.0
	contH      = 22.0
	contGap    = 6.0
	maxColumns = 3
	red        = "#c62828"
)

// layout is where everything goes; drawing only reads it.
type layout struct {
	width, height float64
	hosts         []hostBox
	hostOf        map[string]string   // container name -> host
	boxOf         map[string]rect     // container name -> box
	rowTop        map[float64]float64 // container y -> top of its row of hosts
}

type rect struct{ x, y, w, h float64 }

type hostBox struct {
	rect
	plan       HostPlan
	lines      []string // header lines under the name
	containers []contBox
	groups     []rect // sidekick groups
	volumes    []string
	// splitVolumes are local volumes other hosts use too.
	splitVolumes []string
	volY         float64
}

type contBox struct {
	rect
	c     Container
	label string
	bad   bool
}

// clip shortens s to at most n characters, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if n < 1 {
		return ""
	}
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// wrap breaks s into lines of at most n characters at spaces.
func wrap(s string, n int) []string {
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(s) {
		w := []rune(word)
		if len(cur) > 0 && len(cur)+1+len(w) > n {
			lines = append(lines, string(cur))
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, w...)
		for len(cur) > n {
			lines = append(lines, string(cur[:n]))
			cur = cur[n:]
		}
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

func chars(width float64) int { return int((width - 2*pad) / charW) }

// badness says which containers an error concerns: every container of a
// service it names, or only those on the host it names.
type badness map[string]bool

func badServices(p *Plan) badness {
	bad := badness{}
	for _, pr := range p.Problems {
		if pr.Service != "" && pr.Severity == Error {
			bad[pr.Service+"@"+pr.Host] = true
		}
	}
	return bad
}

// of reports whether the container c of a service with primary primary is
// concerned.
func (b badness) of(c Container, primary string) bool {
	for _, s := range []string{c.Service, primary} {
		if s != "" && (b[s+"@"] || b[s+"@"+c.Host]) {
			return true
		}
	}
	return false
}

func (p *Plan) layout() (*layout, []string, []string, []string) {
	cols := max(1, min(len(p.Hosts), maxColumns))
	width := 2*gutter + float64(cols)*hostW + float64(cols-1)*gutter
	l := &layout{width: width, hostOf: map[string]string{}, boxOf: map[string]rect{}, rowTop: map[float64]float64{}}
	n := chars(width - 2*gutter + 2*pad)
	y := 20 + lineH + pad

	// Ways in, at the top edge; the rules of one load balancer share a line.
	type way struct {
		head, hosts string
		entries     []string
	}
	var ways []*way
	for _, in := range p.Ingress {
		head := ""
		switch in.Kind {
		case "port":
			head = "host ports"
		case "traefik":
			head = "Traefik"
		case "load-balancer":
			head = "load balancer " + in.Service + ":"
		}
		entry := in.Entry
		switch in.Kind {
		case "port":
			entry += " → " + in.Service
		case "traefik":
			entry = strings.Replace(entry, " -> :", " → "+in.Service+":", 1)
		case "load-balancer":
			entry = strings.Replace(entry, " -> ", " → ", 1)
		}
		hosts := strings.Join(in.Hosts, ", ")
		if n := len(ways); n > 0 && in.Kind == "load-balancer" && ways[n-1].head == head && ways[n-1].hosts == hosts {
			ways[n-1].entries = append(ways[n-1].entries, entry)
			continue
		}
		ways = append(ways, &way{head, hosts, []string{entry}})
	}
	var ingress []string
	for _, w := range ways {
		line := w.head + " " + strings.Join(w.entries, ", ")
		if w.hosts != "" {
			line += " on " + w.hosts
		}
		ingress = append(ingress, wrap(line, n)...)
	}
	y += float64(len(ingress))*lineH + pad

	bad := badServices(p)
	byService := map[string]ServicePlan{}
	for _, s := range p.Services {
		byService[s.Name] = s
	}
	containerService := map[string]Container{}
	for _, s := range p.Services {
		for _, c := range s.Containers {
			containerService[c.Name] = c
		}
	}
	// Local volumes used on a host; those split between hosts are drawn
	// in red, as their problem says.
	local, split := map[string][]string{}, map[string][]string{}
	for _, v := range p.Volumes {
		switch {
		case v.Driver == "local" && v.Shared && len(v.Hosts) > 1:
			for _, h := range v.Hosts {
				split[h] = append(split[h], v.Name)
			}
		case v.Driver == "local" || !v.Shared:
			for _, h := range v.Hosts {
				local[h] = append(local[h], v.Name)
			}
		}
	}
	hc := chars(hostW)
	rowTop := y + gutter/2
	for i := 0; i < len(p.Hosts); i += cols {
		row := p.Hosts[i:min(i+cols, len(p.Hosts))]
		var boxes []hostBox
		rowH := 0.0
		for j, h := range row {
			hb := hostBox{plan: h}
			hb.x = gutter + float64(j)*(hostW+gutter)
			hb.y = rowTop
			hb.w = hostW
			for _, lbl := range h.Labels {
				hb.lines = append(hb.lines, clip("label "+lbl, hc))
			}
			if len(h.TakenPorts) > 0 {
				hb.lines = append(hb.lines, wrap("ports taken: "+strings.Join(h.TakenPorts, " "), hc)...)
			}
			cy := hb.y + pad + lineH + float64(len(hb.lines))*lineH + pad
			group := -1 // index in hb.groups of the open sidekick group
			for _, name := range h.Containers {
				c := containerService[name]
				s := byService[c.Service]
				label := c.Service + "-" + name[strings.LastIndexByte(name, '-')+1:]
				if s.Global {
					label += " (global)"
				}
				switch {
				case len(s.Sidekicks) > 0:
					hb.groups = append(hb.groups, rect{hb.x + pad, cy - contGap/2, hostW - 2*pad, 0})
					group = len(hb.groups) - 1
				case s.Primary != "" && group >= 0:
					cy -= contGap / 2 // sidekicks sit closer to their primary
				default:
					group = -1
				}
				cb := contBox{rect: rect{hb.x + 2*pad, cy, hostW - 4*pad, contH}, c: c, bad: bad.of(c, s.Primary)}
				cb.label = clip(label, chars(cb.w))
				hb.containers = append(hb.containers, cb)
				l.hostOf[name] = h.Name
				l.boxOf[name] = cb.rect
				l.rowTop[cb.y] = rowTop
				cy += contH + contGap
				if group >= 0 {
					hb.groups[group].h = cy - contGap/2 - hb.groups[group].y
				}
			}
			hb.volY = cy + pad/2
			if vols := split[h.Name]; len(vols) > 0 {
				hb.splitVolumes = wrap("local volumes, a copy on each host: "+strings.Join(vols, ", "), hc)
			}
			if vols := local[h.Name]; len(vols) > 0 {
				hb.volumes = wrap("local volumes: "+strings.Join(vols, ", "), hc)
			}
			if n := len(hb.splitVolumes) + len(hb.volumes); n > 0 {
				cy = hb.volY + float64(n)*lineH
			}
			hb.h = cy + pad - hb.y
			rowH = max(rowH, hb.h)
			boxes = append(boxes, hb)
		}
		for j := range boxes {
			boxes[j].h = rowH
		}
		l.hosts = append(l.hosts, boxes...)
		rowTop += rowH + gutter
	}
	y = rowTop - gutter/2

	// Shared volumes and services that land nowhere, below the hosts.
	var below []string
	shared := map[string][]string{}
	var drivers []string
	for _, v := range p.Volumes {
		if v.Driver != "local" && v.Shared {
			if shared[v.Driver] == nil {
				drivers = append(drivers, v.Driver)
			}
			shared[v.Driver] = append(shared[v.Driver], v.Name)
		}
	}
	for _, d := range drivers {
		below = append(below, wrap(fmt.Sprintf("volumes on %s (shared by every host): %s", d, strings.Join(shared[d], ", ")), n)...)
	}
	var unplaced []string
	for _, s := range p.Services {
		if s.Unplaced > 0 && s.Primary == "" {
			unplaced = append(unplaced, wrap(fmt.Sprintf("not placed: %s ×%d", s.Name, s.Unplaced), n)...)
		}
	}
	var problems []string
	for _, pr := range p.Problems {
		problems = append(problems, wrap(fmt.Sprintf("%s: %s", pr.Severity, pr.Message), n)...)
	}
	y += float64(len(below)+len(unplaced))*lineH + pad
	if len(problems) > 0 {
		y += lineH + float64(len(problems))*lineH
	}
	// The relations drawn as edges, spelled out once at the bottom.
	y += 2*lineH + pad
	l.height = y
	return l, ingress, append(below, unplaced...), problems
}

// edgeStyle is how each relation is drawn.
var edgeStyle = map[string]struct{ color, dash, label string }{
	"syslog":        {"#6a1b9a", "2,3", "syslog"},
	"link":          {"#1565c0", "", "link"},
	"volumes_from":  {"#2e7d32", "6,3", "volumes_from"},
	"network":       {"#ef6c00", "6,3", "network"},
	"load-balancer": {"#455a64", "", "load balancer"},
}

// WriteSVG draws the plan: hosts as boxes with their labels, containers
// inside them, sidekick groups outlined, relations as edges, volumes with
// their driver, the ways in at the top and problems in red at the bottom.
// The same plan always gives the same bytes.
func WriteSVG(w io.Writer, p *Plan) error {
	l, ingress, below, problems := p.layout()
	b := &strings.Builder{}
	esc := html.EscapeString
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="%.0f">`+"\n", l.width, l.height, l.width, l.height, fontSize)
	fmt.Fprintf(b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	n := chars(l.width - 2*gutter + 2*pad)
	title := fmt.Sprintf("%s %s as stack %s on %d host%s", p.Entry, p.Version, p.Stack, len(p.Hosts), plural(len(p.Hosts)))
	fmt.Fprintf(b, `<text data-kind="title" x="%.0f" y="20" font-weight="bold">%s</text>`+"\n", gutter-pad, esc(clip(title, n)))
	y := 20 + lineH + pad
	for _, line := range ingress {
		fmt.Fprintf(b, `<text data-kind="ingress" x="%.0f" y="%.0f" fill="#37474f">%s</text>`+"\n", gutter-pad, y, esc(line))
		y += lineH
	}
	for _, hb := range l.hosts {
		fmt.Fprintf(b, `<g data-kind="host" data-name="%s">`+"\n", esc(hb.plan.Name))
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="6" fill="#f5f7fa" stroke="#546e7a" stroke-width="1.5"/>`+"\n", hb.x, hb.y, hb.w, hb.h)
		ty := hb.y + pad + fontSize
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-weight="bold">%s</text>`+"\n", hb.x+pad, ty, esc(clip("host "+hb.plan.Name, chars(hostW))))
		for _, line := range hb.lines {
			ty += lineH
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" fill="#455a64">%s</text>`+"\n", hb.x+pad, ty, esc(line))
		}
		for _, g := range hb.groups {
			fmt.Fprintf(b, `<rect data-kind="sidekick-group" x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="4" fill="none" stroke="#78909c" stroke-dasharray="4,3"/>`+"\n", g.x, g.y, g.w, g.h)
		}
		for _, cb := range hb.containers {
			stroke, fill := "#90a4ae", "#ffffff"
			if cb.bad {
				stroke, fill = red, "#ffebee"
			}
			fmt.Fprintf(b, `<g data-kind="container" data-name="%s" data-service="%s">`, esc(cb.c.Name), esc(cb.c.Service))
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="3" fill="%s" stroke="%s"/>`, cb.x, cb.y, cb.w, cb.h, fill, stroke)
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f">%s</text></g>`+"\n", cb.x+pad, cb.y+cb.h/2+fontSize/2-2, esc(cb.label))
		}
		vy := hb.volY
		for i, line := range append(slices.Clone(hb.splitVolumes), hb.volumes...) {
			vy += lineH
			color := "#5d4037"
			if i < len(hb.splitVolumes) {
				color = red
			}
			fmt.Fprintf(b, `<text data-kind="volume" x="%.1f" y="%.1f" fill="%s">%s</text>`+"\n", hb.x+pad, vy-4, color, esc(line))
		}
		b.WriteString("</g>\n")
	}
	drawEdges(b, p, l)
	if len(l.hosts) > 0 {
		y = l.hosts[len(l.hosts)-1].y + l.hosts[len(l.hosts)-1].h + gutter/2
	}
	for _, line := range below {
		color := "#5d4037"
		if strings.HasPrefix(line, "not placed") {
			color = red
		}
		fmt.Fprintf(b, `<text data-kind="below" x="%.0f" y="%.0f" fill="%s">%s</text>`+"\n", gutter-pad, y, color, esc(line))
		y += lineH
	}
	y += pad
	if len(problems) > 0 {
		fmt.Fprintf(b, `<text data-kind="problem" x="%.0f" y="%.0f" fill="%s" font-weight="bold">%s</text>`+"\n", gutter-pad, y, red, esc(fmt.Sprintf("%d problem%s", len(p.Problems), plural(len(p.Problems)))))
		y += lineH
		for _, line := range problems {
			color := red
			if strings.HasPrefix(line, "warning") {
				color = "#e65100"
			}
			fmt.Fprintf(b, `<text data-kind="problem" x="%.0f" y="%.0f" fill="%s">%s</text>`+"\n", gutter-pad, y, color, esc(line))
			y += lineH
		}
	}
	y += lineH
	x := gutter - pad
	for _, kind := range []string{"syslog", "link", "volumes_from", "network", "load-balancer"} {
		st := edgeStyle[kind]
		fmt.Fprintf(b, `<line data-kind="key" x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="%s" stroke-width="1.5" stroke-dasharray="%s"/>`, x, y-4, x+24, y-4, st.color, st.dash)
		fmt.Fprintf(b, `<text data-kind="key" x="%.0f" y="%.0f" fill="%s">%s</text>`+"\n", x+30, y, st.color, st.label)
		x += 30 + float64(len(st.label))*charW + 24
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// drawEdges draws each relation from every container of its source to the
// target's container on the same host, or to its first container when none
// runs there. Edges leave and enter boxes on their right side and bow out
// into the gutter, away from the text.
func drawEdges(b *strings.Builder, p *Plan, l *layout) {
	for i, e := range p.Edges {
		st := edgeStyle[e.Kind]
		from := p.Service(e.From)
		to := p.Service(e.To)
		if from == nil || to == nil || len(to.Containers) == 0 {
			continue
		}
		for _, c := range from.Containers {
			target := edgeTarget(to, c)
			a, z := l.boxOf[c.Name], l.boxOf[target.Name]
			x1, y1 := a.x+a.w, a.y+a.h/2
			x2, y2 := z.x+z.w, z.y+z.h/2
			lane := float64(i % 5)
			d := ""
			if l.hostOf[c.Name] == l.hostOf[target.Name] {
				bow := 14.0 + lane*5
				d = fmt.Sprintf("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x1, y1, x1+bow, y1, x2+bow, y2, x2, y2)
			} else {
				// Across hosts: out into the gutter, up to a lane above the
				// source's row of hosts, across, and down the target's
				// gutter, so no edge crosses a box.
				gx1 := x1 + pad + 2*pad + lane*6
				gx2 := x2 + pad + 2*pad + lane*6
				bus := l.rowTop[a.y] - 8 - lane*5
				d = fmt.Sprintf("M%.1f,%.1f H%.1f V%.1f H%.1f V%.1f H%.1f", x1, y1, gx1, bus, gx2, y2, x2)
			}
			fmt.Fprintf(b, `<path data-kind="edge" data-edge="%s" d="%s" fill="none" stroke="%s" stroke-width="1.3" stroke-dasharray="%s" opacity="0.85"><title>%s</title></path>`+"\n",
				e.Kind, d, st.color, st.dash, html.EscapeString(e.From+" → "+e.To+" ("+st.label+")"))
		}
	}
}

// edgeTarget is the container of to that an edge from c is drawn to: the
// one on c's host, else the first.
func edgeTarget(to *ServicePlan, c Container) Container {
	for _, t := range to.Containers {
		if t.Host == c.Host {
			return t
		}
	}
	return to.Containers[0]
}

// WriteDot writes the plan as a Graphviz graph: a cluster per host with its
// containers, sidekick groups as nested clusters, relations as edges and
// problems in red.
func WriteDot(w io.Writer, p *Plan) error {
	b := &strings.Builder{}
	q := func(s string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	bad := badServices(p)
	fmt.Fprintf(b, "digraph %s {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n", q(p.Stack))
	fmt.Fprintf(b, "  label=%s;\n", q(fmt.Sprintf("%s %s as stack %s", p.Entry, p.Version, p.Stack)))
	byService := map[string]ServicePlan{}
	for _, s := range p.Services {
		byService[s.Name] = s
	}
	for i, h := range p.Hosts {
		fmt.Fprintf(b, "  subgraph cluster_%d {\n    label=%s;\n", i, q("host "+h.Name+"\n"+strings.Join(h.Labels, "\n")))
		var group []string
		flush := func() {
			if len(group) > 1 {
				fmt.Fprintf(b, "    subgraph cluster_%d_%s { label=\"sidekicks\"; style=dashed; %s; }\n", i, strings.NewReplacer("-", "_", ".", "_").Replace(group[0]), strings.Join(quoteAll(group, q), "; "))
			}
			group = nil
		}
		for _, name := range h.Containers {
			c := containerOf(p, name)
			s := byService[c.Service]
			attrs := ""
			if bad.of(c, s.Primary) {
				attrs = ", color=red, fontcolor=red"
			}
			fmt.Fprintf(b, "    %s [label=%s%s];\n", q(name), q(c.Service), attrs)
			if s.Primary == "" {
				flush()
			}
			group = append(group, name)
		}
		flush()
		b.WriteString("  }\n")
	}
	for _, e := range p.Edges {
		from, to := p.Service(e.From), p.Service(e.To)
		if from == nil || to == nil || len(to.Containers) == 0 {
			continue
		}
		for _, c := range from.Containers {
			target := edgeTarget(to, c)
			fmt.Fprintf(b, "  %s -> %s [label=%s, style=%s];\n", q(c.Name), q(target.Name), q(edgeStyle[e.Kind].label), dotStyle(e.Kind))
		}
	}
	for i, in := range p.Ingress {
		fmt.Fprintf(b, "  ingress_%d [shape=cds, label=%s];\n", i, q(in.Kind+": "+in.Entry))
		for _, t := range append([]string{in.Service}, in.Targets...) {
			if s := p.Service(t); s != nil && len(s.Containers) > 0 {
				fmt.Fprintf(b, "  ingress_%d -> %s;\n", i, q(s.Containers[0].Name))
				break
			}
		}
	}
	for i, pr := range p.Problems {
		color := "red"
		if pr.Severity == Warning {
			color = "darkorange"
		}
		fmt.Fprintf(b, "  problem_%d [shape=note, color=%s, fontcolor=%s, label=%s];\n", i, color, color, q(strings.Join(wrap(string(pr.Severity)+": "+pr.Message, 60), "\n")))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func dotStyle(kind string) string {
	if edgeStyle[kind].dash != "" {
		return "dashed"
	}
	return "solid"
}

func quoteAll(list []string, q func(string) string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = q(s)
	}
	return out
}

func containerOf(p *Plan, name string) Container {
	for _, s := range p.Services {
		for _, c := range s.Containers {
			if c.Name == name {
				return c
			}
		}
	}
	return Container{}
}
