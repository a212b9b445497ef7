package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// A misspelt template function is named with the function meant.
func TestUndefinedFunctionSuggestion(t *testing.T) {
	src := filepath.Join("testdata", "greeter")
	dst := t.TempDir()
	require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
	var edited bool
	require.NoError(t, filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || edited || !strings.HasSuffix(p, ".tmpl") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), "composeScalar") {
			return err
		}
		edited = true
		return os.WriteFile(p, []byte(strings.Replace(string(data), "composeScalar", "composeScalr", 1)), 0o644)
	}))
	require.True(t, edited, "the greeter templates use composeScalar")
	bp, err := blueprint.LoadFile(filepath.Join(dst, "blueprint.yaml"))
	require.NoError(t, err)
	_, err = Render([]*blueprint.Blueprint{bp})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `function "composeScalr" not defined; did you mean "composeScalar"?`)
}
