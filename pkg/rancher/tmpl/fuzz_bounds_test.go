package tmpl

import (
	"testing"
	"text/template/parse"
)

// FuzzRenderBounds: no template, however built, crashes the renderer,
// outgrows MaxOutput or keeps running after Render returns; a refused one
// says where.
func FuzzRenderBounds(f *testing.F) {
	for _, c := range hostileTemplates {
		if len(c.src) < 4096 {
			f.Add(c.src)
		}
	}
	for _, s := range []string{
		`{{ define "a" }}{{ template "a" . }}{{ end }}{{ template "a" . }}`,
		`{{ $d := dict }}{{ range until 10 }}{{ $_ := set $d (toString .) $d }}{{ end }}{{ toJson $d }}`,
		`{{ printf "%*d" 999999 1 }}`, `{{ splitPreserveQuotes (repeat 1000 "a ") }}`,
		`{{ regexFindAll "a*" (repeat 100000 "a") -1 }}`, `{{ fromJson (repeat 1000 "[") }}`,
		`{{ if 1 }}{{ else if 2 }}{{ else with 3 }}{{ end }}`, "{{`}}`}}{{\"{{if\"}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		spent.Store(0) // each input gets the whole budget, as each lint run does
		defer spent.Store(0)
		out, perr, eerr := Render("docker-compose.yml.tpl", []byte(src), Data{Values: map[string]string{"A": "1"}})
		if len(out) > MaxOutput {
			t.Fatalf("%d bytes of output", len(out))
		}
		for _, err := range []error{perr, eerr} {
			if err != nil {
				if _, _, _, ok := ErrorLine(err); !ok {
					t.Logf("error without a line: %v", err)
				}
			}
		}
	})
}

// FuzzCheckSource: whatever CheckSource lets through parses without
// exhausting the stack, and the parse trees it yields stay within
// MaxNesting.
func FuzzCheckSource(f *testing.F) {
	for _, s := range []string{
		"{{if 1}}{{range .}}{{with .}}{{end}}{{end}}{{end}}", "{{/* {{if}} */}}", `{{ "{{if 1}}" }}`,
		"{{- if 1 -}}{{- else if 2 -}}{{- end -}}", "{{ block \"x\" . }}{{ end }}", "{{ ' ' }}{{ '}' }}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if CheckSource("t", []byte(src)) != nil {
			return
		}
		trees, err := ParseTrees("t", []byte(src))
		if err != nil {
			return
		}
		for _, tr := range trees {
			if d := treeDepth(tr.Root, 0); d > MaxNesting+1 {
				t.Fatalf("nesting %d passed CheckSource", d)
			}
		}
	})
}

func treeDepth(n parse.Node, d int) int {
	deepest := d
	visit := func(l *parse.ListNode) {
		if l != nil {
			for _, c := range l.Nodes {
				deepest = max(deepest, treeDepth(c, d+1))
			}
		}
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				deepest = max(deepest, treeDepth(c, d))
			}
		}
	case *parse.IfNode:
		visit(n.List)
		visit(n.ElseList)
	case *parse.RangeNode:
		visit(n.List)
		visit(n.ElseList)
	case *parse.WithNode:
		visit(n.List)
		visit(n.ElseList)
	}
	return deepest
}
