package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, data := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(data), 0o644))
	}
	return root
}

const rcBasic = `.catalog:
  name: app
  version: 1.0.0
  questions:
    - variable: port
      type: int
      default: 8080
    - variable: label
      type: string
      required: true
`

const dcTemplated = `version: '2'
services:
  web:
    image: nginx:1.25
{{- if eq .Values.port "8080" }}
    ports:
      - "${port}:80"
{{- end }}
    labels:
      io.rancher.scheduler.affinity:host_label: {{ .Values.label }}
`

func TestLoadLayoutAndRendering(t *testing.T) {
	root := writeTree(t, map[string]string{
		"README.md":                                  "catalog",
		"templates/app/config.yml":                   "name: app\nversion: 1.0.0\n",
		"templates/app/catalogIcon-app.svg":          "<svg/>",
		"templates/app/0/rancher-compose.yml":        rcBasic,
		"templates/app/0/docker-compose.yml.tpl":     dcTemplated,
		"templates/app/1/rancher-compose.yml":        rcBasic,
		"templates/app/1/docker-compose.yml":         "web:\n  image: nginx\n",
		"templates/app/notaversion/README.md":        "x",
		"infra-templates/net/config.yml":             "name: net\n",
		"infra-templates/net/10/rancher-compose.yml": ".catalog:\n  version: v1\n",
		"other/thing/config.yml":                     "name: stray\n",
	})
	c, err := Load(root, Options{})
	require.NoError(t, err)
	require.Len(t, c.Templates, 2)

	net, app := c.Templates[0], c.Templates[1]
	assert.Equal(t, "infra-templates/net", net.Dir)
	assert.Equal(t, "infra", net.Base)
	assert.Equal(t, "templates/app", app.Dir)
	assert.Equal(t, "", app.Base)
	assert.NotNil(t, app.Config)
	assert.Len(t, app.Icons, 1)
	assert.Equal(t, []string{"notaversion"}, app.Ignored)
	require.Len(t, app.Versions, 2)

	v0 := app.Versions[0]
	require.NotNil(t, v0.Catalog)
	assert.Equal(t, "1.0.0", v0.Catalog.Version)
	assert.Equal(t, map[string]string{"port": "8080", "label": Placeholder}, v0.Values())
	require.NotNil(t, v0.Project)
	web := v0.Project.Service("web")
	require.NotNil(t, web)
	l, ok := web.Label("io.rancher.scheduler.affinity:host_label")
	require.True(t, ok)
	assert.Equal(t, Placeholder, l.Value)
	// The label line is line 10 of the template source although the
	// rendered text has shifted lines.
	assert.Equal(t, 10, l.Pos().Line)
	ports, ok := web.Field("ports")
	require.True(t, ok)
	assert.Equal(t, 6, ports.Pos().Line)
	assert.Equal(t, 5, ports.Pos().Col, "verbatim lines keep their column")

	var misplaced bool
	for _, p := range c.Problems {
		misplaced = misplaced || p.Kind == "misplaced-template"
	}
	assert.True(t, misplaced, "other/thing/config.yml is reported")
}

func TestLoadSelectsVersionFolder(t *testing.T) {
	root := writeTree(t, map[string]string{
		"templates/app/config.yml":            "name: app\n",
		"templates/app/0/rancher-compose.yml": rcBasic,
		"templates/app/1/rancher-compose.yml": rcBasic,
	})
	c, err := Load(filepath.Join(root, "templates/app/1"), Options{})
	require.NoError(t, err)
	require.Len(t, c.Templates, 1)
	assert.True(t, c.Templates[0].Partial)
	require.Len(t, c.Templates[0].Versions, 1)
	assert.Equal(t, "templates/app/1", c.Templates[0].Versions[0].Dir)

	c, err = Load(filepath.Join(root, "templates/app"), Options{})
	require.NoError(t, err)
	assert.False(t, c.Templates[0].Partial)
	assert.Len(t, c.Templates[0].Versions, 2)
}

func TestLoadBadInput(t *testing.T) {
	root := writeTree(t, map[string]string{
		"templates/app/config.yml":             "",
		"templates/app/0/rancher-compose.yml":  "\x00\x01binary",
		"templates/app/0/docker-compose.yml":   "a: [unclosed",
		"templates/app/1/rancher-compose.yml":  "a: &a [*a, *a]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n",
		"templates/app/2/rancher-compose.yml":  "\t.catalog: tab\n",
		"templates/app/3/rancher-compose.yml":  "\xff\xfe not utf-8: x\n",
		"templates/app/4/docker-compose.yml":   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
		"templates/app/5/rancher-compose.yml":  ".catalog:\n  version: 1\n  questions: 7\n",
		"templates/app/5/docker-compose.yml":   "{{ if }}",
		"templates/app/6/rancher-compose.yml":  "- a\n- b\n",
		"templates/app/6/docker-compose.yml":   "services: 3\nversion: '2'\n",
		"templates/app/7/config.yml/README.md": "a folder named config.yml",
	})
	require.NoError(t, os.Symlink("/etc/passwd", filepath.Join(root, "templates/app/0/link.yml")))
	require.NoError(t, os.Symlink("/", filepath.Join(root, "templates/rootlink")))
	c, err := Load(root, Options{})
	require.NoError(t, err)
	app := c.Templates[0]
	v0 := app.Versions[0]
	assert.Error(t, v0.RancherCompose.ReadErr)
	require.NotNil(t, v0.DockerCompose.ParseErr)
	assert.Equal(t, 1, v0.DockerCompose.ParseErr.Line)
	symlinks := 0
	for _, p := range c.Problems {
		if p.Kind == "symlink" {
			symlinks++
		}
	}
	assert.Equal(t, 2, symlinks)
	for _, v := range app.Versions {
		for _, f := range v.Files {
			assert.NotContains(t, f.Path, "link", "symlinks are never read")
		}
	}
}

