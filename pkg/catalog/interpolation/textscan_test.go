package interpolation

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// keyRe is what keyMatch finds: a block mapping key, plain (no ": "
// inside) or quoted, then ":" and a space or the end of the line.
var keyRe = regexp.MustCompile(`^("[^"]*"|'[^']*'|[^\s#'"{\[\]|>&*!%@` + "`" + `-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]|$)`)

var keyLines = []string{
	"", ":", ": x", "a:", "a: b", "a:b", "a:b: c", "a :", "a\t:\tb", "a  : b: c",
	`"a b": c`, `"a:b":`, `"a" :x`, `"a"x: y`, `"unclosed: x`, `'a': b`, `'a''b': c`,
	"- a: b", "-a: b", "-: x", "-#: x", "--: x", "-\t: x", "a#b: c", "a #b: c",
	"#a: b", "{a: b}", "[a]: b", "|: x", ">: x", "&a: b", "*a: b", "!a: b", "%a: b",
	"@a: b", "`a: b", "\ta: b", " a: b", "\ra: b", "a\r: b", "a:\r", "xxx: b",
	"key: value # comment: x", "é: x", "aé:b: c", "\xff: x", "a\xff: b", "-\xe9: x",
	"a:\t", "a:: b", "a :: b", "http://x: y", "a\f: b", "\fa: b",
}

// keyMatchSlice is keyMatch as FindSubmatchIndex answers: nil for no match.
func keyMatchSlice(line []byte) []int {
	if m, ok := keyMatch(line); ok {
		return m[:]
	}
	return nil
}

func TestKeyMatchIsKeyRe(t *testing.T) {
	for _, line := range keyLines {
		want := keyRe.FindSubmatchIndex([]byte(line))
		if got := keyMatchSlice([]byte(line)); !slices.Equal(got, want) {
			t.Errorf("keyMatch(%q) = %v, keyRe finds %v", line, got, want)
		}
	}
}

func FuzzKeyMatch(f *testing.F) {
	for _, line := range keyLines {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		want := keyRe.FindSubmatchIndex([]byte(line))
		if got := keyMatchSlice([]byte(line)); !slices.Equal(got, want) {
			t.Errorf("keyMatch(%q) = %v, keyRe finds %v", line, got, want)
		}
	})
}

// blockHeaderRe is what isBlockHeader accepts.
var blockHeaderRe = regexp.MustCompile(`^[|>][-+0-9]*$`)

