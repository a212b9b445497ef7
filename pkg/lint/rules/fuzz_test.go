package rules_test

import (
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint/rules"
)

// FuzzLintVersion lints one version folder built from arbitrary compose
// files: no input may crash a rule, hang, or produce an internal error.
func FuzzLintVersion(f *testing.F) {
	seeds := [][2]string{
		{"version: '2'\nservices:\n  web:\n    image: nginx:1.25\n    labels:\n      io.rancher.sidekicks: db\n  db:\n    image: mysql:5.7\n    volumes_from: [web]\n",
			".catalog:\n  version: 1.0.0\n  questions:\n    - variable: x\n      type: string\n"},
		{"web:\n  image: ${x}\n  labels:\n    io.rancher.scheduler.affinity:host_label: ${x}\n", "version: '2'\n.catalog:\n  version: v1\nservices:\n  web:\n    scale: 1\n"},
		{"{{- if eq .Values.x \"a\" }}\nweb:\n  image: a\n{{- end }}\n", ".catalog:\n  version: 1\n  questions: [{variable: x, default: a, type: enum, options: [a, b]}]\n"},
		{"a: &a [*a]\n", "b: &b {c: *b}\n"},
		{"lb:\n  image: rancher/lb-service-haproxy:v0.7.9\n", "lb:\n  lb_config:\n    port_rules:\n      - source_port: 42\n        service: web\n"},
		{"x: $", "y: ${"},
	}
	for _, s := range seeds {
		f.Add([]byte(s[0]), []byte(s[1]))
	}
	all := rules.All()
	f.Fuzz(func(t *testing.T, dc, rc []byte) {
		files := map[string][]byte{
			"templates/app/config.yml":               []byte("name: App\nversion: 1.0.0\n"),
			"templates/app/0/docker-compose.yml":     dc,
			"templates/app/0/rancher-compose.yml":    rc,
			"templates/app/1/docker-compose.yml.tpl": dc,
			"templates/app/1/rancher-compose.yml":    rc,
		}
		linttest.LintFiles(t, files, all)
	})
}
