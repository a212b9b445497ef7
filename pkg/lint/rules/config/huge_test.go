package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// A config.yml far above the loader's size limit is refused unread (L011
// reports it); the C rules must stay silent rather than report a template
// without metadata. The file is sparse, so the test is fast.
func TestHugeConfig(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "templates", "web")
	if err := os.MkdirAll(filepath.Join(dir, "0"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "0", "rancher-compose.yml"), []byte(".catalog:\n  version: 1.0.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.yml")
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(cfg, 100<<20); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(root, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := cat.Templates[0].Config; f == nil || f.ReadErr == nil {
		t.Fatalf("loader should refuse the file, got %+v", f)
	}
	res := lint.Run(cat, Rules(), lint.Settings{})
	for _, e := range res.Internal {
		t.Error(e)
	}
	for _, f := range res.Findings {
		t.Errorf("unexpected %s at %s: %s", f.Rule.ID, f.Pos.Path, f.Message)
	}
}
