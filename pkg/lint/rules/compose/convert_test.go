package compose

import (
	"encoding/json"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestConvertTypesScalarsAsYAML11: the executor decodes compose files with
// yaml.v2, so the schemas must see YAML 1.1 types, not yaml.v3's.
func TestConvertTypesScalarsAsYAML11(t *testing.T) {
	src := `
a: yes
b: "yes"
c: 0755
d: 1.10
e: ~
f: 0o17
g: .inf
h: !!int abc
i: 1e999
j: Off
`
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	c := &converter{answers: &answers{catalog.NewAnswers(map[string]string{})}, unsure: map[*yaml.Node]bool{}}
	got := c.value(&doc, 0)
	assert.Equal(t, map[string]any{
		"a": true,
		"b": "yes",
		"c": json.Number("493"),
		"d": json.Number("1.1"),
		"e": nil,
		"f": "0o17", // Go had no 0o when Rancher 1.6 was built
		"g": json.Number("1e999"),
		"h": "abc",
		"i": "1e999", // out of range: yaml.v2 keeps the text
		"j": false,
	}, got)
}

// TestAnswersScalarAsYAML11: the values rules compare (images, volume
// drivers, scale policies) are the strings the executor ends up with.
func TestAnswersScalarAsYAML11(t *testing.T) {
	a := &answers{catalog.NewAnswers(map[string]string{"TAG": "1.25"})}
	for src, want := range map[string]string{
		"v: 0755":         "493",
		"v: yes":          "true",
		"v: '0755'":       "0755",
		"v: 1.10":         "1.1",
		"v: nginx:${TAG}": "nginx:1.25",
	} {
		var doc yaml.Node
		require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
		got, ok := a.scalar(doc.Content[0].Content[1])
		assert.True(t, ok, src)
		assert.Equal(t, want, got, src)
	}
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte("v: ~"), &doc))
	_, ok := a.scalar(doc.Content[0].Content[1])
	assert.False(t, ok, "a null is no value")
}

// TestConvertMerges: merge keys are applied as yamlnode.Pairs applies them
// (explicit keys win), and a mapping without one converts the same way.
func TestConvertMerges(t *testing.T) {
	src := "base: &b {image: x, scale: 1}\nweb:\n  <<: *b\n  scale: 2\n  ports: ['80']\n"
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	c := &converter{answers: &answers{catalog.NewAnswers(map[string]string{})}}
	assert.Equal(t, map[string]any{
		"base": map[string]any{"image": "x", "scale": json.Number("1")},
		"web":  map[string]any{"image": "x", "scale": json.Number("2"), "ports": []any{"80"}},
	}, c.value(&doc, 0))
	assert.Nil(t, c.unsure, "nothing guessed")
}

// TestAnswersOncePerVersion: the rules of a version share one set of
// answers.
func TestAnswersOncePerVersion(t *testing.T) {
	c, err := catalog.LoadFiles(map[string][]byte{
		"templates/app/config.yml":            []byte("name: app\nversion: 1.0.0\n"),
		"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: TAG\n      type: string\n"),
		"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:${TAG}\n"),
	}, catalog.Options{})
	require.NoError(t, err)
	v := c.Templates[0].Versions[0]
	a := newAnswers(v)
	assert.Same(t, a, newAnswers(v))
	assert.True(t, a.Typed("TAG"), "a question without a default is a guess")
}
