package yaml11

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// resolveCases follow yaml.v2's resolution of plain scalars and its printing
// of the result (the catalog specification lists some, §3.3: `1.10` → "1.1",
// `0755` → "493", `0x1F` → "31", `1e3` → "1000", `yes`/`on` → "true").
var resolveCases = []struct {
	in   string
	kind Kind
	text string
}{
	// The words yaml.v2 looks up first: three spellings each, no others.
	{"y", Bool, "true"}, {"Y", Bool, "true"}, {"yes", Bool, "true"}, {"Yes", Bool, "true"}, {"YES", Bool, "true"},
	{"on", Bool, "true"}, {"On", Bool, "true"}, {"ON", Bool, "true"},
	{"true", Bool, "true"}, {"True", Bool, "true"}, {"TRUE", Bool, "true"},
	{"n", Bool, "false"}, {"N", Bool, "false"}, {"no", Bool, "false"}, {"No", Bool, "false"}, {"NO", Bool, "false"},
	{"off", Bool, "false"}, {"Off", Bool, "false"}, {"OFF", Bool, "false"},
	{"false", Bool, "false"}, {"False", Bool, "false"}, {"FALSE", Bool, "false"},
	{"yEs", String, "yEs"}, {"oN", String, "oN"}, {"tRUE", String, "tRUE"}, {"nO", String, "nO"},
	{"", Null, ""}, {"~", Null, ""}, {"null", Null, ""}, {"Null", Null, ""}, {"NULL", Null, ""}, {"nULL", String, "nULL"},
	{".inf", Float, ".inf"}, {".Inf", Float, ".inf"}, {"+.INF", Float, ".inf"}, {"-.inf", Float, "-.inf"},
	{".nan", Float, ".nan"}, {".NaN", Float, ".nan"}, {".nAn", String, ".nAn"},
	// Integers: Go's base-0 syntax after '_' is removed.
	{"0", Int, "0"}, {"00", Int, "0"}, {"-0", Int, "0"}, {"8080", Int, "8080"}, {"+12", Int, "12"}, {"-12", Int, "-12"},
	{"0755", Int, "493"}, {"-0755", Int, "-493"}, {"0x1F", Int, "31"}, {"0X1f", Int, "31"}, {"-0x1F", Int, "-31"},
	{"1_000", Int, "1000"}, {"0x_1F", Int, "31"}, {"1__0", Int, "10"},
	{"9223372036854775807", Int, "9223372036854775807"}, {"18446744073709551615", Int, "18446744073709551615"},
	{"0b101", Int, "5"}, {"-0b101", Int, "-5"}, {"0b1_01", Int, "5"}, {"0b-11", Int, "-3"},
	// 0o arrived in Go 1.13, after Rancher 1.6: a string there.
	{"0o17", String, "0o17"}, {"+0b101", String, "+0b101"}, {"0x", String, "0x"}, {"0xg", String, "0xg"},
	// Not octal, so a float of float shape.
	{"08", Float, "8"}, {"0789", Float, "789"},
	// Floats: YAML's float shape, printed as Go's shortest form.
	{"1.10", Float, "1.1"}, {"1.0", Float, "1"}, {"1.5", Float, "1.5"}, {"-1.5", Float, "-1.5"}, {"1.", Float, "1"},
	{"1e3", Float, "1000"}, {"1E3", Float, "1000"}, {"1.5e+20", Float, "1.5e+20"}, {"1e-3", Float, "0.001"},
	{"1_0.5", Float, "10.5"}, {"-.5", Float, "-0.5"}, {"+.5", Float, "0.5"},
	{"18446744073709551616", Float, "1.8446744073709552e+19"},
	{".5", Float, "0.5"}, {".5e3", Float, "500"},
	// Strings: what fits none of the above.
	{"1e999", String, "1e999"}, {".5e999", String, ".5e999"}, {".5_0", String, ".5_0"}, {".", String, "."},
	{"1.2.3", String, "1.2.3"}, {"10.0.0.1", String, "10.0.0.1"}, {"v1.6.0", String, "v1.6.0"},
	{"22:22", String, "22:22"}, {"1:20:30", String, "1:20:30"}, {"2001-12-14", String, "2001-12-14"},
	{"0x1p3", String, "0x1p3"}, {"1e", String, "1e"}, {"e3", String, "e3"}, {"-", String, "-"}, {"+", String, "+"},
	{"Infinity", String, "Infinity"}, {"NaN", String, "NaN"}, {"<<", String, "<<"}, {"=", String, "="},
	{"harbor-host=true", String, "harbor-host=true"}, {"yes please", String, "yes please"},
}

