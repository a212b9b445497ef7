package cli

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xeipuuv/gojsonschema"
)

// Issue: JUnit reported every finding as a failure whatever --fail-level
// said; the failures must agree with the exit code.
func TestJUnitAgreesWithExitCode(t *testing.T) {
	root := tree(t, map[string]string{
		"templates/app/config.yml":            "name: App\nversion: 1.0\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.0\"\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx\n",
	})
	_, fs, _ := lintJSON(t, "--no-config", root)
	bySev := map[string]int{}
	for _, f := range fs {
		bySev[f.Severity]++
	}
	require.NotZero(t, bySev["warning"]+bySev["info"], "the catalog has findings below error")
	for _, level := range failLevels {
		code, out, _ := run("lint", "--no-config", "--format", "junit", "--fail-level", level, root)
		var suites struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
		}
		require.NoError(t, xml.Unmarshal([]byte(out), &suites))
		want := 0
		for _, sev := range []string{"info", "warning", "error"} {
			if level != "none" && severityRank(sev) >= severityRank(level) {
				want += bySev[sev]
			}
		}
		assert.Equal(t, want, suites.Failures, "--fail-level %s", level)
		assert.Equal(t, want > 0, code == ExitFindings, "--fail-level %s: exit %d with %d failures", level, code, suites.Failures)
		assert.GreaterOrEqual(t, suites.Tests, len(fs))
	}
}

func severityRank(s string) int {
	return map[string]int{"info": 0, "warning": 1, "error": 2}[s]
}

func TestColorFlag(t *testing.T) {
	root := badSuppressionCatalog(t)
	_, out, _ := run("lint", "--no-config", root)
	assert.NotContains(t, out, "\x1b[", "no colours when stdout is not a terminal")
	_, out, _ = run("lint", "--no-config", "--color", "always", root)
	assert.Contains(t, out, "\x1b[1;31m"[:2], "colours on request")
	assert.Contains(t, out, "\x1b[35mCG002\x1b[0m")
	_, out, _ = run("lint", "--no-config", "--color", "always", "--format", "json", root)
	assert.NotContains(t, out, "\x1b[", "colours only in the text format")
	code, _, stderr := run("lint", "--color", "sometimes", root)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr, "auto, always, never")

	// auto: a terminal gets colours unless NO_COLOR is set.
	tty, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("a pseudo-terminal is needed to test --color auto: %v", err)
	}
	defer tty.Close()
	t.Setenv("TERM", "xterm")
	t.Setenv("NO_COLOR", "")
	assert.True(t, useColor("auto", tty, false))
	assert.False(t, useColor("auto", tty, true), "not when the report goes to a file")
	t.Setenv("NO_COLOR", "1")
	assert.False(t, useColor("auto", tty, false))
	assert.True(t, useColor("always", tty, false))
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "dumb")
	assert.False(t, useColor("auto", tty, false))
}

// Control characters from a catalog file reach no terminal raw.
func TestLintEscapesControlCharacters(t *testing.T) {
	root := tree(t, map[string]string{
		"templates/app/config.yml":            "name: App\nversion: \"1.0.0\"\n",
		"templates/app/0/rancher-compose.yml": ".catalog:\n  name: App\n  version: \"1.0.0\"\n",
		"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: \"\\e]0;owned\\a\\e[2Jnginx\"\n",
	})
	for _, format := range []string{"text", "github", "junit", "json", "sarif"} {
		_, out, stderr := run("lint", "--no-config", "--format", format, root)
		assert.NotContains(t, out, "\x1b", format)
		assert.NotContains(t, out, "\a", format)
		assert.NotContains(t, stderr, "\x1b", format)
	}
}

// Issue: build --help showed `--repo catalogen publish`, pflag's reading of
// a back-quoted word as the value's name.
func TestHelpValueNames(t *testing.T) {
	for _, c := range [][]string{{"build", "--help"}, {"lint", "--help"}, {"render", "--help"}, {"publish", "--help"}} {
		_, out, _ := run(c...)
		assert.NotContains(t, out, "catalogen publish   ", c)
		assert.NotRegexp(t, `--\w[\w-]* catalogen`, out, c)
	}
	_, out, _ := run("build", "--help")
	assert.Contains(t, out, "--repo URL")
}

// Issue: an empty templates/ linted silently as "0 files".
func TestEmptyCatalogIsAFinding(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(root, "templates"), 0o755))
	_, fs, _ := lintJSON(t, "--no-config", root)
	require.Len(t, fs, 1)
	assert.Equal(t, "L013", fs[0].Rule)
	assert.Equal(t, "warning", fs[0].Severity)
}

// Error messages quote paths and catalog text: escaped too.
func TestErrorsAreEscaped(t *testing.T) {
	code, _, stderr := run("lint", "no-such-\x1b]0;owned\a-dir")
	assert.Equal(t, ExitUsage, code)
	assert.NotContains(t, stderr, "\x1b")
	assert.Contains(t, stderr, `no-such-\x1b]0;owned\x07-dir does not exist`)
}

// The reports of a real run (findings, a suppressed one, folder-level
// ones) validate against the SARIF 2.1.0 and Jenkins JUnit schemas.
func TestReportsOfARunValidate(t *testing.T) {
	root, _ := fixable(t)
	write(t, root, "templates/app/0/docker-compose.yml", "version: '2'\nservices:\n  web:\n    image: busybox  # catalogen:ignore D005 -- pinned by the entrypoint\n")
	shared := filepath.Join("..", "..", "..", "shared", "schemas")
	if _, err := os.Stat(shared); err != nil {
		t.Fatalf("the shared schemas are missing beside the checkout: %v", err)
	}
	abs, err := filepath.Abs(filepath.Join(shared, "sarif-2.1.0.schema.json"))
	require.NoError(t, err)
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + abs))
	require.NoError(t, err)
	_, out, _ := run("lint", "--no-config", "--format", "sarif", root)
	res, err := schema.Validate(gojsonschema.NewStringLoader(out))
	require.NoError(t, err)
	assert.True(t, res.Valid(), "%v", res.Errors())
	assert.Contains(t, out, `"justification": "pinned by the entrypoint"`)

	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is required: apt-get install libxml2-utils (scripts/test-deps installs it)")
	}
	_, out, _ = run("lint", "--no-config", "--format", "junit", root)
	file := filepath.Join(t.TempDir(), "junit.xml")
	require.NoError(t, os.WriteFile(file, []byte(out), 0o644))
	b, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join(shared, "jenkins-junit-10.xsd"), file).CombinedOutput()
	assert.NoError(t, err, "%s", b)
}
