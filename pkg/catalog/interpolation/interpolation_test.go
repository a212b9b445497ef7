package interpolation_test

import (
	"reflect"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/interpolation"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
)

func load(t *testing.T, files map[string]string) *catalog.Version {
	t.Helper()
	m := map[string][]byte{}
	for p, s := range files {
		m[p] = []byte(s)
	}
	c, err := catalog.LoadFiles(m, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Templates[0].Versions[0]
}

// TestOf: the strings of the rendered document and of the template branch
// the default answers skip, each with its unit, path and position; one
// computation per version.
func TestOf(t *testing.T) {
	v := load(t, map[string]string{
		"templates/app/config.yml":            "name: app\nversion: 1.0.0\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  version: 1.0.0\n  questions:\n    - variable: TLS\n      type: boolean\n      default: false\n",
		"templates/app/0/docker-compose.yml.tpl": "version: '2'\nservices:\n  web:\n    image: nginx:${TAG}\n    command: echo $(date)\n" +
			"    environment:\n{{- if eq .Values.TLS \"true\" }}\n      CERT: ${CERT}\n{{- end }}\n      ${KEY}: x\n",
	})
	s := interpolation.Of(v)
	if s == nil || s.Version != v {
		t.Fatalf("Of = %+v", s)
	}
	if again := interpolation.Of(v); again != s {
		t.Error("Of computed the strings twice for one version")
	}
	type want struct {
		text, where string
		key         bool
		line, col   int
	}
	var got []want
	for _, it := range s.Items {
		if refs, errs := interp.Scan(it.Text); !reflect.DeepEqual(refs, it.Refs) || !reflect.DeepEqual(errs, it.Errs) {
			t.Errorf("%q: Refs %+v, Errs %+v; Scan finds %+v, %+v", it.Text, it.Refs, it.Errs, refs, errs)
		}
		p := it.Pos(0, len(it.Text))
		got = append(got, want{it.Text, it.Where(), it.Key, p.Line, p.Col})
	}
	wants := []want{
		{"nginx:${TAG}", `service "web", image`, false, 4, 12},
		{"echo $(date)", `service "web", command`, false, 5, 14},
		{"${KEY}", `service "web", environment.${KEY}`, true, 10, 7},
		{"${CERT}", `service "web", environment.CERT`, false, 8, 13}, // from the branch not rendered
	}
	for _, w := range wants {
		found := false
		for _, g := range got {
			if g == w {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %+v in %+v", w, got)
		}
	}
	if len(got) != len(wants) {
		t.Errorf("got %d strings, want %d: %+v", len(got), len(wants), got)
	}
}

func TestOfNoProject(t *testing.T) {
	v := load(t, map[string]string{
		"templates/app/config.yml":            "name: app\nversion: 1.0.0\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  version: 1.0.0\n",
	})
	v.Project = nil
	if s := interpolation.Of(v); s != nil {
		t.Errorf("Of = %+v for a version without a project", s)
	}
}
