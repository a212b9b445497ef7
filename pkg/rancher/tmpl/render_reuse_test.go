package tmpl

import (
	"fmt"
	"strings"
	"testing"
	"text/template"
)

// fresh renders content on a template of its own, as text/template is
// ordinarily used: the reference for the renderers Render reuses.
func fresh(name, content string, data Data) (string, string) {
	b := NewBudget()
	out, perr, eerr := execute(name, template.New(name).Funcs(b.Funcs(SafeFuncMap())), b, []byte(content), data)
	return string(out), fmt.Sprint(perr, "|", eerr)
}

// Render keeps templates parsed by earlier renders in its renderers; no
// render may see another's templates, whatever the order.
func TestRenderIsolatedFromEarlierRenders(t *testing.T) {
	data := Data{Values: map[string]string{"A": "1"}}
	sources := []struct{ name, src string }{
		{"a.tpl", `a={{ .Values.A }}`},
		{"b.tpl", `{{ define "x" }}X{{ end }}b{{ template "x" }}`},
		{"c.tpl", `c{{ template "x" }}`},                            // "x" is b.tpl's, not c's
		{"d.tpl", `d{{ template "a.tpl" . }}`},                      // an earlier main template
		{"a.tpl", "   \n"},                                          // empty main, same name as an earlier one
		{"e.tpl", `{{ define "x" }}{{ end }}e[{{ template "x" }}]`}, // empty define shadowing b's
		{"f.tpl", `{{ block "y" . }}Y{{ end }}f`},
		{"g.tpl", `{{ nosuchfunc }}`},
		{"h.tpl", `{{ if .Values.A }}{{ range until 2 }}{{ . }}{{ end }}{{ end }}`},
	}
	for round := 0; round < 3; round++ {
		for _, s := range sources {
			wantOut, wantErr := fresh(s.name, s.src, data)
			out, perr, eerr := Render(s.name, []byte(s.src), data)
			if string(out) != wantOut || fmt.Sprint(perr, "|", eerr) != wantErr {
				t.Errorf("round %d, %s %q: got %q, %v|%v; want %q, %s", round, s.name, s.src, out, perr, eerr, wantOut, wantErr)
			}
		}
	}
}

// RenderTrees gives the trees ParseTrees gives, uninstrumented, and
// renders what Render renders.
func TestRenderTreesSharesTheParse(t *testing.T) {
	data := Data{Values: map[string]string{"A": "1"}}
	for _, src := range []string{
		"image: nginx:{{ .Values.A }}\n{{- range until 2 }}\n  - {{ . }}\n{{- end }}\n",
		`{{ define "x" }}X{{ .Values.A }}{{ end }}{{ template "x" . }}`,
		"plain: text\n",
		`{{ if .Values.A }}a{{ range $i := until 3 }}{{ with $i }}{{ . }}{{ else }}-{{ end }}{{ end }}{{ else if .Values.B }}b{{ else }}c{{ end }}`,
		`{{ define "y" }}{{ range . }}[{{ . }}]{{ end }}{{ end }}{{ with .Values }}{{ template "y" (list .A "z") }}{{ end }}`,
	} {
		want, err := ParseTrees("t.tpl", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		out, trees, perr, eerr := RenderTrees("t.tpl", []byte(src), data)
		rout, rperr, reerr := Render("t.tpl", []byte(src), data)
		if string(out) != string(rout) || fmt.Sprint(perr, eerr) != fmt.Sprint(rperr, reerr) {
			t.Errorf("%q: RenderTrees rendered %q (%v %v), Render %q (%v %v)", src, out, perr, eerr, rout, rperr, reerr)
		}
		if len(trees) != len(want) {
			t.Fatalf("%q: %d trees, ParseTrees gives %d", src, len(trees), len(want))
		}
		for i := range want {
			if trees[i].Name != want[i].Name || trees[i].Root.String() != want[i].Root.String() {
				t.Errorf("%q: tree %s is %q, ParseTrees gives %s %q", src, trees[i].Name, trees[i].Root, want[i].Name, want[i].Root)
			}
			if strings.Contains(trees[i].Root.String(), enterFunc) || strings.Contains(trees[i].Root.String(), emitFunc) {
				t.Errorf("%q: tree %s carries the limits' instrumentation: %s", src, trees[i].Name, trees[i].Root)
			}
		}
	}
	if _, trees, perr, _ := RenderTrees("t.tpl", []byte("{{ nosuchfunc }}"), data); perr == nil || trees != nil {
		t.Errorf("an undefined function: parse error %v, trees %v", perr, trees)
	}
}

// builtinNames is text/template's list: each name parses without a
// function map, and a name outside it does not.
func TestBuiltinNames(t *testing.T) {
	for name := range builtinNames {
		if _, err := template.New("t").Parse("{{ if false }}{{ " + name + " }}{{ end }}"); err != nil {
			t.Errorf("%s is not a text/template builtin: %v", name, err)
		}
	}
	if _, err := template.New("t").Parse("{{ nosuchbuiltin }}"); err == nil {
		t.Error("text/template accepts any function name")
	}
}