func TestResolve(t *testing.T) {
	for _, c := range resolveCases {
		k, text := Resolve(c.in)
		assert.Equal(t, c.kind, k, "kind of %q", c.in)
		assert.Equal(t, c.text, text, "text of %q", c.in)
	}
}

func node(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	return doc.Content[0].Content[1]
}

func TestNodes(t *testing.T) {
	cases := []struct {
		src  string
		kind Kind
		text string
	}{
		{`v: yes`, Bool, "true"},
		{`v: "yes"`, String, "yes"},
		{`v: 'yes'`, String, "yes"},
		{"v: |\n  yes\n", String, "yes\n"},
		{"v: >\n  0755\n", String, "0755\n"},
		{`v: !!str 0755`, String, "0755"},
		{`v: !!int 0x1F`, Int, "31"},
		{`v: !!float 1`, Float, "1"},
		{`v: !!bool yes`, Bool, "true"},
		{`v: !!null ""`, Null, ""},
		{`v: !custom yes`, String, "yes"},
		{`v:`, Null, ""},
		{`v: ~`, Null, ""},
		{`v: [a]`, Seq, ""},
		{`v: {a: b}`, Map, ""},
		{"a: &x 1.10\nv: *x", Float, "1.1"},
	}
	for _, c := range cases {
		n := node(t, c.src)
		assert.Equal(t, c.kind, KindOf(n), "KindOf %s", c.src)
		assert.Equal(t, c.text, Text(n), "Text %s", c.src)
	}
	assert.Equal(t, Null, KindOf(nil))
	assert.Equal(t, "", Text(nil))
	assert.True(t, IsPlain(node(t, `v: yes`)))
	assert.False(t, IsPlain(node(t, `v: "yes"`)))
	assert.False(t, IsPlain(node(t, `v: !!str yes`)))
}

// TestPlainTextAgreesWithResolve: for every plain case, the node reading
// and the string reading are one and the same.
func TestPlainTextAgreesWithResolve(t *testing.T) {
	for _, c := range resolveCases {
		if c.in == "" || c.in == "-" || c.in == "=" || c.in == "<<" || c.in[0] == '.' && c.kind == String {
			continue // not a plain value on its own in YAML 1.2 syntax, or parsed as another node
		}
		var doc yaml.Node
		if yaml.Unmarshal([]byte("v: "+c.in), &doc) != nil {
			continue
		}
		n := doc.Content[0].Content[1]
		if n.Kind != yaml.ScalarNode || !IsPlain(n) {
			continue
		}
		assert.Equal(t, c.kind, KindOf(n), "KindOf %q", c.in)
		assert.Equal(t, c.text, Text(n), "Text %q", c.in)
	}
}

func TestTyped(t *testing.T) {
	// Every scalar yaml.v2 types is typed; so are the ones only a full
	// YAML 1.1 reader types.
	for _, c := range resolveCases {
		if c.kind != String {
			assert.True(t, Typed(c.in), "%q", c.in)
		}
	}
	// The type repository's float form lets '.' repeat: 1.2.3 is a float
	// to it, though neither yaml.v2 nor PyYAML read it as one.
	for _, s := range []string{"22:22", "1:20:30", "2001-12-14", "=", "<<", "1.2.3", "10.0.0.1"} {
		assert.True(t, Typed(s), "%q", s)
	}
	for _, s := range []string{"plain", "0o17", "v1.6.0", "harbor-host=true", "yes please"} {
		assert.False(t, Typed(s), "%q", s)
	}
}

func TestKindNames(t *testing.T) {
	assert.Equal(t, "an integer", Int.WithArticle())
	assert.Equal(t, "a list", Seq.WithArticle())
	assert.True(t, Map.IsCollection())
	assert.False(t, String.IsCollection())
	assert.True(t, Float.IsNumber())
	assert.False(t, Bool.IsNumber())
}

func FuzzResolve(f *testing.F) {
	for _, c := range resolveCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, text := Resolve(s)
		if k == String && text != s {
			t.Fatalf("string %q printed as %q", s, text)
		}
		// The printed text is what Rancher's string field holds; read
		// again it is of the same kind (a whole float may print as an
		// integer: 1.0 is "1").
		if k != String && k != Null {
			k2, _ := Resolve(text)
			if k2 != k && !(k.IsNumber() && k2.IsNumber()) {
				t.Fatalf("%q → (%v, %q) → %v", s, k, text, k2)
			}
		}
	})
}
