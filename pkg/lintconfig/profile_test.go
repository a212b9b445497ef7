package lintconfig

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every profile names rules that exist, and changes their default.
func TestProfilesNameRealRules(t *testing.T) {
	for _, p := range Profiles {
		require.NotEmpty(t, p.Doc, p.Name)
		for id, sev := range p.Severity {
			r := rules.Lookup(id)
			if assert.NotNil(t, r, "profile %s: no rule %s", p.Name, id) {
				assert.NotEqual(t, r.Severity, sev, "profile %s sets %s to its default severity", p.Name, id)
			}
		}
	}
}

// The JSON schema offers exactly the profiles the code knows.
func TestProfileSchema(t *testing.T) {
	data, err := schemas.Load("catalogen-config.schema.json")
	require.NoError(t, err)
	var s struct {
		Properties struct {
			Profile struct {
				OneOf []struct {
					Enum []string `json:"enum"`
				} `json:"oneOf"`
			} `json:"profile"`
		} `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(data, &s))
	require.NotEmpty(t, s.Properties.Profile.OneOf)
	enum := slices.Clone(s.Properties.Profile.OneOf[0].Enum)
	slices.Sort(enum)
	assert.Equal(t, ProfileNames(), enum)
}

func TestProfileSetsSeverities(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte("profile: community\n"), rules.Lookup)
	require.NoError(t, err)
	assert.Equal(t, lint.Error, cfg.Settings.Severity["C007"])
	assert.Equal(t, []string{"community"}, cfg.Profiles)

	// rules: wins over the profile, written before or after it.
	for _, src := range []string{
		"profile: strict\nrules:\n  Q011: info\n",
		"rules:\n  question.password-default: info\nprofile: [strict]\n",
	} {
		cfg, err := Parse("c.yaml", []byte(src), rules.Lookup)
		require.NoError(t, err, src)
		assert.Equal(t, lint.Info, cfg.Settings.Severity["Q011"], src)
		assert.Equal(t, lint.Error, cfg.Settings.Severity["Q012"], src)
	}
}

func TestUnknownProfile(t *testing.T) {
	_, err := Parse("c.yaml", []byte("profile: comunity\n"), rules.Lookup)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "c.yaml:1:10")
	assert.Contains(t, err.Error(), `did you mean "community"?`)
	_, err = Parse("c.yaml", []byte("profile: {strict: true}\n"), rules.Lookup)
	require.Error(t, err)
}

// With `profile: strict` a well-known default password fails the lint; by
// default it is a warning.
func TestStrictProfileLint(t *testing.T) {
	c, err := catalog.LoadFiles(map[string][]byte{
		"templates/app/config.yml":            []byte("name: App\nversion: 1.0.0\n"),
		"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:1.25\n  environment:\n    PW: ${admin_password}\n"),
		"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: admin_password\n      label: Password\n      type: password\n      default: admin\n"),
	}, catalog.Options{Workers: 1})
	require.NoError(t, err)
	sevOf := func(s lint.Settings) lint.Severity {
		res := lint.Run(c, rules.All(), s)
		for _, f := range res.Findings {
			if f.Rule.ID == "Q011" {
				return f.Severity
			}
		}
		t.Fatal("no Q011 finding")
		return 0
	}
	assert.Equal(t, lint.Warning, sevOf(lint.Settings{Workers: 1}))
	cfg, err := Parse("c.yaml", []byte("profile: strict\n"), rules.Lookup)
	require.NoError(t, err)
	cfg.Settings.Workers = 1
	assert.Equal(t, lint.Error, sevOf(cfg.Settings))
}
