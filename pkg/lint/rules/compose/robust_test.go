package compose

import (
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// odd compose documents: every rule must survive them without a panic.
var oddDocs = []string{
	``,
	`~`,
	`just a string`,
	`[1, 2, 3]`,
	`version: '2'`,
	`version: '2'
services: [web, db]`,
	`version: '2'
services: web`,
	`version: '2'
services:
  web: [image, nginx]
  db: 42
  cache: ~
volumes: [a, b]`,
	`web:
  image: [nginx]
  labels: [a=b, 1, {x: y}]
  volumes: data
  volume_driver: [x]
  lb_config: [1, 2]
  scale_policy: [1]
  external_ips: 10.0.0.1
  hostname: {a: b}
  health_check: [port]`,
	`web:
  lb_config:
    port_rules: {source_port: 42}
lb:
  lb_config:
    port_rules:
      - ~
      - [1, 2]
      - source_port: [42]
        service: {a: b}
        selector: [x]
        target_port: {}
        region: []
        protocol: [http]
      - source_port: 42
  scale_policy: {min: [1], max: {}}`,
	`base: &base
  image: nginx:1.25
  labels: &labels
    a: b
web:
  <<: *base
  labels: *labels
other:
  <<: [*base, {privileged: true}]
  volumes: &v [a:/a, a:/a]
third:
  volumes: *v`,
	`a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
web:
  image: nginx:1.25
  command: *g
  labels:
    x: *g`,
	`version: '2'
services:
  web:
    image: ${}
    scale: $
    ports: ["${A:-1}:80"]
    environment: {A: $$, B: ${UNSET}}
volumes:
  v:
    driver: {a: b}
    driver_opts: [1]
    external: {name: [x], other: 1}
    per_container: ~`,
	`version: 3
services: {web: {image: "a@b:c/d:e"}}`,
	"version: '2'\nservices:\n  web:\n    image: \"\\u0000\"\n    mem_swappiness: .inf\n    cpu_shares: 0x1F\n    shm_size: 1_000\n    oom_score_adj: -.inf\n",
}

func TestOddInputsDoNotPanic(t *testing.T) {
	for i, doc := range oddDocs {
		files := map[string][]byte{
			"templates/app/config.yml":               []byte("name: App\nversion: '1'\n"),
			"templates/app/0/docker-compose.yml":     []byte(doc),
			"templates/app/0/rancher-compose.yml":    []byte(".catalog:\n  version: '1'\n"),
			"templates/app/1/docker-compose.yml":     []byte("web:\n  image: nginx:1.25\n"),
			"templates/app/1/rancher-compose.yml":    []byte(rcWith(doc)),
			"templates/app/2/docker-compose.yml.tpl": []byte(doc),
			"templates/app/2/rancher-compose.yml":    []byte(".catalog:\n  version: '3'\n"),
		}
		cat, err := catalog.LoadFiles(files, catalog.Options{})
		if err != nil {
			t.Fatalf("doc %d: %v", i, err)
		}
		res := lint.Run(cat, Rules(), lint.Settings{})
		for _, e := range res.Internal {
			t.Errorf("doc %d: %v", i, e)
		}
	}
}

// rcWith makes doc a rancher-compose.yml by adding a catalog block.
func rcWith(doc string) string {
	if strings.HasPrefix(doc, "version") {
		return "catalog:\n  version: '2'\n" + doc
	}
	return ".catalog:\n  version: '2'\n" + doc
}

func FuzzRules(f *testing.F) {
	for _, doc := range oddDocs {
		f.Add(doc, "version: '2'\nservices:\n  web:\n    scale: 1\n")
	}
	f.Fuzz(func(t *testing.T, dc, rc string) {
		files := map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: '1'\n"),
			"templates/app/0/docker-compose.yml":  []byte(dc),
			"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: '1'\n" + rc),
		}
		linttest.LintFiles(t, files, Rules())
	})
}
