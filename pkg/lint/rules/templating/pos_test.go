package templating

import (
	"fmt"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// Findings point at the `$` of the construct, whatever the scalar style,
// and in template lines that rendered or did not.
func TestColumns(t *testing.T) {
	dc := `version: '2'
services:
  web:
    image: nginx:1.25
    command: sh -c 'echo $A; echo "$B"'
    environment:
      - "X=\t${C}"
      - 'Y=''${D}'''
      - plain ${E} text
    entrypoint: |
      #!/bin/sh
        echo ${F}
    labels:
      a: {{ .Values.Q }}-${G}
    {{- if eq .Values.Q "no" }}
      b: x ${H}
    {{- end }}
`
	files := map[string][]byte{
		"templates/app/0/docker-compose.yml.tpl": []byte(dc),
		"templates/app/0/rancher-compose.yml":    []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: Q\n      type: string\n      default: yes-quoted\n"),
	}
	c, err := catalog.LoadFiles(files, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(c, []*lint.Rule{ruleI002}, lint.Settings{})
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%d:%d", f.Pos.Line, f.Pos.Col))
	}
	want := "5:26 5:36 7:14 8:14 9:15 12:14 14:26 16:12"
	if strings.Join(got, " ") != want {
		t.Errorf("positions %s\nwant      %s", strings.Join(got, " "), want)
	}
}

func TestSimilarQuestion(t *testing.T) {
	info := &catalog.Info{}
	for _, v := range []string{"db_username", "db_password", "HOST_LABEL", "port"} {
		info.Questions = append(info.Questions, &catalog.Question{Variable: v})
	}
	for name, want := range map[string]string{
		"db_userame": "db_username", "host_label": "HOST_LABEL", "db_passwrd": "db_password",
		"prt": "port", "pt": "", "db_user": "", "completely_else": "",
	} {
		if got := similarQuestion(info, name); got != want {
			t.Errorf("similarQuestion(%q) = %q, want %q", name, got, want)
		}
	}
}
