// Package interpolation finds the strings of a version's compose files that
// Rancher's executor interpolates (`$NAME`, `${NAME}`), with where each one
// is and what it belongs to. It is an analysis of the catalog model,
// computed once per version (Of) and shared by the I rules.
//
// Strings come from the rendered documents of the model where the default
// answers render them (exact), and, for the lines of a compose template
// that those answers do not render (other branches of `if`), from the
// template's literal text, whose YAML structure is recovered from
// indentation: no parsed document holds those lines.
package interpolation

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Item is a string in the part of a compose file that Rancher's executor
// interpolates: a value (interpolated) or a mapping key (never). Items come
// from the rendered document (exact) and, for template lines the default
// answers do not render, from the template's literal text (see textItems).
type Item struct {
	Text string
	Key  bool
	// OpenEnd is set when template output follows Text on its line, so a
	// construct running into the end of Text is not known yet.
	OpenEnd bool
	Kind    string   // what a key names: "service", "volume", "label", ...
	Unit    string   // "service", "volume" or "network"
	Path    []string // unit name first, then keys and [indexes]

	// Refs and Errs are what interp.Scan finds in Text, scanned once here
	// for all the rules that read them.
	Refs []interp.Ref
	Errs []interp.Error

	// Where Text is: a scalar of a parsed document (node set), or bytes of
	// a template line from column col0 (0-based) on. Plain fields rather
	// than a closure, which would cost an allocation per item; int32 holds
	// any line and column of a file the loader reads (catalog.MaxFileSize).
	doc        *catalog.Doc
	node       *yaml.Node
	file       *catalog.File
	line, col0 int32
}

// Uncertain reports whether template output right after the text may
// extend the reference (`$NAME{{ ... }}`).
func (it Item) Uncertain(ref interp.Ref) bool {
	return it.OpenEnd && !ref.Braced && ref.End == len(it.Text)
}

// Pos is the source position of bytes [off, end) of the item's text.
func (it Item) Pos(off, end int) catalog.Pos {
	if it.node != nil {
		return valuePos(it.doc, it.node, off, end)
	}
	return catalog.LinePos(it.file, int(it.line), int(it.col0)+off+1)
}

// Where names the item for a message: `service "web", environment.FOO`.
func (it Item) Where() string {
	if len(it.Path) == 0 {
		return it.Unit
	}
	w := fmt.Sprintf("%s %q", it.Unit, it.Path[0])
	rest := ""
	for _, e := range it.Path[1:] {
		switch {
		case strings.HasPrefix(e, "["):
			rest += e
		case rest == "":
			rest = e
		default:
			rest += "." + e
		}
	}
	if rest != "" {
		w += ", " + rest
	}
	return w
}

// Strings are the strings of one version that hold a `$`.
type Strings struct {
	Version *catalog.Version
	Items   []Item
}

// Of returns the strings that Rancher's executor interpolates in v's
// compose files (what the UI sends) and the mapping keys inside those
// parts, those that hold a `$`, computed once per version; nil when v has
// no compose project.
//
// The executor interpolates the values of each service (v1: every
// top-level entry but `.catalog`; v2: `services`) and of the v2 `volumes` and
// `networks`. The `.catalog` block is never interpolated. Aliases are not
// followed: an anchored node is visited where it is defined.
func Of(v *catalog.Version) *Strings {
	if v == nil || v.Project == nil {
		return nil
	}
	return catalog.Derive(v, stringsKey, func() *Strings {
		c := &collector{s: &Strings{Version: v}}
		collectInterpolated(v, c)
		return c.s
	})
}

// collector gathers the items of one version. The items' paths, Refs and
// Errs are windows on a few shared arrays rather than small slices of
// their own: a version has tens to hundreds of items. A window keeps the
// array it was cut from when a later append moves on to a bigger one.
type collector struct {
	s     *Strings
	paths []string
	refs  []interp.Ref
	errs  []interp.Error
}

// add keeps it when its text holds a `$`, with what interp.Scan finds in it.
func (c *collector) add(it Item) {
	if strings.IndexByte(it.Text, '$') < 0 {
		return
	}
	r0, e0 := len(c.refs), len(c.errs)
	c.refs, c.errs = interp.AppendScan(c.refs, c.errs, it.Text)
	if r1 := len(c.refs); r1 > r0 {
		it.Refs = c.refs[r0:r1:r1]
	}
	if e1 := len(c.errs); e1 > e0 {
		it.Errs = c.errs[e0:e1:e1]
	}
	c.s.Items = append(c.s.Items, it)
}

// path returns a copy of p that the caller may keep.
func (c *collector) path(p []string) []string {
	start := len(c.paths)
	c.paths = append(c.paths, p...)
	return c.paths[start:len(c.paths):len(c.paths)]
}

// dollarRuns counts the runs of `$` in b: at least as many as the strings
// of a parsed document of b that hold one (each holds its own bytes of b;
// escapes in double quotes aside), so a good capacity for its items.
func dollarRuns(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '$')
		if j < 0 {
			break
		}
		n++
		i += j + 1
		for i < len(b) && b[i] == '$' {
			i++
		}
	}
	return n
}

