package render

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

var builtin = sync.OnceValues(func() (*Catalog, error) {
	bps, err := blueprint.Builtin()
	if err != nil {
		return nil, err
	}
	return Render(bps)
})

func builtinCatalog(t testing.TB) *Catalog {
	t.Helper()
	cat, err := builtin()
	require.NoError(t, err)
	return cat
}

func entryNamed(t testing.TB, name string) Entry {
	t.Helper()
	for _, e := range builtinCatalog(t).Entries {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no entry %s", name)
	return Entry{}
}

func versionOf(t testing.TB, e Entry, catalogVersion string) Version {
	t.Helper()
	for _, v := range e.Versions {
		if v.CatalogVersion == catalogVersion {
			return v
		}
	}
	t.Fatalf("entry %s has no version %s", e.Name, catalogVersion)
	return Version{}
}

// moduleRoot is the folder holding go.mod; ../shared sits beside it.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "go.mod not found")
		dir = parent
	}
}

type question struct {
	Variable, Type, Default string
	Required                bool
	Options                 []string
}

// questionsOf reads the questions from a rendered rancher-compose.yml.
func questionsOf(t testing.TB, v Version) []question {
	t.Helper()
	var rc struct {
		Catalog struct{ Questions []question } `yaml:".catalog"`
	}
	require.NoError(t, yaml.Unmarshal(v.Files["rancher-compose.yml"], &rc))
	return rc.Catalog.Questions
}

// answers are the question defaults, with a placeholder for a question that
// has none, as a deployment without changes would send.
func answers(t testing.TB, v Version) map[string]string {
	out := map[string]string{}
	for _, q := range questionsOf(t, v) {
		out[q.Variable] = q.Default
		if q.Default == "" {
			out[q.Variable] = "placeholder-" + q.Variable
		}
	}
	return out
}

// rancherTemplated applies Rancher's Go templating to a compose file, as the
// executor does before parsing it.
func rancherTemplated(t testing.TB, name string, content []byte, values map[string]string) []byte {
	t.Helper()
	if tmpl.NoTemplating(content) {
		return content
	}
	out, parseErr, execErr := tmpl.Render(name, content, tmpl.Data{Values: values})
	require.NoError(t, parseErr, name)
	require.NoError(t, execErr, name)
	return out
}

// composeDoc is a version's docker-compose file after Rancher's templating.
func composeDoc(t testing.TB, v Version) map[string]any {
	t.Helper()
	var doc map[string]any
	require.NoError(t, yaml.Unmarshal(rancherTemplated(t, composeFileName, v.Files[composeFileName], answers(t, v)), &doc))
	return doc
}

func rancherComposeDoc(t testing.TB, v Version) map[string]any {
	t.Helper()
	var doc map[string]any
	require.NoError(t, yaml.Unmarshal(v.Files["rancher-compose.yml"], &doc))
	return doc
}

// composeFileName is what the Harbor templates produce: .tpl because the
// file uses Rancher's templating (self_registration on/off).
const composeFileName = "docker-compose.yml.tpl"

// get walks maps by key; nil when a key is missing.
func get(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, len(list))
	for i, x := range list {
		out[i], _ = x.(string)
	}
	return out
}
