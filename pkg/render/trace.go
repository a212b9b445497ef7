package render

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// Origin is where a line of a rendered file comes from: a line of a
// template file, or a field of the blueprint (config.yml, the `.catalog`
// block).
type Origin struct {
	File  string // as blueprint.Source.Show gives it, or the blueprint file
	Line  int
	Field string // for blueprint origins: "releases[1.4.0]", "questions[db_password]"
	// Verbatim says that the rendered line is the source line itself (no
	// template action on it), so a column on one is a column on the other.
	Verbatim bool
}

func (o Origin) String() string {
	s := o.File
	if o.Line > 0 {
		s += ":" + strconv.Itoa(o.Line)
	}
	if o.Field != "" {
		s += " (" + o.Field + ")"
	}
	return s
}

// Traced is where the lines of one rendered version folder come from.
type Traced struct {
	// Lines maps a file's base name to the origin of each of its lines
	// (index 0 is line 1).
	Lines map[string][]Origin
	// Sources holds the text of each template file, by its shown name, for
	// quoting the line a finding points at.
	Sources map[string][]byte
}

// Trace tells where each line of a rendered version folder comes from. It
// renders the release again from the same parsed templates with an
// invisible marker at the start of every template line (and of every line
// of the generated `.catalog` block), so it costs a second rendering and is
// meant for the path where something is to be reported. Files copied verbatim map line for line to themselves; a file whose
// traced rendering does not strip back to the real one (a function mangled
// a marker) is left out rather than mapped wrongly.
func Trace(bp *blueprint.Blueprint, entry, catalogVersion string) (*Traced, error) {
	var e blueprint.Entry
	found := false
	for _, x := range bp.Entries {
		if x.Name == entry {
			e, found = x, true
		}
	}
	if !found {
		return nil, fmt.Errorf("%s: no entry %q", bp.File, entry)
	}
	releases := bp.ReleasesOf(e)
	i := slices.IndexFunc(releases, func(r blueprint.Release) bool { return r.CatalogVersion() == catalogVersion })
	if i < 0 {
		return nil, fmt.Errorf("%s: entry %s ships no release %s", bp.File, entry, catalogVersion)
	}
	r := releases[i]
	previous := ""
	if i > 0 {
		previous = releases[i-1].CatalogVersion()
	}
	er := e.ForRelease(r)
	questions, err := questionsBlock(er, nil)
	if err != nil {
		return nil, err
	}
	data, err := newTemplateData(bp, er, r, previous, questions, nil)
	if err != nil {
		return nil, err
	}
	plain, err := loadTemplates(bp, e)
	if err != nil {
		return nil, err
	}
	want, err := plain.render(data)
	if err != nil {
		return nil, err
	}
	tr := &tracer{}
	traced, err := loadTemplatesWith(bp, e, tr.mark)
	if err != nil {
		return nil, err
	}
	data.Catalog = tr.markCatalog(bp, er, r, data.Catalog)
	got, err := traced.render(data)
	if err != nil {
		return nil, err
	}
	out := map[string][]Origin{}
	sources := map[string][]byte{}
	for name, src := range plain.sources {
		sources[name] = src
	}
	for _, o := range traced.outputs {
		if o.template == "" {
			n := bytes.Count(o.raw, []byte("\n")) + 1
			lines := make([]Origin, n)
			for l := range lines {
				lines[l] = Origin{File: o.source, Line: l + 1, Verbatim: true}
			}
			out[o.name] = lines
			sources[o.source] = o.raw
			continue
		}
		text, origins := tr.strip(got[o.name])
		if !bytes.Equal(text, want[o.name]) {
			continue
		}
		out[o.name] = origins
	}
	return &Traced{Lines: out, Sources: sources}, nil
}

// ConfigOrigin is where config.yml's lines come from: the entry's place in
// the blueprint (its title and description), and the default release for
// `version`.
func ConfigOrigin(bp *blueprint.Blueprint, entry string, config []byte) []Origin {
	var e blueprint.Entry
	for _, x := range bp.Entries {
		if x.Name == entry {
			e = x
		}
	}
	def := bp.DefaultRelease()
	lines := strings.Split(string(config), "\n")
	out := make([]Origin, len(lines))
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "version:"):
			out[i] = Origin{File: bp.File, Line: def.Pos.Line, Field: "releases[" + def.CatalogVersion() + "] (the default release)"}
		case strings.HasPrefix(l, "name:"), strings.HasPrefix(l, "description:"):
			out[i] = Origin{File: bp.File, Line: e.Pos.Line, Field: "entries[" + entry + "]"}
		default:
			out[i] = Origin{File: bp.File, Line: 1, Field: "app"}
		}
	}
	return out
}

