package tmpl

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitPreserveQuotes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"--a", []string{"--a"}},
		{"--a --b", []string{"--a", "--b"}},
		{"--a --b='c d' --e='f'", []string{"--a", "--b='c d'", "--e='f'"}},
		{`--a --b="c d" --e="f"`, []string{"--a", `--b="c d"`, `--e="f"`}},
		// The executor's quirks, kept on purpose:
		{"", nil},
		{"a  b", []string{"a", "", "b"}},
		{"a ", []string{"a "}},
		{" a", []string{"", "a"}},
		{"a b é", []string{"a", "b"}},
		{`"it's x" y`, []string{`"it's`, `x" y`}},
		{"a\tb\nc", []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		if got := SplitPreserveQuotes(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitPreserveQuotes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNoTemplating(t *testing.T) {
	for in, want := range map[string]bool{
		"# notemplating\nx: {{y}}":       true,
		"#notemplating\n":                true,
		"\n\n  # notemplating\n":         true,
		"#notemplating-please":           true,
		"version: '2'\n# notemplating\n": false,
		"# no templating\n":              false,
		"":                               false,
		"#  notemplating":                false,
	} {
		if got := NoTemplating([]byte(in)); got != want {
			t.Errorf("NoTemplating(%q) = %v", in, got)
		}
	}
}

func TestRender(t *testing.T) {
	data := Data{
		Values:      map[string]string{"PORT": "8080", "TLS": "true", "ARGS": "--a --b='c d'", "N": "3"},
		Stack:       StackInfo{Name: "web", Version: "v1.2.0", PreviousVersion: "v1.1.0"},
		Release:     StackInfo{Name: "web", Version: "v1.2.0", PreviousVersion: "v1.1.0"},
		Environment: struct{ Name string }{"prod"},
	}
	tests := []struct{ in, want string }{
		{"port: {{ .Values.PORT }}", "port: 8080"},
		{"{{- if eq .Values.TLS \"true\" }}tls{{ end }}", "tls"},
		{"{{ .Values.MISSING }}", "<no value>"},
		{"{{ if eq .Values.MISSING \"x\" }}yes{{ else }}no{{ end }}", "no"},
		{"{{ .Stack.Name }} {{ .Release.Version }} {{ .Stack.PreviousVersion }} {{ .Environment.Name }}", "web v1.2.0 v1.1.0 prod"},
		{"{{ .Nothing }}", "<no value>"},
		{"{{ range $i, $e := splitPreserveQuotes .Values.ARGS }}[{{ $e }}]{{ end }}", "[--a][--b='c d']"},
		{"{{ range $i, $e := atoi .Values.N | until }}{{ $i }}{{ end }}", "012"},
		{"{{ .Values.PORT | default \"80\" | quote }}", `"8080"`},
		{"{{ `{{ value }}` }}", "{{ value }}"},
	}
	for _, tt := range tests {
		out, perr, eerr := Render("docker-compose.yml.tpl", []byte(tt.in), data)
		if perr != nil || eerr != nil {
			t.Errorf("Render(%q): %v %v", tt.in, perr, eerr)
			continue
		}
		if string(out) != tt.want {
			t.Errorf("Render(%q) = %q, want %q", tt.in, out, tt.want)
		}
	}
}

func TestRenderParseError(t *testing.T) {
	src := "version: '2'\nservices:\n  route53:\n    command: %{{service_name}}\n"
	out, perr, eerr := Render("docker-compose.yml.tpl", []byte(src), Data{})
	if perr == nil || out != nil || eerr != nil {
		t.Fatalf("got %q, %v, %v; want a parse error", out, perr, eerr)
	}
	line, col, msg, ok := ErrorLine(perr)
	if !ok || line != 4 || col != 0 || !strings.Contains(msg, "service_name") {
		t.Errorf("ErrorLine(%v) = %d, %d, %q, %v", perr, line, col, msg, ok)
	}
}

func TestRenderExecErrorKeepsPartialOutput(t *testing.T) {
	// minio 0-4: `and` gets a bool and then a string it cannot compare.
	src := "a: 1\nb: 2\n{{- if eq .Values.X true }}\nc: 3\n{{- end }}\nd: 4\n"
	out, perr, eerr := Render("docker-compose.yml.tpl", []byte(src), Data{Values: map[string]string{"X": "true"}})
	if perr != nil || eerr == nil {
		t.Fatalf("want an execution error, got %v, %v", perr, eerr)
	}
	if string(out) != "a: 1\nb: 2" {
		t.Errorf("partial output %q", out)
	}
	line, col, msg, ok := ErrorLine(eerr)
	if !ok || line != 3 || col == 0 || !strings.HasPrefix(msg, "<eq .Values.X true>: error calling eq") {
		t.Errorf("ErrorLine(%v) = %d, %d, %q, %v", eerr, line, col, msg, ok)
	}
}

func TestErrorLine(t *testing.T) {
	if _, _, _, ok := ErrorLine(nil); ok {
		t.Error("nil error parsed")
	}
	for in, want := range map[string]struct {
		line, col int
		msg       string
	}{
		"template: template:12: unexpected \"}\" in operand":                            {12, 0, `unexpected "}" in operand`},
		"template: a:b.tpl:3:7: executing \"a:b.tpl\" at <.Values.X.Y>: can't evaluate": {3, 7, "<.Values.X.Y>: can't evaluate"},
		"template: x:1: function \"nope\" not defined":                                  {1, 0, `function "nope" not defined`},
	} {
		line, col, msg, ok := ErrorLine(errString(in))
		if !ok || line != want.line || col != want.col || msg != want.msg {
			t.Errorf("ErrorLine(%q) = %d, %d, %q, %v", in, line, col, msg, ok)
		}
	}
	if _, _, _, ok := ErrorLine(errString("open x: no such file")); ok {
		t.Error("non-template error parsed")
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestUsedValues(t *testing.T) {
	src := `version: '2'
services:
  web:
    image: "nginx:{{ .Values.TAG }}"
{{- if eq .Values.TLS "true" }}
    ports: [{{ $.Values.PORT }}]
{{- else if ne .Values.MODE "x" }}
    x: {{ index .Values "IDX" }}
{{- else }}
    y: {{ (.Values).CHAIN }}
{{- end }}
{{- range $i, $e := splitPreserveQuotes .Values.ARGS }}
    - {{ $e }} {{ .Values.INRANGE | quote }}
{{- end }}
{{- with .Values.WITH }}{{ . }}{{ end }}
{{- define "extra" }}{{ .Values.DEFINED }}{{ end }}
{{ template "extra" .Values.CALL }}
{{/* .Values.COMMENTED */}}
{{ .Stack.Name }} {{ .Values.TAG }}`
	refs, err := UsedValues("docker-compose.yml.tpl", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []ValueRef{
		{"TAG", 4, 22},
		{"TLS", 5, 11},
		{"PORT", 6, 16},
		{"MODE", 7, 16},
		{"IDX", 8, 11},
		{"CHAIN", 10, 20},
		{"ARGS", 12, 41},
		{"INRANGE", 13, 19},
		{"WITH", 15, 10},
		{"DEFINED", 16, 25},
		{"CALL", 17, 21},
		{"TAG", 19, 22},
	}
	if !reflect.DeepEqual(refs, want) {
		t.Errorf("UsedValues\n got %+v\nwant %+v", refs, want)
	}
	lines := strings.Split(src, "\n")
	for _, r := range refs {
		at := lines[r.Line-1][r.Col-1:]
		ok := false
		for _, p := range []string{".Values." + r.Name, "$.Values." + r.Name, `index .Values "` + r.Name, "." + r.Name} {
			ok = ok || strings.HasPrefix(at, p)
		}
		if !ok {
			t.Errorf("%s reported at %d:%d, which reads %q", r.Name, r.Line, r.Col, at)
		}
	}

	if _, err := UsedValues("x", []byte("{{ if }}")); err == nil {
		t.Error("parse error not returned")
	}
}

func TestRenderLimits(t *testing.T) {
	freshRun(t)
	cases := map[string]string{
		"huge until":     `{{ range until 1000000000 }}x{{ end }}`,
		"huge repeat":    `{{ repeat 1000000000 "abc" }}`,
		"huge indent":    `{{ indent 1000000000 "a" }}`,
		"huge untilStep": `{{ range untilStep 0 1000000000 1 }}{{ end }}`,
		"output cap":     `{{ range until 100000 }}{{ repeat 1000 "x" }}{{ end }}`,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			out, perr, eerr := Render("t", []byte(src), Data{})
			if perr != nil {
				t.Fatalf("parse: %v", perr)
			}
			if eerr == nil {
				t.Fatalf("want an execution error, got %d bytes", len(out))
			}
			if len(out) > MaxOutput {
				t.Fatalf("output %d bytes above the cap", len(out))
			}
		})
	}
}
