package composefile

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func TestIsV2(t *testing.T) {
	for text, want := range map[string]bool{
		"version: '2'\nservices: {}\n":   true,
		"version: 2\nservices: {}\n":     true,
		"version: \"2\"\n":               true,
		"version: '2.0'\nservices: {}\n": false,
		"version: 2.1\n":                 false,
		"version: '3'\n":                 false,
		"web:\n  image: x\n":             false,
		"version: [2]\n":                 false,
		"- a\n":                          false,
	} {
		var doc yaml.Node
		require.NoError(t, yaml.Unmarshal([]byte(text), &doc))
		assert.Equal(t, want, IsV2(&doc), "%q", text)
	}
	assert.False(t, IsV2(nil))
}

func TestIsSection(t *testing.T) {
	for _, s := range Sections {
		assert.True(t, IsSection(s))
	}
	assert.False(t, IsSection("secrets"))
	assert.False(t, IsSection(".catalog"))
}

func TestNotService(t *testing.T) {
	cases := []struct {
		key       string
		rc, top   bool
		notServce bool
	}{
		{".catalog", false, true, true},
		{".catalog", true, false, true},
		{"catalog", true, true, true},
		{"catalog", true, false, true},
		{"catalog", false, true, false}, // a docker-compose service may be called catalog
		{"version", true, true, true},
		{"version", false, false, false}, // a v2 service may be called version
		{"web", true, true, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.notServce, NotService(c.key, c.rc, c.top), "%+v", c)
	}
}

// The executor removes only the top-level `.catalog` block, and interpolates
// what stays: a version 2 file's sections, a version 1 file's every key.
func TestDeployedAndInterpolated(t *testing.T) {
	assert.False(t, Deployed(".catalog"))
	for _, key := range append([]string{"catalog", "version", "web", "secrets"}, Sections...) {
		assert.True(t, Deployed(key), key)
		assert.True(t, Interpolated(key, false), "version 1: %s is a service", key)
		assert.Equal(t, IsSection(key), Interpolated(key, true), "version 2: %s", key)
	}
	assert.False(t, Interpolated(".catalog", false))
	assert.False(t, Interpolated(".catalog", true))
}