var stringsKey = catalog.NewKey[*Strings]("interpolation")

// collectInterpolated adds to c the interpolated strings and keys of v that
// hold a `$` (others are skipped where they are found, without the cost of
// an Item).
func collectInterpolated(v *catalog.Version, c *collector) {
	if v.Project == nil {
		return
	}
	// What each file needs is found first, so that the items of both files
	// get one array: each holds a `$` of a rendered document, or sits on a
	// template line that holds one and did not render.
	type plan struct {
		f        *catalog.File
		d        *catalog.Doc
		isRC     bool
		walk     int // $ runs of the rendered document
		rendered lineSet
		text     int // $ lines that did not render
	}
	var plans [2]plan
	items := 0
	for i, f := range []*catalog.File{v.ComposeFile(), v.RancherComposeFile()} {
		if f == nil || f.Rendered == nil {
			continue
		}
		p := &plans[i]
		p.f, p.isRC = f, f == v.RancherComposeFile()
		for _, pd := range []*catalog.Doc{v.Project.DC, v.Project.RC} {
			if pd != nil && pd.File == f {
				p.d = pd
			}
		}
		if p.d != nil {
			p.walk = dollarRuns(f.Rendered.Data)
		}
		p.rendered, p.text = textScan(f, p.d)
		items += p.walk + p.text
	}
	c.s.Items = slices.Grow(c.s.Items, items)
	for _, p := range plans {
		if p.walk > 0 {
			// A path is a few keys deep.
			c.refs = slices.Grow(c.refs, p.walk)
			c.paths = slices.Grow(c.paths, 3*p.walk)
			walkDoc(p.d, p.f.Rendered.Data, p.isRC, c)
		}
		if p.text > 0 {
			textItems(p.f, p.d, p.isRC, p.rendered, c)
		}
	}
}

// isV2 reports whether a compose `version` puts services under `services`.
func isV2(version string) bool { return composefile.IsV2Version(version) }

// sections are the v2 top-level keys whose entries are interpolated.
var sections = map[string]string{"services": "service", "volumes": "volume", "networks": "network"}

// skipUnit reports entries of the services map that are not services
// (the top level's `version` is checked where the top level is known).
func skipUnit(name string, isRC bool) bool {
	return composefile.NotService(name, isRC, false)
}

// walkDoc visits d, whose text is data (the rendered file).
func walkDoc(d *catalog.Doc, data []byte, isRC bool, c *collector) {
	root := yamlnode.Resolve(d.Root)
	if !yamlnode.IsMap(root) {
		return
	}
	if ver, _ := yamlnode.Scalar(root, "version"); isV2(ver) {
		for _, key := range []string{"services", "volumes", "networks"} {
			walkUnits(d, data, yamlnode.Value(root, key), sections[key], isRC, false, c)
		}
		return
	}
	walkUnits(d, data, root, "service", isRC, true, c)
}

// skipPlainUnits lets walkUnits pass over a unit whose text holds no `$`;
// tests turn it off to compare with the full walk.
var skipPlainUnits = true

// walkUnits visits the entries of a services, volumes or networks mapping.
func walkUnits(d *catalog.Doc, data []byte, m *yaml.Node, unit string, isRC, top bool, c *collector) {
	m = yamlnode.Resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	w := &walker{d: d, unit: unit, c: c}
	lines := lineCursor{data: data, line: 1}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, val := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || isMerge(k) {
			continue
		}
		if unit == "service" && skipUnit(k.Value, isRC) || top && k.Value == "version" {
			continue
		}
		if skipPlainUnits && k.Line > 0 && i+2 < len(m.Content) && m.Content[i+2].Line >= k.Line {
			// The unit's nodes lie in document order between its key and
			// the next key, on lines [k.Line, next.Line]. Where those
			// lines hold no `$` (and no `\`, by which a double-quoted
			// escape writes one) no string of the unit holds one either:
			// services without answers are passed over without visiting
			// their nodes.
			from := lines.start(k.Line)
			to := lines.start(m.Content[i+2].Line)
			if j := bytes.IndexByte(data[to:], '\n'); j >= 0 {
				to += j + 1
			} else {
				to = len(data)
			}
			if span := data[from:to]; bytes.IndexByte(span, '$') < 0 && bytes.IndexByte(span, '\\') < 0 {
				continue
			}
		}
		w.path = append(w.path[:0], k.Value)
		if strings.IndexByte(k.Value, '$') >= 0 {
			c.add(nodeItem(d, k, true, unit, unit, c.path(w.path)))
		}
		w.value(val, 0)
	}
}

// lineCursor finds where lines of data start, moving forward only: the
// keys of a mapping come in document order.
type lineCursor struct {
	data      []byte
	line, off int // line (1-based) starts at byte off
}

