package catalogdir

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// TestReadAgreesWithLoader: the output folder reader and the lint loader
// read the same `.catalog.version` from each folder, including values that
// YAML 1.1 (Rancher's reading) and YAML 1.2 read differently, and blocks
// where both `catalog` and `.catalog` are present.
func TestReadAgreesWithLoader(t *testing.T) {
	blocks := []string{
		".catalog:\n  version: 1.10\n",           // "1.1" to Rancher
		".catalog:\n  version: \"1.10\"\n",       // quoted: stays
		".catalog:\n  version: yes\n",            // "true" to Rancher
		".catalog:\n  version: 0755\n",           // "493"
		".catalog:\n  version: 1e3\n",            // "1000"
		".catalog:\n  version: 2.0.0-rancher1\n", // a plain string
		"version: '2'\n.catalog:\n  version: dot\ncatalog:\n  version: top\n",
		"version: '2'\nservices:\n  .catalog:\n    version: 3.0.0\n",
	}
	dir := t.TempDir()
	for i, b := range blocks {
		folder := filepath.Join(dir, "templates", "app", fmt.Sprint(i))
		require.NoError(t, os.MkdirAll(folder, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(folder, "rancher-compose.yml"), []byte(b), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "templates", "app", "config.yml"), []byte("name: App\n"), 0o644))

	ex, err := Read(dir, []string{"app"})
	require.NoError(t, err)
	c, err := catalog.Load(dir, catalog.Options{})
	require.NoError(t, err)
	require.Len(t, c.Templates, 1)
	loaded := map[string]int{}
	for _, v := range c.Templates[0].Versions {
		require.NotNil(t, v.Catalog, v.Dir)
		n, err := strconv.Atoi(v.Folder)
		require.NoError(t, err)
		loaded[v.Catalog.Version] = n
	}
	assert.Len(t, loaded, len(blocks))
	assert.Equal(t, loaded, ex.Folders["app"])
	// The YAML 1.1 readings, spelled out once.
	assert.Equal(t, 0, ex.Folders["app"]["1.1"])
	assert.Equal(t, 1, ex.Folders["app"]["1.10"])
	assert.Equal(t, 2, ex.Folders["app"]["true"])
	assert.Equal(t, 6, ex.Folders["app"]["top"])
}
