package blueprint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// minimal is testdata/minimal/blueprint.yaml; each case edits it.
func minimal(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "minimal", "blueprint.yaml"))
	require.NoError(t, err)
	return string(data)
}

// loadString loads text as bp.yaml beside a templates/app folder.
func loadString(t *testing.T, text string) (*Blueprint, error) {
	t.Helper()
	fsys := fstest.MapFS{
		"bp.yaml":                {Data: []byte(text)},
		"templates/app/x.tmpl":   {Data: []byte("x")},
		"templates/icon.svg":     {Data: []byte("<svg/>")},
		"templates/other/x.tmpl": {Data: []byte("x")},
	}
	return Load(Source{FS: fsys}, "bp.yaml")
}

func TestLoadMinimal(t *testing.T) {
	bp, err := LoadFile(filepath.Join("testdata", "minimal", "blueprint.yaml"))
	require.NoError(t, err)
	require.Len(t, bp.Releases, 1)
	assert.Equal(t, "1.0.0-rancher.1", bp.Releases[0].CatalogVersion())
	require.Len(t, bp.Entries, 1)
	e := bp.Entries[0]
	assert.Equal(t, "Minimal", e.Title, "the entry title defaults to the app title")
	require.Len(t, e.Questions, 1)
	assert.Equal(t, "8080", e.Questions[0].Default, "defaults keep the text as written")
	assert.Equal(t, bp.Releases[0], bp.DefaultRelease())
}

func TestBuiltinBlueprintsLoad(t *testing.T) {
	bps, err := Builtin()
	require.NoError(t, err)
	require.NotEmpty(t, bps)
	for _, bp := range bps {
		assert.NotEmpty(t, bp.Entries, bp.File)
	}
}

