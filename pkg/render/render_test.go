package render

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// greeterFS is testdata/greeter in memory, with files replaced or added by
// edits (a nil value deletes the file).
func greeterFS(t *testing.T, edits map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := "testdata/greeter"
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(root + "/" + p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	require.NoError(t, err)
	for p, content := range edits {
		m[p] = &fstest.MapFile{Data: []byte(content)}
	}
	return m
}

func loadGreeter(t *testing.T, edits map[string]string) *blueprint.Blueprint {
	t.Helper()
	bp, err := blueprint.Load(blueprint.Source{FS: greeterFS(t, edits)}, "blueprint.yaml")
	require.NoError(t, err)
	return bp
}

// editBlueprint replaces old by new in the greeter blueprint text.
func editBlueprint(t *testing.T, old, new string) map[string]string {
	t.Helper()
	data, err := os.ReadFile("testdata/greeter/blueprint.yaml")
	require.NoError(t, err)
	text := strings.Replace(string(data), old, new, 1)
	require.NotEqual(t, string(data), text, "edit must apply")
	return map[string]string{"blueprint.yaml": text}
}

// TestGenericApp renders an application that is not Harbor (two services,
// one topology) from testdata alone: no Go code knows about it.
func TestGenericApp(t *testing.T) {
	cat, err := Render([]*blueprint.Blueprint{loadGreeter(t, nil)})
	require.NoError(t, err)
	require.Len(t, cat.Entries, 1)
	e := cat.Entries[0]
	assert.Equal(t, "greeter", e.Name)
	assert.ElementsMatch(t, []string{"config.yml", "catalogIcon-greeter.svg"}, keys(e.Files))
	require.Len(t, e.Versions, 2)
	assert.Equal(t, "2.0.0-rancher.1", e.Versions[0].CatalogVersion)
	assert.Equal(t, "2.1.0-rancher.1", e.Versions[1].CatalogVersion)
	for _, v := range e.Versions {
		assert.ElementsMatch(t, []string{"docker-compose.yml.tpl", "rancher-compose.yml", "README.md"}, keys(v.Files), "the diagram is build's, drawn from the linted model")
	}

	var dc struct {
		Services map[string]struct {
			Image       string
			Environment map[string]string
			Command     []string
		}
	}
	require.NoError(t, yaml.Unmarshal(e.Versions[1].Files["docker-compose.yml.tpl"], &dc))
	assert.Equal(t, "example/greeter:2.1.0", dc.Services["web"].Image)
	assert.Equal(t, "redis:7.2.4", dc.Services["cache"].Image)
	assert.Equal(t, []string{"redis-server", "--requirepass", "${cache_password}", "--maxmemory", "64mb"}, dc.Services["cache"].Command)
	// Escaped for Rancher: `$` doubled, `{{` protected from templating.
	assert.Equal(t, "Hello, $$USER: {{`{{`}} not a template }} #1", dc.Services["web"].Environment["GREETING"])

	var rc struct {
		Catalog struct {
			Version     string
			UpgradeFrom string `yaml:"upgrade_from"`
			Questions   []map[string]any
		} `yaml:".catalog"`
	}
	require.NoError(t, yaml.Unmarshal(e.Versions[1].Files["rancher-compose.yml"], &rc))
	assert.Equal(t, ">=2.0.0-rancher.1 <2.1.0-rancher.1", rc.Catalog.UpgradeFrom)
	assert.Equal(t, "Port: host side", rc.Catalog.Questions[0]["label"])
	assert.Equal(t, `Where "greeter" listens; it's published on every host.`, rc.Catalog.Questions[0]["description"])
	assert.Equal(t, "8080", rc.Catalog.Questions[0]["default"], "defaults are strings")

	var config map[string]string
	require.NoError(t, yaml.Unmarshal(e.Files["config.yml"], &config))
	assert.Equal(t, "2.1.0-rancher.1", config["version"], "config.yml names the default (here: last) release")
	assert.Equal(t, "Says hello over HTTP and remembers\nwho asked: \"first\" visits are cached.\n", config["description"])
	assert.Equal(t, "Grace Hopper <grace@example.com>", config["maintainer"])
	assert.Contains(t, string(e.Versions[1].Files["README.md"]), "Follows 2.0.0-rancher.1.")
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestDeterministic renders the built-in blueprints twice, from two loads.
func TestDeterministic(t *testing.T) {
	render := func() *Catalog {
		bps, err := blueprint.Builtin()
		require.NoError(t, err)
		cat, err := Render(bps)
		require.NoError(t, err)
		return cat
	}
	a, b := render(), render()
	require.Equal(t, len(a.Entries), len(b.Entries))
	for i := range a.Entries {
		assert.Equal(t, a.Entries[i].Files, b.Entries[i].Files)
		for j := range a.Entries[i].Versions {
			assert.Equal(t, a.Entries[i].Versions[j].Files, b.Entries[i].Versions[j].Files)
		}
	}
}

// TestRenderErrors are the errors that stop rendering itself. What is
// wrong with a rendered catalog (an undeclared variable, an unused
// question, bad interpolation, a missing .catalog block) is the linter's:
// see package build's TestRenderedDefects.
func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name  string
		edits map[string]string
		want  []string
	}{
		{"missing image", map[string]string{"templates/standalone/docker-compose.yml.tpl.tmpl": "version: '2'\nservices:\n  web:\n    image: {{ .Images.db }}\n"}, []string{
			`entry greeter, release 2.0.0-rancher.1: template: templates/standalone/docker-compose.yml.tpl.tmpl:4:21: executing`, `map has no entry for key "db"`}},
		{"template syntax", map[string]string{"templates/standalone/README.md.tmpl": "line 1\n{{ if }}\n"}, []string{
			`template: templates/standalone/README.md.tmpl:2: missing value for if`}},
		{"question not asked", map[string]string{"templates/standalone/README.md.tmpl": "{{ question \"colour\" }}"}, []string{
			`README.md.tmpl:1:3: executing`, `entry greeter asks no question "colour" (it asks port, cache_password)`}},
		{"config.yml in a version folder", map[string]string{"templates/standalone/config.yml.tmpl": "x: 1\n"}, []string{
			`a version folder must not contain config.yml`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Render([]*blueprint.Blueprint{loadGreeter(t, tt.edits)})
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestRefusesEscapingNames bypasses the schema (as a program building a
// Blueprint in Go could) to check that the renderer itself refuses names
// that would leave the entry's folder.
func TestRefusesEscapingNames(t *testing.T) {
	for _, name := range []string{"../evil", "/etc", "a/b", `a\b`, "..", ".", ""} {
		t.Run("entry "+name, func(t *testing.T) {
			bp := loadGreeter(t, nil)
			bp.Entries[0].Name = name
			_, err := Render([]*blueprint.Blueprint{bp})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "entry name")
		})
	}
	t.Run("output file", func(t *testing.T) {
		require.Error(t, checkName("output file name", "../x"))
		require.Error(t, checkName("output file name", "x/y"))
		require.NoError(t, checkName("output file name", "docker-compose.yml"))
	})
}

func TestDuplicateEntryAcrossBlueprints(t *testing.T) {
	_, err := Render([]*blueprint.Blueprint{loadGreeter(t, nil), loadGreeter(t, nil)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `entry "greeter" is also defined in blueprint.yaml`)
}

// TestTemplateBracesInQuestions: catalog-service shows question texts raw,
// while Rancher's executor templates rancher-compose.yml, so a `{{` in a
// question text needs `# notemplating` on the first line.
func TestTemplateBracesInQuestions(t *testing.T) {
	bp := loadGreeter(t, editBlueprint(t, `label: "Port: host side"`, `label: "Port {{ host }}"`))
	cat, err := Render([]*blueprint.Blueprint{bp})
	require.NoError(t, err)
	rc := cat.Entries[0].Versions[0].Files["rancher-compose.yml"]
	assert.True(t, strings.HasPrefix(string(rc), "# notemplating\n"), string(rc))
	assert.Contains(t, string(rc), "label: Port {{ host }}")
}

func TestEntrySince(t *testing.T) {
	bp := loadGreeter(t, editBlueprint(t, "    templates: standalone\n", "    templates: standalone\n    since: 2.1.0\n"))
	cat, err := Render([]*blueprint.Blueprint{bp})
	require.NoError(t, err)
	require.Len(t, cat.Entries[0].Versions, 1)
	assert.Equal(t, "2.1.0-rancher.1", cat.Entries[0].Versions[0].CatalogVersion)
}
