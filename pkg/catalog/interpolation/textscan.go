package interpolation

import (
	"bytes"
	"regexp"
	"strings"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

// textItems covers what rendering with the default answers cannot: the
// lines of a compose template that those answers do not render (other
// branches of `if`, code after an execution error, or the whole file when its
// rendered output is not YAML). It reads the template's literal text (never
// the inside of actions) line by line and recovers the YAML structure from
// indentation, which is enough to tell keys from values and to name the
// service.
//
// Lines that did render are left to the rendered document, which is exact:
// rendered is what textScan found for f.
func textItems(f *catalog.File, d *catalog.Doc, isRC bool, rendered lineSet, out *collector) {
	trees := parseTrees(f)
	if trees == nil {
		return
	}
	data := f.Data
	lit := literalMask(trees, data)

	v2 := false
	if d != nil {
		ver, _ := yamlnode.Scalar(yamlnode.Resolve(d.Root), "version")
		v2 = isV2(ver)
	} else if m := versionLineRe.FindSubmatch(data); m != nil {
		v2 = isV2(string(m[1]))
	}

	// A level's key is made a string only when an item's path needs it:
	// most key lines of a template hold no `$` below them.
	type level struct {
		indent int
		raw    []byte
		key    string
		made   bool
	}
	var stack []level
	var buf []byte    // masked line, reused
	blockIndent := -1 // inside a block scalar whose parent is at this indentation
	lineNo := 0
	for start := 0; start <= len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		lineNo++
		line := data[start:end]
		buf = maskActions(buf[:0], line, lit[start:end])
		masked := buf
		lineStart := start
		start = end + 1

		fi := firstNonSpace(masked)
		if fi < 0 {
			continue
		}
		keys := func() []string {
			ks := make([]string, len(stack))
			for i := range stack {
				if l := &stack[i]; !l.made {
					l.key, l.made = string(l.raw), true
				}
				ks[i] = stack[i].key
			}
			return ks
		}
		emit := func(a, b int, key bool) {
			if rendered.has(lineNo) || bytes.IndexByte(line[a:b], '$') < 0 {
				return // every item of interest holds a `$`
			}
			unit, path, kind, ok := textPath(keys(), v2, isRC, key)
			if !ok {
				return
			}
			lineLit := lit[lineStart:end]
			for i := a; i < b; {
				// The maximal runs of template text within [a, b).
				if lineLit[i] == 0 {
					i++
					continue
				}
				j := i
				for j < b && lineLit[j] != 0 {
					j++
				}
				if bytes.IndexByte(line[i:j], '$') >= 0 {
					out.add(Item{Text: string(line[i:j]), Key: key, Kind: kind, Unit: unit, Path: path,
						OpenEnd: j < len(masked) && masked[j] == 'x', file: f, line: int32(lineNo), col0: int32(i)})
				}
				i = j
			}
		}

		if blockIndent >= 0 {
			if fi > blockIndent {
				emit(0, len(masked), false) // block scalar content is a value
				continue
			}
			blockIndent = -1
		}
		if masked[fi] == '#' || masked[fi] == 'x' && pureActionLine(masked) {
			continue
		}
		if fi == 0 && (bytes.HasPrefix(masked, []byte("---")) || bytes.HasPrefix(masked, []byte("..."))) {
			continue
		}
		if masked[fi] == 'x' {
			// The line starts with template output: its structure is
			// unknown, but its literal text is still a value.
			emit(fi, commentStart(masked, fi), false)
			continue
		}

		c := fi
		item := false
		for c < len(masked) && masked[c] == '-' && (c+1 == len(masked) || masked[c+1] == ' ' || masked[c+1] == '\t') {
			item = true
			c++
			for c < len(masked) && (masked[c] == ' ' || masked[c] == '\t') {
				c++
			}
		}
		if item {
			for len(stack) > 0 && stack[len(stack)-1].indent > fi {
				stack = stack[:len(stack)-1]
			}
		}
		parent := fi
		valueStart := c
		// A key needs a colon; most lines of a list or block have none.
		if m, ok := keyMatch(masked[c:]); ok {
			ks, ke := c+m[2], c+m[3]
			if q := masked[ks]; (q == '"' || q == '\'') && ke-ks >= 2 {
				ks, ke = ks+1, ke-1
			}
			for len(stack) > 0 && stack[len(stack)-1].indent >= c {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, level{indent: c, raw: line[ks:ke]})
			emit(ks, ke, true)
			valueStart, parent = c+m[1], c
		}
		ce := commentStart(masked, valueStart)
		if isBlockHeader(bytes.TrimSpace(masked[valueStart:ce])) {
			blockIndent = parent
			continue
		}
		emit(valueStart, ce, false)
	}
}

