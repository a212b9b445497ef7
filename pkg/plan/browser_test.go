package plan

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/stretchr/testify/require"
)

// measure is the page script: it lays the inline SVG out in the browser and
// reports the boxes the browser computed, so the test checks the drawing as
// a reader sees it (real font metrics, real text widths).
const measure = `<script>
const report = [];
for (const svg of document.querySelectorAll('svg')) {
  const o = svg.getBoundingClientRect();
  const box = e => { const r = e.getBoundingClientRect(); return {x: r.left - o.left, y: r.top - o.top, w: r.width, h: r.height}; };
  const out = {top: o.top, width: o.width, height: o.height, hosts: [], texts: []};
  for (const g of svg.querySelectorAll('g[data-kind=host]')) {
    const h = {name: g.dataset.name, box: box(g.querySelector(':scope > rect')), containers: []};
    for (const c of g.querySelectorAll('g[data-kind=container]')) {
      h.containers.push({name: c.dataset.name, box: box(c.querySelector('rect')), text: box(c.querySelector('text'))});
    }
    out.hosts.push(h);
  }
  for (const t of svg.querySelectorAll('text')) out.texts.push({text: t.textContent, box: box(t)});
  report.push(out);
}
const pre = document.createElement('pre');
pre.id = 'layout';
pre.textContent = 'LAYOUT' + JSON.stringify(report) + 'END';
document.body.appendChild(pre);
</script>`

type bbox struct{ X, Y, W, H float64 }

func (a bbox) inside(b bbox) bool {
	const eps = 0.5
	return a.X >= b.X-eps && a.Y >= b.Y-eps && a.X+a.W <= b.X+b.W+eps && a.Y+a.H <= b.Y+b.H+eps
}

func (a bbox) overlaps(b bbox) bool {
	const eps = 0.5
	return a.X < b.X+b.W-eps && b.X < a.X+a.W-eps && a.Y < b.Y+b.H-eps && b.Y < a.Y+a.H-eps
}

type layoutReport struct {
	Top, Width, Height float64
	Hosts              []struct {
		Name       string
		Box        bbox
		Containers []struct {
			Name      string
			Box, Text bbox
		}
	}
	Texts []struct {
		Text string
		Box  bbox
	}
}

// chromium runs Debian's chromium headless with a fresh profile and no
// network chatter.
func chromium(t *testing.T, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("the SVG layout test renders diagrams in a real browser and needs Debian's chromium, which is not installed: run scripts/test-deps (or apt-get install chromium)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "chromium: %s", stderr.String())
	return out
}

var layoutRe = regexp.MustCompile(`(?s)<pre id="layout">LAYOUT(.*?)END</pre>`)

type drawing struct {
	name              string
	svg               []byte
	hosts, containers int
}

// checkLayouts renders the drawings in Chromium, one page for all, and
// checks what a reader needs: nothing overlaps, every host, container and
// text is inside the drawing's viewport, and every container's text fits
// its box. A screenshot of the page then shows every host box drawn.
func checkLayouts(t *testing.T, drawings []drawing) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	var html strings.Builder
	html.WriteString("<!doctype html><html><head><style>body{margin:0} svg{display:block}</style></head><body>")
	width := 0.0
	for _, d := range drawings {
		html.Write(d.svg)
	}
	html.WriteString(measure + "</body></html>")
	require.NoError(t, os.WriteFile(page, []byte(html.String()), 0o644))
	dom := chromium(t, "--dump-dom", "file://"+page)
	m := layoutRe.FindSubmatch(dom)
	require.NotNil(t, m, "the page script did not report a layout")
	var reports []layoutReport
	require.NoError(t, json.Unmarshal([]byte(strings.ReplaceAll(string(m[1]), "&amp;", "&")), &reports))
	require.Len(t, reports, len(drawings))

	height := 0.0
	for i, d := range drawings {
		r, name := reports[i], d.name
		width, height = max(width, r.Width), r.Top+r.Height
		view := bbox{0, 0, r.Width, r.Height}
		require.Len(t, r.Hosts, d.hosts, name)
		n := 0
		for i, h := range r.Hosts {
			require.Truef(t, h.Box.inside(view), "%s: host %s %v is outside the viewport %v", name, h.Name, h.Box, view)
			for _, o := range r.Hosts[i+1:] {
				require.Falsef(t, h.Box.overlaps(o.Box), "%s: hosts %s and %s overlap", name, h.Name, o.Name)
			}
			for j, c := range h.Containers {
				n++
				require.Truef(t, c.Box.inside(h.Box), "%s: container %s is outside its host %s", name, c.Name, h.Name)
				require.Truef(t, c.Text.inside(c.Box), "%s: the text of container %s %v does not fit its box %v", name, c.Name, c.Text, c.Box)
				for _, o := range h.Containers[j+1:] {
					require.Falsef(t, c.Box.overlaps(o.Box), "%s: containers %s and %s overlap", name, c.Name, o.Name)
				}
			}
		}
		require.Equal(t, d.containers, n, name)
		for i, tx := range r.Texts {
			require.Truef(t, tx.Box.inside(view), "%s: text %q %v is outside the viewport", name, tx.Text, tx.Box)
			for _, o := range r.Texts[i+1:] {
				require.Falsef(t, tx.Box.overlaps(o.Box), "%s: texts %q and %q overlap", name, tx.Text, o.Text)
			}
		}
	}

	shot := filepath.Join(dir, "shot.png")
	chromium(t, "--screenshot="+shot, fmt.Sprintf("--window-size=%d,%d", int(width), int(height)), "--hide-scrollbars", "file://"+page)
	f, err := os.Open(shot)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	require.Equal(t, int(width), img.Bounds().Dx())
	require.Equal(t, int(height), img.Bounds().Dy())
	for i, r := range reports {
		for _, h := range r.Hosts {
			cr, cg, cb, _ := img.At(int(h.Box.X+h.Box.W/2), int(r.Top+h.Box.Y)).RGBA()
			require.Falsef(t, cr == 0xffff && cg == 0xffff && cb == 0xffff, "%s: the border of host %s is not drawn", drawings[i].name, h.Name)
		}
	}
}

func TestSVGLayoutInBrowser(t *testing.T) {
	ref := linttest.SharedDir(t, "reference/rancher-catalog-extension/templates/project-harbor/4")
	var drawings []drawing
	for _, c := range []struct{ name, version, hosts string }{
		{"twenty services", td("templates", "twenty", "0"), td("hosts", "three-plain.yaml")},
		{"twenty services on one host", td("templates", "twenty", "0"), td("hosts", "port80.yaml")},
		{"published converged Harbor with problems", ref, filepath.Join("..", "..", "examples", "hosts", "missing-label.yaml")},
		{"unplaced services", td("templates", "ingress", "0"), td("hosts", "two-roles.yaml")},
	} {
		inv := inventory(t, c.hosts)
		p, err := New(loadVersion(t, c.version), inv, Options{})
		require.NoError(t, err)
		containers := 0
		for _, s := range p.Services {
			containers += len(s.Containers)
		}
		var svg bytes.Buffer
		require.NoError(t, WriteSVG(&svg, p))
		drawings = append(drawings, drawing{c.name, svg.Bytes(), len(inv.Hosts), containers})
	}
	checkLayouts(t, drawings)
}