func TestLoadRefusesLargeFiles(t *testing.T) {
	root := writeTree(t, map[string]string{"templates/app/config.yml": "name: app\n"})
	big := filepath.Join(root, "templates/app/0/docker-compose.yml")
	require.NoError(t, os.MkdirAll(filepath.Dir(big), 0o755))
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(100<<20)) // sparse: no 100 MB written
	require.NoError(t, f.Close())
	c, err := Load(root, Options{})
	require.NoError(t, err)
	dc := c.Templates[0].Versions[0].DockerCompose
	require.Error(t, dc.ReadErr)
	assert.Contains(t, dc.ReadErr.Error(), "limit")
	assert.Nil(t, dc.Data)
}

func TestLoadNotACatalog(t *testing.T) {
	root := writeTree(t, map[string]string{"notes.txt": "x"})
	_, err := Load(root, Options{})
	assert.ErrorIs(t, err, ErrNoCatalog)
	_, err = Load(filepath.Join(root, "notes.txt"), Options{})
	assert.ErrorContains(t, err, "is a file")
}

func TestLoadFilesMatchesDisk(t *testing.T) {
	files := map[string]string{
		"templates/app/config.yml":            "name: app\nversion: 1.0.0\n",
		"templates/app/0/rancher-compose.yml": rcBasic,
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25\n",
	}
	disk, err := Load(writeTree(t, files), Options{})
	require.NoError(t, err)
	mem := map[string][]byte{}
	for p, d := range files {
		mem[p] = []byte(d)
	}
	fromMem, err := LoadFiles(mem, Options{})
	require.NoError(t, err)
	require.Len(t, fromMem.Templates, 1)
	assert.Equal(t, disk.Templates[0].Dir, fromMem.Templates[0].Dir)
	assert.Equal(t, disk.FilesRead, fromMem.FilesRead)
	assert.Equal(t, disk.Templates[0].Versions[0].Project.Services[0].Name, fromMem.Templates[0].Versions[0].Project.Services[0].Name)
}

func TestSuppressionsScanned(t *testing.T) {
	s := scanSuppressions([]byte("a: 1 # catalogen:ignore D005 -- pinned elsewhere\n# catalogen:ignore-file S004,S001 -- reason\nb: 2 # catalogen:ignore D005\n"))
	require.Len(t, s, 3)
	assert.Equal(t, []string{"D005"}, s[0].Rules)
	assert.Equal(t, "pinned elsewhere", s[0].Reason)
	assert.True(t, s[1].File)
	assert.Equal(t, []string{"S004", "S001"}, s[1].Rules)
	assert.Contains(t, s[2].Malformed, "no reason")
}

func TestMapLines(t *testing.T) {
	src := "a: 1\n{{- if x }}\nb: {{ .V }}\n{{- end }}\nc: 3\n"
	out := "a: 1\nb: 2\nc: 3\n"
	m, exact := mapLines([]byte(src), []byte(out))
	assert.Equal(t, []int{1, 3, 5, 6}, m)
	assert.Equal(t, []bool{true, false, true, false}, exact)
}

func TestFileLine(t *testing.T) {
	f := &File{Data: []byte("a: 1\nb: 2\n")}
	assert.Equal(t, "a: 1", f.Line(1))
	assert.Equal(t, "b: 2", f.Line(2))
	assert.Equal(t, "", f.Line(3))
	f = &File{Data: []byte("a\r\nb")}
	assert.Equal(t, "a", f.Line(1))
	assert.Equal(t, "b", f.Line(2))
}

func TestMapLinesRepeatedBlocks(t *testing.T) {
	// Two services with identical label lines: the first service's templated
	// line must not be matched to the second's verbatim copy.
	src := "a:\n  labels:\n    x: {{ .Values.v }}\n  image: a\nb:\n  labels:\n    x: one\n  image: b\n"
	out := "a:\n  labels:\n    x: one\n  image: a\nb:\n  labels:\n    x: one\n  image: b\n"
	m, _ := mapLines([]byte(src), []byte(out))
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7, 8, 9}, m)
}

func TestLoadDeeplyNested(t *testing.T) {
	deepFlow := strings.Repeat("[", 200000) + strings.Repeat("]", 200000)
	var block strings.Builder
	for i := 0; i < 5000; i++ {
		block.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	root := writeTree(t, map[string]string{
		"templates/app/config.yml":            "name: app\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  version: 1.0.0\n",
		"templates/app/0/docker-compose.yml":  deepFlow,
		"templates/app/1/rancher-compose.yml": ".catalog:\n  version: 1.0.1\n",
		"templates/app/1/docker-compose.yml":  block.String(),
	})
	c, err := Load(root, Options{})
	require.NoError(t, err)
	require.Len(t, c.Templates[0].Versions, 2)
	// yaml.v3 refuses excessive nesting with an error instead of recursing.
	assert.NotNil(t, c.Templates[0].Versions[0].DockerCompose.ParseErr)
}
