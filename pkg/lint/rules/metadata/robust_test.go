package metadata

import (
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"testing"
	"time"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// oddRancherComposes are rancher-compose.yml files of every odd shape: each
// rule must survive them without a panic, and in linear time.
var oddRancherComposes = []string{
	``,
	`~`,
	`just a string`,
	`[1, 2, 3]`,
	`.catalog:`,
	`.catalog: [version, 1.0.0]`,
	`.catalog: 42`,
	`catalog: {version: {a: b}}`,
	`version: '2'
services:
  .catalog: ~
  catalog: [1]`,
	`version: [2]
.catalog:
  version: [1]
  name: {a: b}
  minimum_rancher_version: [v1]
  maximum_rancher_version: {}
  upgrade_from: [">1.0.0"]
  uuid: [a]
  labels: [a, b]
  questions: {variable: a}`,
	`.catalog:
  version: "1.0.0"
  labels: {a: [1], b: {c: d}, ~: x}
  questions:
    - ~
    - 42
    - [a, b]
    - variable: ~
    - variable: [x]
      type: {a: b}
      label: [l]
      default: {d: 1}
      options: {a: b}
      required: [true]
      min: {x: 1}
      max: [1]
      min_length: .inf
      max_length: -.inf
      valid_chars: "["
      invalid_chars: "[z-a]"
    - variable: x
      type: enum
      options: [[a], {b: c}, ~, 1]
      default: [a]
    - variable: y
      type: int
      default: .nan
      min: 1e400
      max: 99999999999999999999999
    - ? [complex, key]
      : value
      variable: z`,
	`base: &q
  variable: shared
  type: string
  label: Shared
opts: &o [a, b]
.catalog:
  version: &v "1.0.0"
  name: *v
  questions:
    - *q
    - <<: *q
      variable: other
      options: *o
      type: enum
    - <<: [*q, {type: password, default: admin}]
      variable: third`,
	`a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
.catalog:
  version: "1.0.0"
  description: *g
  questions:
    - variable: bomb
      type: enum
      options: *g
      default: *g
    - *g
web:
  environment: *g
  labels: *g`,
	"# notemplating\n.catalog:\n  version: \"1.0.0\"\n  questions:\n    - variable: a\n      default: \"{{ .Values.a }}\"\n",
	".catalog:\n  version: \"\\u0000\"\n  uuid: \"\\u0000\"\n  upgrade_from: \"||||\"\n  minimum_rancher_version: \"vvvv\"\n  maximum_rancher_version: \"-\"\n",
}

func TestOddInputsDoNotPanic(t *testing.T) {
	for i, doc := range oddRancherComposes {
		files := map[string][]byte{
			"templates/app/config.yml":                     []byte("name: App\nversion: '1.0.0'\n"),
			"templates/app/0/rancher-compose.yml":          []byte(doc),
			"templates/app/0/docker-compose.yml":           []byte("web:\n  image: nginx:1.25\n  environment: [A, B=$b]\n"),
			"templates/app/1/rancher-compose.yml":          []byte(doc),
			"templates/app/1/docker-compose.yml.tpl":       []byte(doc),
			"templates/app/2/rancher-compose.yml":          []byte(".catalog:\n  version: '1.0.0'\n  uuid: a\n"),
			"kubernetes-templates/k/0/rancher-compose.yml": []byte(doc),
			"kubernetes-templates/k/0/rc.yml":              []byte(doc),
		}
		cat, err := catalog.LoadFiles(files, catalog.Options{})
		if err != nil {
			t.Fatalf("doc %d: %v", i, err)
		}
		start := time.Now()
		res := lint.Run(cat, Rules(), lint.Settings{})
		for _, e := range res.Internal {
			t.Errorf("doc %d: %v", i, e)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("doc %d: took %v", i, d)
		}
	}
}

func FuzzRules(f *testing.F) {
	for _, doc := range oddRancherComposes {
		f.Add(doc, "web:\n  image: nginx:1.25\n")
	}
	f.Fuzz(func(t *testing.T, rc, dc string) {
		files := map[string][]byte{
			"templates/app/config.yml":            []byte("name: App\nversion: '1'\n"),
			"templates/app/0/rancher-compose.yml": []byte(rc),
			"templates/app/0/docker-compose.yml":  []byte(dc),
			"templates/app/1/rancher-compose.yml": []byte(".catalog:\n  version: '1'\n  upgrade_from: '>=0.1.0'\n" + rc),
		}
		linttest.LintFiles(t, files, Rules())
	})
}
