package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestYAML11Readers reads YAMLScalar's output and the generated metadata
// with PyYAML, a YAML 1.1 reader like Rancher's yaml.v2 and docker-compose
// itself, where "on", "0755" or "22:22" are not strings. PyYAML comes with
// Debian's docker-compose, which `make test` installs.
func TestYAML11Readers(t *testing.T) {
	python := pyYAML(t)
	var doc strings.Builder
	for i, s := range nastyStrings {
		doc.WriteString("k" + strconv.Itoa(i) + ": " + YAMLScalar(s) + "\n")
	}
	for i, s := range nastyStrings {
		m := &mapping{}
		m.str("v", "x"+s) // strNode, as config.yml and .catalog use
		out, err := encode(m.node())
		require.NoError(t, err)
		doc.WriteString("m" + strconv.Itoa(i) + ":\n  " + strings.ReplaceAll(strings.TrimSuffix(out, "\n"), "\n", "\n  ") + "\n")
	}
	cmd := exec.Command(python, "-c", `import sys, yaml, json; json.dump(yaml.safe_load(sys.stdin), sys.stdout)`)
	cmd.Stdin = strings.NewReader(doc.String())
	out, err := cmd.Output()
	require.NoError(t, err, "PyYAML could not read:\n%s", doc.String())
	var got map[string]any
	require.NoError(t, json.Unmarshal(out, &got))
	for i, s := range nastyStrings {
		assert.Equal(t, s, got["k"+strconv.Itoa(i)], "YAMLScalar(%q) = %s", s, YAMLScalar(s))
		assert.Equal(t, map[string]any{"v": "x" + s}, got["m"+strconv.Itoa(i)], "metadata string %q", s)
	}
}

// pyYAML finds a python3 that can import yaml: Debian's own first (the one
// docker-compose brings PyYAML for), then the one on PATH.
func pyYAML(t *testing.T) string {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import yaml").Run() == nil {
			return p
		}
	}
	if os.Getenv("CATALOGEN_SKIP_COMPOSE_CHECK") == "1" {
		t.Skip("SKIPPED: no python3 with PyYAML (CATALOGEN_SKIP_COMPOSE_CHECK=1)")
	}
	t.Fatal("no python3 with PyYAML: apt-get install docker-compose (it brings python3-yaml), or set CATALOGEN_SKIP_COMPOSE_CHECK=1")
	return ""
}
