package stack_test

import (
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
)

// TestNewOnce: every rule that requires the view of a version gets the same
// one; a version without a docker-compose project has none.
func TestNewOnce(t *testing.T) {
	c, err := catalog.LoadFiles(map[string][]byte{
		"templates/app/config.yml":            []byte("name: app\nversion: 1.0.0\n"),
		"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n"),
		"templates/app/0/docker-compose.yml":  []byte("version: '2'\nservices:\n  web:\n    image: nginx:1.25\n"),
		"templates/app/1/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.1\n"),
	}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vs := c.Templates[0].Versions
	w := stack.New(vs[0])
	if w == nil || w.Version != vs[0] || len(w.Services()) != 1 {
		t.Fatalf("view of folder 0: %+v", w)
	}
	if stack.New(vs[0]) != w {
		t.Error("the view was built twice")
	}
	if w := stack.New(vs[1]); w != nil {
		t.Errorf("folder 1 has no docker-compose.yml, got a view of %d services", len(w.Services()))
	}
}
