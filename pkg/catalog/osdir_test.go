package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The loader's read of files on disk gives what reading them through
// os.DirFS gives, refusals and errors included.
func TestOSDirReadsAsDirFS(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.yml":       "name: app\n",
		"empty.yml":   "",
		"icon.svg":    "<svg/>",
		"long.md":     strings.Repeat("line of text\n", 20000),
		"locked.yml":  "x: 1\n",
		"huge.yml":    "",
		"nonl.yml":    "no newline at the end",
		"sub/dir.yml": "in: a folder\n",
	})
	require.NoError(t, os.Truncate(filepath.Join(root, "huge.yml"), MaxFileSize+1))
	require.NoError(t, os.Chmod(filepath.Join(root, "locked.yml"), 0))
	locked := true
	if f, err := os.Open(filepath.Join(root, "locked.yml")); err == nil {
		f.Close()
		locked = false // running as root: permissions do not apply
	}
	direct, plain := newOSDir(root), os.DirFS(root)
	for _, name := range []string{"a.yml", "empty.yml", "icon.svg", "long.md", "locked.yml", "huge.yml", "nonl.yml", "sub/dir.yml", "missing.yml"} {
		for _, wantData := range []bool{true, false} {
			got, gotErr := readCapped(direct, name, wantData)
			want, wantErr := readCapped(plain, name, wantData)
			what := fmt.Sprintf("%s (data %v)", name, wantData)
			assert.Equal(t, want, got, what)
			assert.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(gotErr), what)
		}
	}
	_, err := readCapped(direct, "huge.yml", true)
	assert.ErrorContains(t, err, "MiB limit")
	if locked {
		_, err = readCapped(direct, "locked.yml", true)
		assert.ErrorContains(t, err, "permission denied")
	}
}
