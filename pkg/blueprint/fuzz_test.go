package blueprint

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad: no input makes Load panic; it returns a blueprint or an error.
func FuzzLoad(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "minimal", "blueprint.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("app: &a {x: *a}\n"))
	f.Add([]byte("releases: [{<<: [*x]}]\n"))
	f.Add([]byte("entries:\n  - questions: [{variable: 1}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"bp.yaml": {Data: data}, "templates/app/x.tmpl": {Data: []byte("x")}}
		bp, err := Load(Source{FS: fsys}, "bp.yaml")
		if err == nil && bp == nil {
			t.Fatal("no blueprint and no error")
		}
	})
}
