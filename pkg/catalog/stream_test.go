package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func streamTree(t *testing.T) string {
	return writeTree(t, map[string]string{
		"README.md":                              "catalog",
		"templates/app/config.yml":               "name: app\nversion: 1.0.0\n",
		"templates/app/0/rancher-compose.yml":    rcBasic + "  uuid: app-0\n",
		"templates/app/0/docker-compose.yml.tpl": dcTemplated,
		"templates/app/1/rancher-compose.yml":    rcBasic,
		"templates/app/1/docker-compose.yml":     "web:\n  image: nginx # catalogen:ignore D005 -- pinned elsewhere\n",
		"infra-templates/net/config.yml":         "name: net\n",
	})
}

// A streaming load reads nothing of a template folder until Read, which
// builds what a whole load builds; Release drops the derived data and
// keeps bytes, suppressions and the `.catalog` scalars; Read again
// rebuilds it.
func TestStreamingReadAndRelease(t *testing.T) {
	root := streamTree(t)
	whole, err := Load(root, Options{})
	require.NoError(t, err)
	c, err := Load(root, Options{Streaming: true})
	require.NoError(t, err)
	assert.Equal(t, whole.FilesRead, c.FilesRead)
	require.Len(t, c.Stray, 1)
	assert.Equal(t, []byte("catalog"), c.Stray[0].Data, "files outside template folders are read at once")

	app := c.Templates[1]
	require.Equal(t, "templates/app", app.Dir)
	v0, v1 := app.Versions[0], app.Versions[1]
	assert.Nil(t, app.Config.Data)
	assert.Nil(t, v0.Catalog)
	assert.Nil(t, v0.Project)

	check := func(what string) {
		wv0 := whole.Templates[1].Versions[0]
		require.NotNil(t, v0.Project, what)
		assert.Equal(t, wv0.Catalog.UUID, v0.Catalog.UUID, what)
		l, ok := v0.Project.Service("web").Label("io.rancher.scheduler.affinity:host_label")
		require.True(t, ok, what)
		wl, _ := wv0.Project.Service("web").Label("io.rancher.scheduler.affinity:host_label")
		assert.Equal(t, wl.Pos().Line, l.Pos().Line, what)
		assert.Equal(t, whole.Templates[1].Config.Data, app.Config.Data, what)
		assert.NotNil(t, app.Config.Doc, what)
		assert.Equal(t, len(wv0.DockerComposeTpl.Trees()), len(v0.DockerComposeTpl.Trees()), what)
	}
	app.Read()
	check("after Read")

	app.Release()
	assert.Nil(t, v0.Project)
	assert.Nil(t, app.Config.Doc)
	assert.Nil(t, v0.DockerComposeTpl.Rendered)
	assert.NotNil(t, app.Config.Data, "bytes stay: findings quote them")
	assert.Len(t, v1.DockerCompose.Suppressions, 1, "suppressions stay")
	require.NotNil(t, v0.Catalog, "the .catalog block stays")
	assert.Equal(t, "app-0", v0.Catalog.UUID)
	uuid := v0.Catalog.Field("uuid")
	require.NotNil(t, uuid, "its scalar entries stay")
	assert.Equal(t, "app-0", uuid.Value)
	assert.Equal(t, 11, v0.Catalog.Doc.At(uuid).Line)
	assert.Nil(t, v0.Catalog.Field("questions"), "its questions' nodes go")
	assert.Len(t, v0.Catalog.Questions, 2, "its questions' fields stay")
	for _, q := range v0.Catalog.Questions {
		assert.NotEmpty(t, q.Variable, "a question's string fields stay")
		assert.Nil(t, q.Node, "a question's node goes")
		for _, key := range []string{"variable", "type", "label", "default", "required", "options"} {
			assert.Nil(t, q.Field(key), "no node of question %s stays (%s)", q.Variable, key)
		}
	}

	app.Read()
	check("after a second Read")
}

// Without Streaming, Read and Release change nothing.
func TestReadReleaseWholeLoad(t *testing.T) {
	c, err := Load(streamTree(t), Options{})
	require.NoError(t, err)
	app := c.Templates[1]
	app.Release()
	assert.NotNil(t, app.Versions[0].Project)
	assert.NotNil(t, app.Config.Doc)
	app.Read()
	assert.NotNil(t, app.Versions[0].Project)
}
