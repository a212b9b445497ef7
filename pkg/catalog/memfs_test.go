package catalog

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMemFSConformsToFS(t *testing.T) {
	m, err := NewMemFS(map[string][]byte{
		"templates/app/config.yml":            []byte("name: app\n"),
		"templates/app/0/rancher-compose.yml": []byte(rcBasic),
		"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx\n"),
		"README.md":                           nil,
	})
	require.NoError(t, err)
	// fstest.TestFS opens, reads, pages ReadDir and Stat of every entry and
	// checks they agree with one another.
	require.NoError(t, fstest.TestFS(m, "templates/app/config.yml", "templates/app/0/rancher-compose.yml", "templates/app/0/docker-compose.yml", "README.md"))

	entries, err := fs.ReadDir(m, "templates/app")
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"0", "config.yml"}, names)
	_, err = m.Open("templates/missing")
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestMemFSRefusesBadPaths(t *testing.T) {
	for _, bad := range []string{"/abs/config.yml", "templates/../x", "templates/app/", "./x", ""} {
		_, err := NewMemFS(map[string][]byte{bad: []byte("x")})
		assert.ErrorContains(t, err, "not a slash path", "path %q", bad)
		_, err = LoadFiles(map[string][]byte{bad: []byte("x")}, Options{})
		assert.Error(t, err, "LoadFiles with path %q", bad)
	}
	_, err := NewMemFS(map[string][]byte{"templates/app": []byte("x"), "templates/app/config.yml": []byte("x")})
	assert.ErrorContains(t, err, "both a file and the folder")
}

// LoadFiles and Load of the same tree on disk give the same model.
func TestLoadFilesMatchesLoad(t *testing.T) {
	tree := map[string]string{
		"templates/app/config.yml":               "name: app\nversion: 1.0.0\n",
		"templates/app/0/rancher-compose.yml":    rcBasic,
		"templates/app/0/docker-compose.yml.tpl": dcTemplated,
		"templates/app/1/rancher-compose.yml":    rcBasic,
		"templates/app/1/docker-compose.yml":     "web:\n  image: nginx\n",
		"other/thing/config.yml":                 "name: stray\n",
	}
	root := writeTree(t, tree)
	fromDisk, err := Load(root, Options{Workers: 1})
	require.NoError(t, err)
	files := map[string][]byte{}
	for p, data := range tree {
		files[p] = []byte(data)
	}
	fromMem, err := LoadFiles(files, Options{Workers: 1})
	require.NoError(t, err)

	assert.Equal(t, fromDisk.FilesRead, fromMem.FilesRead)
	assert.Equal(t, fromDisk.Problems, fromMem.Problems)
	require.Len(t, fromMem.Templates, len(fromDisk.Templates))
	for i, td := range fromDisk.Templates {
		tm := fromMem.Templates[i]
		assert.Equal(t, td.Dir, tm.Dir)
		require.Len(t, tm.Versions, len(td.Versions))
		for j, vd := range td.Versions {
			vm := tm.Versions[j]
			assert.Equal(t, vd.Dir, vm.Dir)
			for k, f := range vd.Files {
				assert.Equal(t, f.Path, vm.Files[k].Path)
				assert.Equal(t, f.Data, vm.Files[k].Data)
				want, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
				require.NoError(t, err)
				assert.Equal(t, want, vm.Files[k].Data)
			}
		}
	}
}