var versionLineRe = regexp.MustCompile(`(?m)^version:[ \t]*["']?([0-9.]+)`)

// isBlockHeader reports whether b is a block scalar header, `|` or `>` with
// indentation and chomping indicators (`^[|>][-+0-9]*$`): asked of nearly
// every line of a compose template, so no regexp. TestIsBlockHeader holds
// the two together.
func isBlockHeader(b []byte) bool {
	if len(b) == 0 || b[0] != '|' && b[0] != '>' {
		return false
	}
	for _, c := range b[1:] {
		if c != '-' && c != '+' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// textPath splits a key path into the interpolated unit it belongs to. It
// returns ok=false for parts Rancher does not interpolate.
func textPath(keys []string, v2, isRC, key bool) (unit string, path []string, kind string, ok bool) {
	if v2 {
		if len(keys) < 2 {
			return "", nil, "", false
		}
		unit, ok = sections[keys[0]]
		if !ok || unit == "service" && skipUnit(keys[1], isRC) {
			return "", nil, "", false
		}
		path = keys[1:]
	} else {
		if len(keys) < 1 || skipUnit(keys[0], isRC) || keys[0] == "version" {
			return "", nil, "", false
		}
		unit, path = "service", keys
	}
	if key {
		kind = unit
		if len(path) > 1 {
			kind = keyKind(path[:len(path)-1])
		}
	}
	return unit, path, kind, true
}

// parseTrees returns the template trees the model parsed for f (the file
// and its {{define}} blocks), or nil when f is not templated or does not
// parse (T001 reports that).
func parseTrees(f *catalog.File) []*parse.Tree {
	if f == nil || f.Data == nil || f.Rendered == nil || !f.Rendered.Templated || f.Rendered.ParseErr != nil {
		return nil
	}
	return f.Trees()
}

// textNodes calls fn for every literal text node of the trees, in every
// branch.
func textNodes(trees []*parse.Tree, fn func(*parse.TextNode)) {
	var walk func(n parse.Node, depth int)
	walk = func(n parse.Node, depth int) {
		if depth > 1000 {
			return
		}
		switch n := n.(type) {
		case *parse.TextNode:
			fn(n)
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c, depth+1)
				}
			}
		case *parse.IfNode:
			walk(n.List, depth+1)
			walk(n.ElseList, depth+1)
		case *parse.RangeNode:
			walk(n.List, depth+1)
			walk(n.ElseList, depth+1)
		case *parse.WithNode:
			walk(n.List, depth+1)
			walk(n.ElseList, depth+1)
		}
	}
	for _, t := range trees {
		if t != nil && t.Root != nil {
			walk(t.Root, 0)
		}
	}
}

// literalMask marks the bytes of data that are template text, not actions,
// with a 1 (else 0): bytes rather than bools, so that a line of text alone
// is told by one bytes.IndexByte (maskActions).
func literalMask(trees []*parse.Tree, data []byte) []byte {
	lit := make([]byte, len(data))
	textNodes(trees, func(t *parse.TextNode) {
		s, e := int(t.Pos), int(t.Pos)+len(t.Text)
		if s < 0 || e > len(data) || !bytes.Equal(data[s:e], t.Text) {
			return
		}
		fillOnes(lit[s:e])
	})
	return lit
}