// tracer numbers origins and writes them as markers: NUL, the origin's
// index, SOH. Neither byte can come from a template's text or a YAML file
// (the loader refuses NUL), so stripping them restores the output exactly.
type tracer struct {
	origins []Origin
}

func (t *tracer) marker(o Origin) string {
	t.origins = append(t.origins, o)
	return "\x00" + strconv.Itoa(len(t.origins)-1) + "\x01"
}

// mark puts a marker at the start of every source line that a text node of
// the template holds.
func (t *tracer) mark(file string, src []byte, tree *parse.Tree) {
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.TextNode:
			t.markText(file, src, n)
		}
	}
	if tree != nil {
		walk(tree.Root)
	}
}

func (t *tracer) markText(file string, src []byte, n *parse.TextNode) {
	start := int(n.Pos)
	if start < 0 || start+len(n.Text) > len(src) || !bytes.Equal(src[start:start+len(n.Text)], n.Text) {
		return // trimmed text whose place in the source is not exact
	}
	line := 1 + bytes.Count(src[:start], []byte("\n"))
	// verbatim reports whether a source line holds no action, so that the
	// rendered line is the source line.
	verbatim := func(l, from int) bool {
		end := bytes.IndexByte(src[from:], '\n')
		if end < 0 {
			end = len(src) - from
		}
		return !bytes.Contains(src[from:from+end], []byte("{{"))
	}
	var b bytes.Buffer
	if start == 0 || src[start-1] == '\n' {
		b.WriteString(t.marker(Origin{File: file, Line: line, Verbatim: verbatim(line, start)}))
	}
	for i, c := range n.Text {
		b.WriteByte(c)
		if c == '\n' {
			line++
			b.WriteString(t.marker(Origin{File: file, Line: line, Verbatim: verbatim(line, start+i+1)}))
		}
	}
	n.Text = b.Bytes()
}

// markCatalog marks the lines of the generated `.catalog` block with the
// blueprint fields they come from: the release (version, Rancher versions,
// upgrade_from), the entry (name, description) and each question.
func (t *tracer) markCatalog(bp *blueprint.Blueprint, e blueprint.Entry, r blueprint.Release, block string) string {
	release := Origin{File: bp.File, Line: r.Pos.Line, Field: "releases[" + r.CatalogVersion() + "]"}
	entry := Origin{File: bp.File, Line: e.Pos.Line, Field: "entries[" + e.Name + "]"}
	cur := entry
	q := -1
	var b strings.Builder
	for i, line := range strings.SplitAfter(block, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case i == 0:
		case strings.HasPrefix(trimmed, "- variable:") && q+1 < len(e.Questions):
			q++
			cur = Origin{File: bp.File, Line: e.Questions[q].Pos.Line, Field: "questions[" + e.Questions[q].Variable + "]"}
		case q < 0 && len(line)-len(trimmed) == 2:
			key, _, _ := strings.Cut(trimmed, ":")
			switch key {
			case "version", "minimum_rancher_version", "maximum_rancher_version", "upgrade_from":
				cur = release
			case "questions":
				cur = entry
			default:
				cur = entry
			}
		}
		if line != "" {
			b.WriteString(t.marker(cur))
		}
		b.WriteString(line)
	}
	return b.String()
}

// strip removes the markers from a traced rendering and returns, for each
// line of what remains, its origin: the last marker before the line's first
// character that is not a space, or else the origin in force from the lines
// before (a line written by a function, such as a multi-line value).
func (t *tracer) strip(traced []byte) ([]byte, []Origin) {
	var text bytes.Buffer
	var origins []Origin
	cur := Origin{}
	lineOrigin, content := Origin{}, false
	set := false
	for i := 0; i < len(traced); i++ {
		c := traced[i]
		if c == 0 {
			end := bytes.IndexByte(traced[i:], 1)
			if end > 0 {
				if n, err := strconv.Atoi(string(traced[i+1 : i+end])); err == nil && n < len(t.origins) {
					cur = t.origins[n]
					if !content {
						lineOrigin, set = cur, true
					}
					i += end
					continue
				}
			}
		}
		text.WriteByte(c)
		if c != ' ' && c != '\t' && c != '\n' {
			content = true
		}
		if c == '\n' {
			if !set {
				lineOrigin = cur
				lineOrigin.Verbatim = false
			}
			origins = append(origins, lineOrigin)
			content, set = false, false
		}
	}
	if !set {
		lineOrigin = cur
		lineOrigin.Verbatim = false
	}
	origins = append(origins, lineOrigin)
	return text.Bytes(), origins
}