// start returns the offset of line n's first byte, len(data) past the end.
func (c *lineCursor) start(n int) int {
	if n < c.line {
		c.line, c.off = 1, 0
	}
	for c.line < n {
		i := bytes.IndexByte(c.data[c.off:], '\n')
		if i < 0 {
			c.line, c.off = n, len(c.data)
			break
		}
		c.off += i + 1
		c.line++
	}
	return c.off
}

// walker visits the values of one unit. path is the unit name, then the
// keys and [indexes] down to the node being visited; items get a copy.
type walker struct {
	d    *catalog.Doc
	unit string
	c    *collector
	path []string
}

func (w *walker) value(n *yaml.Node, depth int) {
	if n == nil || depth > 200 {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.IndexByte(n.Value, '$') >= 0 {
			w.c.add(nodeItem(w.d, n, false, "", w.unit, w.c.path(w.path)))
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				continue // complex keys: compose has none
			}
			if isMerge(k) {
				w.value(val, depth+1) // `<<: {...}` merges into path
				continue
			}
			kind := ""
			if strings.IndexByte(k.Value, '$') >= 0 {
				kind = keyKind(w.path)
			}
			w.path = append(w.path, k.Value)
			if kind != "" {
				w.c.add(nodeItem(w.d, k, true, kind, w.unit, w.c.path(w.path)))
			}
			w.value(val, depth+1)
			w.path = w.path[:len(w.path)-1]
		}
	case yaml.SequenceNode:
		for i, it := range n.Content {
			w.path = append(w.path, index(i))
			w.value(it, depth+1)
			w.path = w.path[:len(w.path)-1]
		}
	}
	// Alias nodes are skipped: their target is visited where it is defined.
}

// indexes are the path elements of the first list items, made once.
var indexes = func() []string {
	out := make([]string, 64)
	for i := range out {
		out[i] = "[" + strconv.Itoa(i) + "]"
	}
	return out
}()

// index is the path element of list item i: "[i]".
func index(i int) string {
	if i < len(indexes) {
		return indexes[i]
	}
	return "[" + strconv.Itoa(i) + "]"
}

func nodeItem(d *catalog.Doc, n *yaml.Node, key bool, kind, unit string, path []string) Item {
	return Item{Text: n.Value, Key: key, Kind: kind, Unit: unit, Path: path, doc: d, node: n}
}

func isMerge(k *yaml.Node) bool { return k.Value == "<<" && k.Tag == "!!merge" }

// keyKind says what a key directly under path (unit name first) names.
func keyKind(path []string) string {
	if len(path) == 2 {
		switch path[1] {
		case "labels":
			return "label"
		case "environment":
			return "environment variable"
		}
	}
	return "key"
}

// valuePos is the source position of bytes [off, end) of scalar n's value:
// the exact column when the value's text can be found on its source line,
// else the scalar's own position.
func valuePos(d *catalog.Doc, n *yaml.Node, off, end int) catalog.Pos {
	pos := d.At(n)
	if pos.File == nil || pos.Line < 1 || off < 0 || off > len(n.Value) {
		return pos
	}
	val := n.Value
	if end > len(val) || end < off {
		end = off
	}
	lineStart := strings.LastIndexByte(val[:off], '\n') + 1
	lineEnd := len(val)
	if i := strings.IndexByte(val[off:], '\n'); i >= 0 {
		lineEnd = off + i
	}
	text := val[lineStart:lineEnd]
	inLine := off - lineStart
	tok := val[off:min(end, lineEnd)]

	srcLine := pos.Line
	src := ""
	switch n.Style {
	case yaml.LiteralStyle:
		// Line k of a literal block is the k-th line after its header.
		rendered := n.Line + 1 + strings.Count(val[:off], "\n")
		srcLine = rendered
		if d.Rendered {
			srcLine = d.File.Rendered.SourceLine(rendered)
		}
		src = d.File.Line(srcLine)
		if i := strings.Index(src, text); i >= 0 && text != "" {
			return catalog.LinePos(d.File, srcLine, i+inLine+1)
		}
	case 0, yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		if strings.IndexByte(val, '\n') >= 0 {
			return pos
		}
		src = d.File.Line(srcLine)
		start := pos.Col - 1
		if n.Style != 0 {
			start++ // the opening quote
		}
		if start >= 0 && start <= len(src) && strings.HasPrefix(src[start:], text) {
			return catalog.LinePos(d.File, srcLine, start+inLine+1)
		}
	default:
		return pos
	}
	// The line was remapped, or escapes or templating changed the text:
	// find the value, else the construct itself, if it occurs once.
	if text != "" && strings.Count(src, text) == 1 {
		return catalog.LinePos(d.File, srcLine, strings.Index(src, text)+inLine+1)
	}
	if tok != "" && strings.Count(src, tok) == 1 {
		return catalog.LinePos(d.File, srcLine, strings.Index(src, tok)+1)
	}
	if srcLine != pos.Line {
		return catalog.LinePos(d.File, srcLine, 1)
	}
	return pos
}
