package catalogblock

import (
	"slices"
	"testing"

	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	return &doc
}

func TestFindPlacement(t *testing.T) {
	cases := []struct{ name, src, placement, version string }{
		{"v1 dot", ".catalog:\n  version: 1.0.0\n", Dot, "1.0.0"},
		{"v2 top", "version: '2'\ncatalog:\n  version: 1.0.0\n", Top, "1.0.0"},
		// catalog-service takes data["catalog"] first.
		{"both", ".catalog:\n  version: dot\ncatalog:\n  version: top\n", Top, "top"},
		{"null top falls back", "catalog:\n.catalog:\n  version: dot\n", Dot, "dot"},
		{"v2 under services", "version: 2\nservices:\n  .catalog:\n    version: 1.0.0\n", UnderServices, "1.0.0"},
		{"v1 under services is a service", "services:\n  .catalog:\n    version: 1.0.0\n", "", ""},
		{"v2.0 is not v2", "version: 2.0\nservices:\n  .catalog:\n    version: 1.0.0\n", "", ""},
		{"none", "web:\n  scale: 1\n", "", ""},
		{"not a mapping", "- a\n", "", ""},
		{"merged", "x: &x\n  version: merged\n.catalog:\n  <<: *x\n", Dot, "merged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := Read(parse(t, c.src))
			if c.placement == "" {
				assert.Nil(t, b)
				return
			}
			require.NotNil(t, b)
			assert.Equal(t, c.placement, b.Placement)
			assert.Equal(t, c.version, b.Version)
		})
	}
}

// TestFieldsAsRancherReadsThem: every string field goes through the YAML
// 1.1 round trip, so what a YAML 1.2 reader sees as text is not what
// Rancher stores.
func TestFieldsAsRancherReadsThem(t *testing.T) {
	b := Read(parse(t, `.catalog:
  version: 1.10
  name: yes
  description: '1.10'
  minimum_rancher_version: ~
  upgrade_from: 0x10
  uuid: 0755
  questions:
    - variable: on
      type: int
      label: 1e3
      default: 08
      required: yes
      options: [1.0, "1.0", x]
    - variable: b
      required: "true"
    - variable: c
      required: !!str true
    - not a mapping
    - variable: d
      default:
`))
	require.NotNil(t, b)
	assert.Equal(t, "1.1", b.Version)
	assert.Equal(t, "true", b.Name)
	assert.Equal(t, "1.10", b.Description)
	assert.Equal(t, "", b.MinimumRancherVersion)
	assert.Equal(t, "16", b.UpgradeFrom)
	assert.Equal(t, "493", b.UUID)
	require.Len(t, b.Questions, 4)
	q := b.Questions[0]
	assert.Equal(t, "true", q.Variable)
	assert.Equal(t, "int", q.Type)
	assert.Equal(t, "1000", q.Label)
	assert.Equal(t, "8", q.Default)
	assert.True(t, q.HasDefault)
	assert.True(t, q.Required)
	assert.Equal(t, []string{"1", "1.0", "x"}, q.Options)
	assert.False(t, b.Questions[1].Required, "a quoted true is a type error, not required")
	assert.False(t, b.Questions[2].Required, "a !!str true is a type error, not required")
	assert.True(t, b.Questions[3].HasDefault)
	assert.Equal(t, "", b.Questions[3].Default)
	assert.Same(t, b.Questions[1], b.Question("b"))
	assert.Nil(t, b.Question("missing"))
}

func TestVersion(t *testing.T) {
	cases := map[string]string{
		".catalog:\n  version: 1.10\n":          "1.1",
		".catalog:\n  version: \"1.10\"\n":      "1.10",
		".catalog:\n  version: yes\n":           "true",
		".catalog:\n  version: v1.0.0\n":        "v1.0.0",
		".catalog:\n  version: 2\n":             "2",
		".catalog:\n  version: [1]\n":           "",
		".catalog:\n  name: x\n":                "",
		"services: {}\n":                        "",
		"{{ .Catalog }}\n":                      "",
		".catalog:\n  version: 1\n  version: 2": "2", // the last of repeated keys, as yaml.v2 keeps it
		".catalog:\n  version: [\n":             "",  // not YAML
	}
	for src, want := range cases {
		assert.Equal(t, want, Version([]byte(src)), "%q", src)
	}
}

// TestKeyKinds: the typed key lists are the known keys, each once.
func TestKeyKinds(t *testing.T) {
	for _, k := range StringKeys {
		assert.Contains(t, Keys, k)
	}
	seen := map[string]bool{}
	for _, k := range append(append(append([]string{}, QuestionStringKeys...), QuestionIntKeys...), "required", "default", "options") {
		assert.Contains(t, QuestionKeys, k)
		assert.False(t, seen[k], k)
		seen[k] = true
	}
	assert.Len(t, seen, len(QuestionKeys))
}

// readQuestionByGet is readQuestion written with one yamlnode lookup per
// key, the plain reading that readQuestion's single pass must agree with.
func readQuestionByGet(item *yaml.Node) *Question {
	q := &Question{Node: item}
	q.Variable = yaml11.Text(q.Field("variable"))
	q.Type = yaml11.Text(q.Field("type"))
	q.Label = yaml11.Text(q.Field("label"))
	if k, d := yamlnode.Get(item, "default"); k != nil {
		q.Default, q.HasDefault = yaml11.Text(d), true
	}
	if r := q.Field("required"); yaml11.KindOf(r) == yaml11.Bool {
		q.Required = yaml11.Text(r) == "true"
	}
	if opts := q.Field("options"); yamlnode.IsSeq(opts) {
		for _, o := range opts.Content {
			if o = yamlnode.Resolve(o); o != nil && o.Kind == yaml.ScalarNode {
				q.Options = append(q.Options, yaml11.Text(o))
			}
		}
	}
	return q
}

// TestReadQuestionIsGet: the single pass reads what a lookup per key
// reads, with repeated keys, merges, aliases, nulls and odd types.
func TestReadQuestionIsGet(t *testing.T) {
	src := `base: &base
  type: enum
  options: [a, b]
  default: a
  required: yes
opts: &opts [x, 1.10, ~]
.catalog:
  questions:
    - variable: A
      type: string
      default: 1.10
    - variable: B
      variable: C
      type: int
      type: float
      required: true
      required: "true"
    - <<: *base
      variable: D
    - <<: [*base]
      variable: E
      type: string
      options: *opts
    - variable: F
      default:
      options: x
      label: [not, a, string]
    - variable: !!str 010
      required: !!bool true
      default: !!int 7
    - label: no variable
      required: 1
    - ? [complex, key]
      : value
      variable: G
`
	b := Read(parse(t, src))
	require.NotNil(t, b)
	require.Len(t, b.Questions, 8)
	keys := append(slices.Clone(QuestionKeys), "<<", "name", "")
	for i, q := range b.Questions {
		for _, k := range keys {
			assert.Same(t, yamlnode.Value(q.Node, k), q.Field(k), "question %d, Field(%q)", i, k)
		}
		got := *q
		got.read, got.hasRead = readFields{}, false // the nodes Field returns, checked above
		assert.Equal(t, readQuestionByGet(q.Node), &got, "question %d", i)
	}
}