// fillOnes sets every byte of b to 1, by doubling copies (text nodes span
// most of a template).
func fillOnes(b []byte) {
	if len(b) == 0 {
		return
	}
	b[0] = 1
	for n := 1; n < len(b); n *= 2 {
		copy(b[n:], b[:n])
	}
}

// maskActions appends to out line with the bytes of template actions
// replaced by 'x', keeping whitespace so that indentation survives trim
// markers.
func maskActions(out, line []byte, lit []byte) []byte {
	out = append(out, line...)
	if bytes.IndexByte(lit, 0) >= 0 { // else the line is text alone
		for i, b := range line {
			if lit[i] == 0 && b != ' ' && b != '\t' && b != '\r' {
				out[i] = 'x'
			}
		}
	}
	if n := len(out); n > 0 && out[n-1] == '\r' {
		out[n-1] = ' '
	}
	return out
}

func firstNonSpace(b []byte) int {
	for i, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return i
		}
	}
	return -1
}

// pureActionLine reports whether the line holds only template actions.
func pureActionLine(masked []byte) bool {
	return len(bytes.Trim(masked, " \tx")) == 0
}

// commentStart is where a YAML comment starts in masked[from:] (outside
// quotes), or len(masked).
func commentStart(masked []byte, from int) int {
	var quote byte
	for i := from; i < len(masked); i++ {
		c := masked[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && (i == from || masked[i-1] == ' ' || masked[i-1] == '\t'):
			quote = c
		case c == '#' && (i == from || masked[i-1] == ' ' || masked[i-1] == '\t'):
			return i
		}
	}
	return len(masked)
}

// renderedDollars is renderedLines for the lines that hold a `$`, the only
// ones the scan asks about. Most of them it decides from the two texts
// alone: a line that rendering repeats unchanged at the start or the end of
// the file renders (Rendered.SameEnds); a line without template actions
// whose text occurs nowhere in the output does not. Only a line left
// undecided costs the alignment of the whole file (renderedLines).
func renderedDollars(f *catalog.File, d *catalog.Doc) lineSet {
	if d == nil {
		return nil
	}
	if set, ok := decideDollars(f); ok {
		return set
	}
	return renderedLines(f, d)
}

// decideDollars is renderedDollars without the alignment; ok is false when a
// line is left undecided.
func decideDollars(f *catalog.File) (set lineSet, ok bool) {
	data, out := f.Data, f.Rendered.Data
	head, tail := f.Rendered.SameEnds()
	n := bytes.Count(data, []byte("\n")) + 1
	k := 0 // 0-based line number
	for start := 0; start <= len(data); k++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		line := data[start:end]
		start = end + 1
		switch {
		case bytes.IndexByte(line, '$') < 0:
		case k < head || k >= n-tail:
			if set == nil {
				set = make(lineSet, n+1)
			}
			set[k+1] = true
		case bytes.Contains(line, []byte("{{")) || bytes.Contains(line, []byte("}}")) || bytes.Contains(out, bytes.TrimRight(line, "\r")):
			return nil, false
		}
	}
	return set, true
}

// textScan says which lines of f rendered (renderedDollars) and how many of
// the others hold a `$`; textItems has nothing to do when there are none.
func textScan(f *catalog.File, d *catalog.Doc) (rendered lineSet, pending int) {
	if !f.Rendered.Templated || bytes.IndexByte(f.Data, '$') < 0 || parseTrees(f) == nil {
		return nil, 0 // every item of interest holds a `$`
	}
	rendered = renderedDollars(f, d)
	return rendered, unrenderedDollars(f.Data, rendered)
}

// unrenderedDollars counts the source lines that did not render and hold a
// `$`: only those lines need the text scan, and most give one item each.
func unrenderedDollars(data []byte, rendered lineSet) int {
	n := 0
	lineNo := 0
	for start := 0; start <= len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		lineNo++
		if !rendered.has(lineNo) && bytes.IndexByte(data[start:end], '$') >= 0 {
			n++
		}
		start = end + 1
	}
	return n
}

