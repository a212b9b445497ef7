package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// A question's ignore map becomes one inline suppression on its variable
// line, where question findings point; rules in ID order.
func TestQuestionIgnoreComment(t *testing.T) {
	e := blueprint.Entry{Questions: []blueprint.Question{{
		Variable: "smtp_password", Label: "SMTP password", Type: "password",
		Ignore: map[string]string{"Q012": "empty means no login", "Q009": "named like a secret on purpose"},
	}}}
	out, err := questionsBlock(e, nil)
	require.NoError(t, err)
	assert.Contains(t, out, "- variable: smtp_password # catalogen:ignore Q009,Q012 -- named like a secret on purpose; empty means no login\n")
}

// Each version folder asks only the questions of its release.
func TestQuestionsPerRelease(t *testing.T) {
	e := blueprint.Entry{Questions: []blueprint.Question{
		{Variable: "always"}, {Variable: "new", Since: "1.1.0"}, {Variable: "old", Until: "1.3.0"},
		{Variable: "window", Since: "1.1.0", Until: "1.3.0"},
	}}
	for version, want := range map[string][]string{
		"0.5.0":  {"always", "old"},
		"1.1.0":  {"always", "new", "old", "window"},
		"1.2.2":  {"always", "new", "old", "window"},
		"1.3.0":  {"always", "new"},
		"1.10.0": {"always", "new"},
	} {
		var got []string
		for _, q := range e.ForRelease(blueprint.Release{Version: version}).Questions {
			got = append(got, q.Variable)
		}
		assert.Equal(t, want, got, version)
	}
}

// Questions encoded together split into the items that encoding each
// alone gives, whatever their text: several lines, a leading "- ", quotes,
// options, an ignore comment, numbers.
func TestQuestionItemsEncodedTogether(t *testing.T) {
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	n := 3
	questions := []blueprint.Question{
		{Variable: "multi", Label: "Several\nlines\n- not an item", Type: "multiline", Default: "- a\n- b\n"},
		{Variable: "dash", Label: "- leading dash", Description: "  indented: yes", Type: "string", Default: "yes"},
		{Variable: "quoted", Label: `"quoted" and 'single'`, Type: "enum", Options: []string{"- x", "on", "1.10"}, Min: &n},
		{Variable: "ignored", Label: "Secret", Type: "password", Ignore: map[string]string{"Q012": "may stay empty"}},
	}
	lists := [][]blueprint.Question{questions}
	for _, bp := range bps {
		for _, e := range bp.Entries {
			lists = append(lists, e.Questions)
		}
	}
	for _, list := range lists {
		items := map[string]string{}
		require.NoError(t, encodeItems(list, items, map[string]bool{}))
		require.Len(t, items, len(list))
		for _, q := range list {
			alone, err := questionsBlock(blueprint.Entry{Questions: []blueprint.Question{q}}, nil)
			require.NoError(t, err)
			assert.Equal(t, "  questions:\n"+items[q.Variable], alone, q.Variable)
		}
	}
}

// A version's .catalog block is the same whether the quoting answers are
// worked out afresh or kept from the versions before.
func TestCatalogBlockWithKeptQuoting(t *testing.T) {
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	for _, bp := range bps {
		for _, e := range bp.Entries {
			quoted := map[string]bool{}
			for _, r := range bp.ReleasesOf(e) {
				for range 2 {
					kept, err := catalogBlock(bp, e, r, "", quoted)
					require.NoError(t, err)
					fresh, err := catalogBlock(bp, e, r, "", nil)
					require.NoError(t, err)
					assert.Equal(t, fresh, kept, "%s %s", e.Name, r.CatalogVersion())
				}
			}
			assert.NotEmpty(t, quoted, "%s: answers kept", e.Name)
		}
	}
}