func TestIsBlockHeader(t *testing.T) {
	for _, s := range []string{"", "|", ">", "|-", ">+", "|2", ">-2", "|+1-", "||", "|x", "x|", "| ", " |", "|-a", ">9+", "-", "|\n", "xx"} {
		if got, want := isBlockHeader([]byte(s)), blockHeaderRe.MatchString(s); got != want {
			t.Errorf("isBlockHeader(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// TestRenderedDollars: what renderedDollars decides without aligning the
// file is what the alignment finds, for every line that holds a `$`: on
// templates whose `$` lines render at the ends, sit in a branch not taken,
// repeat in the output or carry actions, and on the community catalog.
func TestRenderedDollars(t *testing.T) {
	files := map[string][]byte{}
	add := func(name, compose string) {
		files["templates/"+name+"/config.yml"] = []byte("name: " + name + "\nversion: 1.0.0\n")
		files["templates/"+name+"/0/rancher-compose.yml"] = []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: ON\n      type: boolean\n      default: false\n")
		files["templates/"+name+"/0/docker-compose.yml.tpl"] = []byte(compose)
	}
	head := "version: '2'\nservices:\n  web:\n    image: nginx:${TAG}\n"
	add("ends", head+"{{- if eq .Values.ON \"true\" }}\n    privileged: true\n{{- end }}\n    command: echo ${X}\n")
	add("branch", head+"{{- if eq .Values.ON \"true\" }}\n    command: echo ${X}\n{{- end }}\n    user: x\n")
	add("both-branches", head+"{{- if eq .Values.ON \"true\" }}\n    command: echo ${X}\n{{- else }}\n    command: echo ${X}\n{{- end }}\n    user: x\n")
	add("action", head+"    environment:\n      A: {{ .Values.ON }}\n      B: ${B}-{{ .Values.ON }}\n      C: {{ .Values.ON }}\n")
	c, err := catalog.LoadFiles(files, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	aligned := map[bool]int{}
	check := func(v *catalog.Version) {
		f := v.ComposeFile()
		if f == nil || f.Rendered == nil || !f.Rendered.Templated || v.Project == nil || v.Project.DC == nil || bytes.IndexByte(f.Data, '$') < 0 {
			return
		}
		got, ok := decideDollars(f)
		aligned[!ok]++
		if !ok {
			return
		}
		want := renderedLines(f, v.Project.DC)
		for n, line := range bytes.Split(f.Data, []byte("\n")) {
			if bytes.IndexByte(line, '$') >= 0 && got.has(n+1) != want.has(n+1) {
				t.Errorf("%s:%d: rendered %v, the alignment says %v", f.Path, n+1, got.has(n+1), want.has(n+1))
			}
		}
	}
	for _, tp := range c.Templates {
		for _, v := range tp.Versions {
			check(v)
		}
	}
	if aligned[true] == 0 || aligned[false] == 0 {
		t.Errorf("files aligned: %v; the cases no longer cover both ways", aligned)
	}
	_, file, _, _ := runtime.Caller(0)
	corpus := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "corpus", "community-catalog")
	if _, err := os.Stat(corpus); err != nil {
		t.Logf("no community catalog at %s: %v", corpus, err)
		return
	}
	c, err = catalog.Load(corpus, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	aligned = map[bool]int{}
	for _, tp := range c.Templates {
		for _, v := range tp.Versions {
			check(v)
		}
	}
	t.Logf("community catalog: %d files aligned, %d decided from their text", aligned[true], aligned[false])
}

func TestDollarRuns(t *testing.T) {
	for s, want := range map[string]int{"": 0, "a": 0, "$": 1, "$$": 1, "a$b$$c$$$": 3, "${A} $B": 2, "$x\n$": 2} {
		if got := dollarRuns([]byte(s)); got != want {
			t.Errorf("dollarRuns(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFillOnes(t *testing.T) {
	for n := 0; n < 70; n++ {
		b := make([]byte, n+2)
		fillOnes(b[1 : n+1])
		if b[0] != 0 || b[n+1] != 0 || bytes.Count(b, []byte{1}) != n {
			t.Errorf("fillOnes of %d bytes: %v", n, b)
		}
	}
}

// TestMaskActions: a line of text alone is copied as it is, a line with
// actions gets x for their bytes except blanks.
func TestMaskActions(t *testing.T) {
	for _, c := range []struct{ line, lit, want string }{
		{"  a: b\r", "1111111", "  a: b "},
		{"  a: {{ x }}", "111110000000", "  a: xx x xx"},
		{"{{x}}\t", "000000", "xxxxx\t"},
		{"", "", ""},
	} {
		lit := make([]byte, len(c.lit))
		for i := range c.lit {
			lit[i] = c.lit[i] - '0'
		}
		if got := string(maskActions(nil, []byte(c.line), lit)); got != c.want {
			t.Errorf("maskActions(%q, %s) = %q, want %q", c.line, c.lit, got, c.want)
		}
	}
}

// TestSkipPlainUnits: passing over the units whose lines hold no `$` finds
// the same items as visiting every unit, on units written in flow style, on
// one line, with escapes, anchors and merges, and on the community catalog.
func TestSkipPlainUnits(t *testing.T) {
	files := map[string][]byte{}
	add := func(name, compose string) {
		files["templates/"+name+"/config.yml"] = []byte("name: " + name + "\nversion: 1.0.0\n")
		files["templates/"+name+"/0/rancher-compose.yml"] = []byte(".catalog:\n  version: 1.0.0\n")
		files["templates/"+name+"/0/docker-compose.yml"] = []byte(compose)
	}
	add("block", "version: '2'\nservices:\n  a:\n    image: x\n  b:\n    image: y:${T}\n  c:\n    image: z\n")
	add("flow", "version: '2'\nservices: {a: {image: x}, b: {image: \"y:${T}\"}, c: {image: z}}\n")
	add("escape", "version: '2'\nservices:\n  a:\n    command: \"echo \\x24{HOME}\"\n  b:\n    image: y:$T\n  c:\n    image: z\n")
	add("anchor", "version: '2'\nservices:\n  a: &a\n    image: x\n    environment:\n      A: $A\n  b: *a\n  c:\n    <<: *a\n    image: y\n  d:\n    image: z\n")
	add("v1", "a:\n  image: x\nb:\n  image: $B\nc:\n  labels:\n    ${K}: v\nd:\n  image: y\n")
	add("last", "version: '2'\nservices:\n  a:\n    image: x\n  b:\n    image: y:$T\n")
	c, err := catalog.LoadFiles(files, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	versions := c.Templates[0].Versions
	for _, tp := range c.Templates[1:] {
		versions = append(versions, tp.Versions...)
	}
	_, file, _, _ := runtime.Caller(0)
	corpus := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "corpus", "community-catalog")
	if _, err := os.Stat(corpus); err == nil {
		cc, err := catalog.Load(corpus, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tp := range cc.Templates {
			versions = append(versions, tp.Versions...)
		}
	}
	collect := func(v *catalog.Version, skip bool) []string {
		defer func(old bool) { skipPlainUnits = old }(skipPlainUnits)
		skipPlainUnits = skip
		c := &collector{s: &Strings{Version: v}}
		collectInterpolated(v, c)
		var out []string
		for _, it := range c.s.Items {
			p := it.Pos(0, len(it.Text))
			out = append(out, fmt.Sprintf("%s %v %s %q %s:%d:%d", it.Text, it.Key, it.Kind, it.Where(), p.Path, p.Line, p.Col))
		}
		return out
	}
	found := 0
	for _, v := range versions {
		if v.Project == nil {
			continue
		}
		all, skipped := collect(v, false), collect(v, true)
		found += len(all)
		if !slices.Equal(all, skipped) {
			t.Errorf("%s: every unit visited finds\n%q\npassing over plain units finds\n%q", v.Dir, all, skipped)
		}
	}
	if found < 8 {
		t.Errorf("only %d items in all", found)
	}
}