// renderedLines is the set of source lines whose text the default answers
// render into the parsed document (empty when there is no such document). A
// line without actions counts only when it appears verbatim: the model maps
// other rendered lines to the nearest source line, which may belong to a
// branch that was not taken.
func renderedLines(f *catalog.File, d *catalog.Doc) lineSet {
	if d == nil {
		return nil
	}
	src := lines(f.Data)
	if len(src) > 0 && len(src[len(src)-1]) == 0 {
		src = src[:len(src)-1] // the file's final newline ends its last line
	}
	set := make(lineSet, len(src)+1)
	r := f.Rendered
	for i, rest := 0, r.Data; rest != nil; i++ {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		rest = after
		if !found {
			rest = nil // line is the last one
		}
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		n := r.SourceLine(i + 1)
		if n < 1 || n > len(src) {
			continue // no source line: its text is empty, unlike line
		}
		if s := bytes.TrimRight(src[n-1], "\r"); bytes.Equal(s, line) || bytes.Contains(s, []byte("{{")) || bytes.Contains(s, []byte("}}")) {
			set[n] = true
		}
	}
	return set
}

// lineSet holds the 1-based line numbers n with set[n] true.
type lineSet []bool

func (s lineSet) has(n int) bool { return n >= 0 && n < len(s) && s[n] }

// lines splits data at each newline without copying it.
func lines(data []byte) [][]byte {
	out := make([][]byte, 0, bytes.Count(data, []byte("\n"))+1)
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return append(out, data)
		}
		out = append(out, data[:i])
		data = data[i+1:]
	}
}

// keyMatch returns what keyRe.FindSubmatchIndex does (the match's bounds,
// then the key's), without the regexp: the scan tries it on nearly every
// line of every compose template, and the regexp's backtracking dominated
// the scan. TestKeyMatchIsKeyRe and FuzzKeyMatch hold the two together.
// ok is false where the regexp finds nothing; an array rather than a slice
// costs no allocation per key line.
func keyMatch(line []byte) (m [4]int, ok bool) {
	if bytes.IndexByte(line, ':') < 0 {
		return [4]int{}, false
	}
	switch c := line[0]; {
	case c == '"' || c == '\'':
		// A quoted key ends at the first closing quote.
		i := bytes.IndexByte(line[1:], c)
		if i < 0 {
			return [4]int{}, false
		}
		if end, ok := colonAfter(line, i+2); ok {
			return [4]int{0, end, 0, i + 2}, true
		}
		return [4]int{}, false
	case c == '-':
		// `-x...`: a key that starts with a dash not followed by a space.
		if len(line) < 2 || isRESpace(line[1]) || line[1] == '#' {
			return [4]int{}, false
		}
		return lazyKey(line, 2)
	case isRESpace(c) || strings.IndexByte("#'\"{[]|>&*!%@`", c) >= 0:
		return [4]int{}, false
	}
	return lazyKey(line, 1)
}

// lazyKey finds the shortest key line[:e], e >= from, with no '#' after its
// first byte, that a colon closes (keyRe's lazy `[^#]*?`).
func lazyKey(line []byte, from int) (m [4]int, ok bool) {
	for e := from; e <= len(line); e++ {
		if e > from && line[e-1] == '#' {
			return [4]int{}, false
		}
		if end, ok := colonAfter(line, e); ok {
			return [4]int{0, end, 0, e}, true
		}
	}
	return [4]int{}, false
}

// colonAfter matches `[ \t]*:(?:[ \t]|$)` at line[e:] and returns where
// the match ends.
func colonAfter(line []byte, e int) (int, bool) {
	for e < len(line) && (line[e] == ' ' || line[e] == '\t') {
		e++
	}
	if e >= len(line) || line[e] != ':' {
		return 0, false
	}
	e++
	if e == len(line) {
		return e, true
	}
	if line[e] == ' ' || line[e] == '\t' {
		return e + 1, true
	}
	return 0, false
}

// isRESpace is the regexp class \s: tab, newline, form feed, carriage
// return and space.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
