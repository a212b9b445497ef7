package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

// nastyStrings are values that break naive YAML or Rancher output: YAML
// indicators and comments, YAML 1.1 booleans and numbers, sexagesimals,
// line breaks of every kind, Go template delimiters and `$` in every form
// Rancher's interpolation cares about.
var nastyStrings = []string{
	"", "plain", "with space", " leading space", "trailing space ", "  ",
	"key: value", "a: b: c", "ends with colon:", "a #comment", "#start", "a#b",
	"'single'", `"double"`, "it's", `back\slash`, `C:\path\to`, "`backtick`",
	"*star", "&anchor", "!tag", "!!str x", "%percent", "@at", "|pipe", ">gt",
	"- dash", "-", "? question", "[flow]", "{flow}", "a,b", "a, b", "=",
	"multi\nline", "trailing newline\n", "\nleading newline", "tab\there", "cr\rhere", "crlf\r\n",
	"{{ .Values.x }}", "{{", "}}", "{{{", "a{{b}}c", "{{`x`}}", "{{- x -}}",
	"$", "$$", "a$", "$x", "${x}", "$${x}", "${x:-d}", "$(cmd)", "$1", "price: $5", "$${stack_name}",
	"yes", "No", "ON", "off", "y", "n", "true", "False", "null", "Null", "~",
	"1.10", "0755", "0x1F", "0o17", "1e3", "-1", "+1", ".5", "1_000", "22:22", "1:20:30", ".inf", "-.Inf", ".NaN",
	"2001-12-14", "2001-12-14t21:59:43.10-05:00",
	"ünïcödé", "日本語", "emoji 🐳", "\u00a0nbsp", "\u2028 line separator", "\u2029 paragraph", "\u0085 next line",
	"\ufeff bom", "\x00 nul", "\x01 control", "\x7f del", "\u200b zero width",
	"http://x.y/z?a=b&c=d#frag", "vmware/harbor-log:v1.1.1", "io.rancher.scheduler.affinity:host_label",
	"/data:/data:z", "127.0.0.1:1514:514", "user@host", "a=b,c=d",
}

// asValue embeds a scalar in the contexts a template may put it: a block
// mapping value, a sequence item, a flow mapping and a flow sequence.
func asValue(scalar string) map[string]string {
	return map[string]string{
		"block":    "parent:\n  key: " + scalar + "\n",
		"sequence": "list:\n  - " + scalar + "\n",
		"flowmap":  "m: {key: " + scalar + "}\n",
		"flowlist": "l: [" + scalar + "]\n",
	}
}

func valueFrom(t *testing.T, doc string) (string, bool) {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
		t.Errorf("not valid YAML: %v\n%s", err, doc)
		return "", false
	}
	// document → mapping → value (a mapping or a sequence) → the scalar.
	v := n.Content[0].Content[1]
	if v.Kind == yaml.MappingNode {
		v = v.Content[1]
	} else {
		v = v.Content[0]
	}
	if v.ShortTag() != "!!str" {
		t.Errorf("read back as %s, not a string:\n%s", v.ShortTag(), doc)
		return "", false
	}
	return v.Value, true
}

func TestYAMLScalarRoundTrip(t *testing.T) {
	for _, s := range nastyStrings {
		for ctx, doc := range asValue(YAMLScalar(s)) {
			if got, ok := valueFrom(t, doc); ok {
				assert.Equal(t, s, got, "%s context, written as %s", ctx, YAMLScalar(s))
			}
		}
	}
}

// TestComposeScalarThroughRancher runs each value through what Rancher's
// executor does to a compose file: Go templating, YAML parsing, then `$`
// interpolation. The value must come out exactly as it went in.
func TestComposeScalarThroughRancher(t *testing.T) {
	noVars := func(string) (string, bool) { return "", false }
	for _, s := range nastyStrings {
		for ctx, doc := range asValue(ComposeScalar(s)) {
			out, parseErr, execErr := tmpl.Render("compose", []byte(doc), tmpl.Data{Values: map[string]string{}})
			require.NoError(t, parseErr, "%q in %s", s, ctx)
			require.NoError(t, execErr, "%q in %s", s, ctx)
			// The raw file must be valid YAML as well: catalog-service and
			// linters read it before templating.
			valueFrom(t, doc)
			v, ok := valueFrom(t, string(out))
			if !ok {
				continue
			}
			got, missing, err := interp.Interpolate(v, noVars)
			require.NoError(t, err, "%q in %s: interpolation", s, ctx)
			assert.Empty(t, missing, "%q in %s: no variable may appear", s, ctx)
			assert.Equal(t, s, got, "%s context, written as %s", ctx, ComposeScalar(s))
		}
	}
}

func TestYAMLScalarStaysPlainWhenSafe(t *testing.T) {
	for _, s := range []string{"plain", "vmware/harbor-log:v1.1.1", "/data:/data:z", "io.rancher.container.start_once", "a=b"} {
		assert.Equal(t, s, YAMLScalar(s))
	}
	for _, s := range []string{"yes", "0.5.0", "22:22", "a b", "x:"} {
		assert.NotEqual(t, s, YAMLScalar(s), "%q must be quoted", s)
	}
}

func TestComposeTextEscapesOnlyRancherSyntax(t *testing.T) {
	assert.Equal(t, "a$$b{{`{{`}}c", ComposeText("a$b{{c"))
}
