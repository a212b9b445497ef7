package tmpl

import (
	"bytes"
	"testing"
)

func FuzzUsedValues(f *testing.F) {
	for _, s := range []string{
		"{{ .Values.A }}", "{{ if eq .Values.B \"x\" }}{{ else }}{{ $.Values.C }}{{ end }}",
		"{{ index .Values \"D\" }}", "{{ (.Values).E }}", "{{ define \"x\" }}{{ .Values.F }}{{ end }}",
		"a\n{{- range $i, $e := splitPreserveQuotes .Values.G }}{{ $e }}{{ end }}", "{{", "%{{service_name}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		refs, err := UsedValues("f", []byte(src))
		if err != nil {
			if _, _, _, ok := ErrorLine(err); !ok {
				t.Logf("parse error without a line: %v", err)
			}
			return
		}
		lines := bytes.Count([]byte(src), []byte("\n")) + 1
		for _, r := range refs {
			if r.Line < 1 || r.Line > lines || r.Col < 1 {
				t.Fatalf("bad position %+v in %q", r, src)
			}
		}
		_ = SplitPreserveQuotes(src)
	})
}