// TestSchemaErrors: each bad blueprint gives an error naming file:line:col,
// the field and what is allowed.
func TestSchemaErrors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // replace old by new in the minimal blueprint
		want     []string
	}{
		{"unknown field", "  category: Test\n", "  category: Test\n  colour: blue\n",
			[]string{`bp.yaml:6:3: app: unknown field "colour"; allowed: category, description, license, maintainer,`}},
		{"missing field", "  license: MIT\n", "",
			[]string{`bp.yaml:3:3: app: missing required field "license"`}},
		{"wrong type", "    images: {app: example/app:1.0.0}", "    images: {app: example/app:1.0.0}\n    revision: two",
			[]string{`bp.yaml:14:15: releases[0].revision: must be integer, not string`}},
		{"pattern with explanation", "  - name: minimal", "  - name: ../evil",
			[]string{`bp.yaml:15:11: entries[0].name: "../evil" is not allowed: Template folder name and default stack name: lower-case letters, digits and inner dashes`}},
		{"image without tag", "example/app:1.0.0", "example/app",
			[]string{`bp.yaml:13:19: releases[0].images.app: "example/app" is not allowed: An image reference pinned to a tag or a digest`}},
		{"enum", "    type: int", "    type: integer",
			[]string{`bp.yaml:21:11: questions[0].type: "integer" is not allowed; use one of`, `"string", "int", "float", "boolean", "enum"`}},
		{"maintainer form", "Jane Doe <jane@example.com>", "jane@example.com",
			[]string{`bp.yaml:8:15: app.maintainer: "jane@example.com" is not allowed: ` + "`First Last <name@example.com>`"}},
		{"version form", "  - version: 1.0.0", "  - version: v1.0",
			[]string{`bp.yaml:12:14: releases[0].version: "v1.0" is not allowed: The application's own version, MAJOR.MINOR.PATCH.`}},
		{"several errors, in file order", "  license: MIT\n", "  license: 3\n  colour: blue\n",
			[]string{"bp.yaml:6:12: app.license: must be string, not integer\nbp.yaml:7:3: app: unknown field \"colour\""}},
		{"duplicate key", "  license: MIT\n", "  license: MIT\n  license: GPL\n",
			[]string{`bp.yaml:7:3: key "license" appears twice in this mapping`}},
		{"syntax", "  license: MIT\n", "  license: [MIT\n",
			[]string{`bp.yaml:6: invalid YAML: did not find expected`}},
		{"empty", "", "", nil}, // handled below: the whole file replaced
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(minimal(t), tt.old, tt.new, 1)
			if tt.name == "empty" {
				text = "# nothing\n"
				tt.want = []string{"bp.yaml: empty blueprint"}
			}
			require.NotEqual(t, minimal(t), text, "the case must change the blueprint")
			_, err := loadString(t, text)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestRuleErrors covers what the schema cannot say.
func TestRuleErrors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"secret with default", "    type: int\n    default: 8080", "    type: password\n    default: hunter2",
			`bp.yaml:22:14: questions[0].default: a password question must not have a default`},
		{"enum without options", "    type: int\n    default: 8080", "    type: enum",
			`questions[0].options: an enum question needs options`},
		{"enum default not an option", "    type: int\n    default: 8080", "    type: enum\n    options: [a, b]\n    default: c",
			`bp.yaml:23:14: questions[0].default: default "c" is not one of the options (a, b)`},
		{"int default", "default: 8080", "default: eighty",
			`bp.yaml:22:14: questions[0].default: an int default must be a whole number, not "eighty"`},
		{"unknown question", "questions: [port]", "questions: [port, host]",
			`bp.yaml:17:23: entries[0].questions[1]: question "host" is not in the blueprint's questions`},
		{"question asked twice", "questions: [port]", "questions: [port, port]",
			`entries[0].questions[1]: question "port" is asked twice`},
		{"missing templates folder", "    templates: app", "    templates: nowhere",
			`bp.yaml:16:16: entries[0].templates: templates/nowhere is not a folder (paths are relative to templates)`},
		{"templates leave the source", "templates: templates", "templates: ../../outside",
			`bp.yaml:10:12: templates: "../../outside" leaves the folder the blueprint is read from`},
		{"absolute templates", "templates: templates", "templates: /etc",
			`templates: "/etc" must be relative to the blueprint, not absolute`},
		{"since names no release", "    templates: app", "    templates: app\n    since: 9.9.9",
			`bp.yaml:17:12: entries[0].since: "9.9.9" is not a release of this blueprint`},
		{"release twice", "    images: {app: example/app:1.0.0}", "    images: {app: example/app:1.0.0}\n  - version: 1.0.0",
			`bp.yaml:14:5: releases[1]: release 1.0.0-rancher.1 is listed twice`},
		{"releases out of order", "    images: {app: example/app:1.0.0}", "    images: {app: example/app:1.0.0}\n  - version: 0.9.0",
			`bp.yaml:14:5: releases[1]: release 0.9.0-rancher.1 comes after 1.0.0-rancher.1 but does not sort above it in Rancher; list releases oldest first`},
		{"bad upgrade range", "    images: {app: example/app:1.0.0}", "    images: {app: example/app:1.0.0}\n    upgradeFrom: '>=>1'",
			`bp.yaml:14:18: releases[0].upgradeFrom: Could not parse Range ">=>1"`},
		{"entry twice", "    questions: [port]\n", "    questions: [port]\n  - name: minimal\n    templates: app\n    questions: [port]\n",
			`entries[1].name: entry "minimal" is defined twice`},
		{"icon missing", "templates: templates", "templates: templates\nicon: nope.svg",
			`icon: templates/nope.svg is not a file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(minimal(t), tt.old, tt.new, 1)
			require.NotEqual(t, minimal(t), text, "the case must change the blueprint")
			_, err := loadString(t, text)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestEntryQuestionOverride(t *testing.T) {
	text := strings.Replace(minimal(t), "questions: [port]", "questions: [{variable: port, label: Web port, default: 80}]", 1)
	bp, err := loadString(t, text)
	require.NoError(t, err)
	q := bp.Entries[0].Questions[0]
	assert.Equal(t, "Web port", q.Label)
	assert.Equal(t, "80", q.Default)
	assert.Equal(t, "int", q.Type, "fields the entry does not set come from the blueprint's question")
}

func TestMergeKeys(t *testing.T) {
	text := strings.Replace(minimal(t), "  - version: 1.0.0\n    images: {app: example/app:1.0.0}",
		"  - version: 1.0.0\n    images: &imgs {app: example/app:1.0.0}\n  - version: 1.0.1\n    images: {<<: *imgs, db: example/db:2.0.0}", 1)
	bp, err := loadString(t, text)
	require.NoError(t, err)
	require.Len(t, bp.Releases, 2)
	assert.Equal(t, map[string]string{"app": "example/app:1.0.0", "db": "example/db:2.0.0"}, bp.Releases[1].Images)
}

func TestAliases(t *testing.T) {
	text := strings.Replace(minimal(t), "  - version: 1.0.0\n    images: {app: example/app:1.0.0}",
		"  - version: 1.0.0\n    images: &imgs {app: example/app:1.0.0}\n    data: &d {k: [1, 2]}\n  - version: 1.0.1\n    images: *imgs\n    data: *d", 1)
	bp, err := loadString(t, text)
	require.NoError(t, err)
	assert.Equal(t, bp.Releases[0].Images, bp.Releases[1].Images)

	for name, doc := range map[string]string{
		"mapping containing its alias":  "app: &a {x: *a}\n",
		"sequence containing its alias": "app: &a [*a]\n",
		"merge of itself":               "app: &a {<<: *a, x: 1}\n",
		"alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
			"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
			"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := loadString(t, doc)
			require.Error(t, err) // and no hang, crash or runaway memory
		})
	}
}
