package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
)

// TestNastyStringsThroughBlueprints puts each nasty string into a blueprint
// (app description, question label, description and default, template
// data), renders it, and reads every place it lands back the way its
// consumer does: config.yml and the .catalog block as plain YAML (as
// catalog-service does), the compose value through Rancher's templating,
// YAML parsing and interpolation.
func TestNastyStringsThroughBlueprints(t *testing.T) {
	for _, s := range nastyStrings {
		t.Run(strings.ToValidUTF8(s, "?"), func(t *testing.T) {
			cat, err := Render([]*blueprint.Blueprint{loadGreeter(t, nastyBlueprint(t, s))})
			require.NoError(t, err)
			e := cat.Entries[0]

			var config map[string]string
			require.NoError(t, yaml.Unmarshal(e.Files["config.yml"], &config))
			assert.Equal(t, "d"+s, config["description"], "config.yml description")

			v := e.Versions[0]
			var rc struct {
				Catalog struct {
					Description string
					Questions   []struct{ Label, Description, Default string }
				} `yaml:".catalog"`
			}
			require.NoError(t, yaml.Unmarshal(v.Files["rancher-compose.yml"], &rc))
			assert.Equal(t, "d"+s, rc.Catalog.Description)
			q := rc.Catalog.Questions[0]
			assert.Equal(t, "L"+s, q.Label)
			assert.Equal(t, s, q.Description)
			assert.Equal(t, s, q.Default)

			doc := rancherTemplated(t, "docker-compose.yml.tpl", v.Files["docker-compose.yml.tpl"], map[string]string{})
			var dc struct {
				Services map[string]struct{ Environment map[string]string }
			}
			require.NoError(t, yaml.Unmarshal(doc, &dc), "%s", doc)
			got, missing, err := interp.Interpolate(dc.Services["web"].Environment["GREETING"], func(string) (string, bool) { return "", false })
			require.NoError(t, err)
			assert.Empty(t, missing)
			assert.Equal(t, s, got, "compose value")
		})
	}
}

// nastyBlueprint is the greeter blueprint with s in every free-text field.
// It is written with every string double-quoted by yaml.v3 (its block
// styles drop a leading line break), not by the code under test.
func nastyBlueprint(t *testing.T, s string) map[string]string {
	t.Helper()
	bp := map[string]any{
		"app": map[string]any{
			"title": "Greeter", "description": "d" + s, "category": "Examples", "license": "MIT",
			"projectURL": "https://example.com/greeter", "maintainer": "Grace Hopper <grace@example.com>",
			"minimumRancherVersion": "v1.6.0",
		},
		"templates": "templates",
		"data":      map[string]any{"greeting": s},
		"releases":  []any{map[string]any{"version": "2.0.0", "images": map[string]any{"web": "example/greeter:2.0.0", "cache": "redis:6.2.14"}}},
		"entries": []any{map[string]any{"name": "greeter", "templates": "standalone", "questions": []any{
			"port", map[string]any{"variable": "cache_password", "label": "Cache password", "type": "password"},
		}}},
		"questions": []any{map[string]any{"variable": "port", "label": "L" + s, "description": s, "type": "string", "default": s}},
	}
	out, err := yaml.Marshal(quoted(bp))
	require.NoError(t, err)
	return map[string]string{"blueprint.yaml": string(out)}
}

func quoted(v any) *yaml.Node {
	switch x := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for _, k := range sortedKeys(boolKeys(x)) {
			n.Content = append(n.Content, quoted(k), quoted(x[k]))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, item := range x {
			n.Content = append(n.Content, quoted(item))
		}
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: v.(string)}
}

func boolKeys(m map[string]any) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}
