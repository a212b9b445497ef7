package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func TestDefaultString(t *testing.T) {
	// The yaml.v2 round trip results listed in the catalog specification (§3.3).
	cases := []struct{ src, want string }{
		{`default: 8080`, "8080"},
		{`default: true`, "true"},
		{`default: 1.10`, "1.1"},
		{`default: 0755`, "493"},
		{`default: 0x1F`, "31"},
		{`default: 1e3`, "1000"},
		{`default: yes`, "true"},
		{`default: on`, "true"},
		{`default: off`, "false"},
		{`default: ~`, ""},
		{`default:`, ""},
		{`default: "0755"`, "0755"},
		{`default: '1.10'`, "1.10"},
		{`default: harbor-host=true`, "harbor-host=true"},
		{`default: -12`, "-12"},
		{`default: 1.5`, "1.5"},
		{`default: 10.0.0.1`, "10.0.0.1"},
		{"default: |\n  yes\n", "yes\n"},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			var m yaml.Node
			require.NoError(t, yaml.Unmarshal([]byte(c.src), &m))
			v := m.Content[0].Content[1]
			assert.Equal(t, c.want, DefaultString(v))
		})
	}
}
