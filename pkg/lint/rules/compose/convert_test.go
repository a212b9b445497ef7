package compose

import (
	"encoding/json"
	"testing"

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
	c := &converter{answers: &answers{values: map[string]string{}, unsure: map[string]bool{}}, unsure: map[*yaml.Node]bool{}}
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
	a := &answers{values: map[string]string{"TAG": "1.25"}, unsure: map[string]bool{}}
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
