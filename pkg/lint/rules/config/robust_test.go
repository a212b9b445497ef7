package config

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// hostile config.yml contents: none may crash a rule or take long.
var hostile = []string{
	"",
	"\x00\x01\x02",
	"\xff\xfe n\x00a\x00m\x00e\x00",
	"a: &a [*a]\n",
	"a: &a {b: *a}\n<<: *a\n",
	"<<: [*x]\n",
	"name: &n [&m [*n]]\n",
	"labels: &l\n  <<: *l\n",
	"lol1: &l1 [a, a, a, a, a, a, a, a, a]\nlol2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\nlol3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]\nlabels: *l3\ncategories: *l3\nname: *l3\n",
	"? {a: b}\n: c\n",
	"? !!binary aGVsbG8=\n: x\n",
	"version: !!binary MS4w\nname: !!int x\n",
	"labels:\n  ? [a]\n  : b\n  io.rancher.orchestration.supported: ~\n",
	"labels: {io.rancher.orchestration.supported: {a: b}}\n",
	"labels: [1, 2]\ncategories: [[a], {b: c}]\nmaintainer: {}\n",
	"version: *undefined\n",
	"- - - -\n",
	strings.Repeat("[", 5000),
	strings.Repeat("a:\n ", 2000) + "b\n",
	"name: web\n\t\tversion: 1\n",
	"%YAML 1.1\n---\nversion: 1.0\n",
	"--- !!map\nname: x\n",
	"--- |\n  literal document\n",
}

func TestHostileConfig(t *testing.T) {
	for i, data := range hostile {
		cat, err := catalog.LoadFiles(map[string][]byte{
			"templates/web/config.yml":            []byte(data),
			"templates/web/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
		}, catalog.Options{})
		if err != nil {
			t.Fatalf("case %d: load: %v", i, err)
		}
		res := lint.Run(cat, Rules(), lint.Settings{})
		for _, e := range res.Internal {
			t.Errorf("case %d (%q): %v", i, data[:min(len(data), 40)], e)
		}
	}
}

func FuzzConfig(f *testing.F) {
	for _, data := range hostile {
		f.Add([]byte(data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := catalog.LoadFiles(map[string][]byte{
			"templates/web/config.yml":            data,
			"templates/web/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
		}, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res := lint.Run(cat, Rules(), lint.Settings{})
		for _, e := range res.Internal {
			t.Fatal(e)
		}
		for _, fd := range res.Findings {
			if fd.Message == "" || fd.Pos.Path == "" {
				t.Fatalf("%s finding without message or path", fd.Rule.ID)
			}
		}
	})
}
