package templating

import (
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// oddFiles are compose texts that no rule of the family may crash on.
var oddFiles = []string{
	``,
	`~`,
	`just a string with $ and ${`,
	`[1, "$(x)", {a: ${b}}]`,
	"version: '2'\nservices: [web, $x]\n",
	"version: '2'\nservices: \"${x}\"\nvolumes: ${y}\nnetworks: [${z}]\n",
	"version: 2\nservices:\n  ? [a, b]\n  : {c: $d}\n  web: ~\n",
	"a: &a [*a, $x]\nb: &b {c: *b, ${d}: e}\nc: {<<: *b, d: $$}\n",
	"base: &base\n  image: ${IMG}\nweb:\n  <<: *base\n  labels: *base\n",
	"web:\r\n  image: nginx\r\n  command: echo $(date)\r\n  labels:\r\n    ${k}: v\r\n",
	"web:\n  command: |\n    echo ${x:-y}\n    $\n  entrypoint: >\n    a $1\n    b ${}\n",
	"web:\n\timage: nginx\n",
	"{{ if }}",
	"{{ .Values.x }}: {{ .Values.x }}\n{{ $.Values.y | eq true }}\n",
	"{{- range $i, $e := until 3 }}\n${x}{{ $i }}: $\n{{- end }}\n",
	"{{ define \"x\" }}{{ .Values.p }}{{ end }}{{ template \"x\" . }}\nweb: {{ template \"x\" . }}\n",
	"web:\n  image: {{ .Values.m }}\n  x: {{ index .Values \"m\" }}\n  y: {{ .Values.m | trim | lower }}\n",
	"{{ .Values.m }}\n- ${a}: b\n  - - c: $x\n\"${q}\": 'v'\n'${r}': \"w\"\n",
	"version: '2'\nservices:\n  web:\n    image: nginx\n{{- if eq .Values.b \"true\" }}\n  ${svc}:\n    labels:\n      - ${k}=v\n    command: |\n      echo $(x)\n      ${y}: z\n{{- end }}\n",
	"version: '2'\nservices:\n  web:\n    image: nginx\n   bad: {{ .Values.m }}\n{{- if eq .Values.b \"true\" }}\n  x: [${a}\n{{- end }}\n",
	strings.Repeat("{{ if eq .Values.b \"true\" }}", 50) + strings.Repeat("{{ end }}", 50),
	"web:\n  image: \"" + strings.Repeat("$", 1000) + "\"\n",
	"x: " + strings.Repeat("[", 500) + "\n",
}

func TestOddInput(t *testing.T) {
	rc := ".catalog:\n  version: 1.0.0\n  questions:\n    - variable: m\n      type: multiline\n      default: \"a\\nb\"\n    - variable: b\n      type: boolean\n      default: true\n"
	for i, dc := range oddFiles {
		for _, rcText := range []string{rc, rc + dc, dc} {
			files := map[string][]byte{
				"templates/app/config.yml":               []byte("name: App\nversion: 1.0.0\n"),
				"templates/app/0/docker-compose.yml":     []byte(dc),
				"templates/app/0/rancher-compose.yml":    []byte(rcText),
				"templates/app/1/docker-compose.yml.tpl": []byte(dc),
				"templates/app/1/rancher-compose.yml":    []byte(rcText),
			}
			c, err := catalog.LoadFiles(files, catalog.Options{Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			res := lint.Run(c, Rules(), lint.Settings{Workers: 1})
			for _, e := range res.Internal {
				t.Errorf("odd file %d: %v", i, e)
			}
			for _, f := range res.Findings {
				if f.Pos.File != nil && f.Pos.Line < 1 && f.Rule.ID != "T001" && f.Rule.ID != "T002" && f.Rule.ID != "T005" {
					t.Errorf("odd file %d: %s finding without a line: %s", i, f.Rule.ID, f.Message)
				}
			}
		}
	}
}

func FuzzRules(f *testing.F) {
	for _, s := range oddFiles {
		f.Add([]byte(s))
	}
	rc := []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: m\n      type: password\n      default: \"p$ss: #x\"\n")
	f.Fuzz(func(t *testing.T, dc []byte) {
		files := map[string][]byte{
			"templates/app/0/docker-compose.yml.tpl": dc,
			"templates/app/0/rancher-compose.yml":    append(append([]byte{}, rc...), dc...),
		}
		linttest.LintFiles(t, files, Rules())
	})
}
