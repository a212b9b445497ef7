package deploy

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

const version = "testdata/app/templates/web/0"

// composeOf decodes a rendered compose file.
func composeOf(t *testing.T, r *Result, name string) map[string]any {
	t.Helper()
	f := r.File(name)
	require.NotNil(t, f, name)
	var m map[string]any
	require.NoError(t, yaml.Unmarshal(f.Data, &m), string(f.Data))
	return m
}

func service(t *testing.T, m map[string]any, name string) map[string]any {
	t.Helper()
	return m["services"].(map[string]any)[name].(map[string]any)
}

func TestMissingRequiredAnswers(t *testing.T) {
	_, err := RenderDir(version, nil, Options{})
	var missing *MissingAnswersError
	require.True(t, errors.As(err, &missing), "%v", err)
	assert.Equal(t, []string{"site"}, missing.Variables)
	assert.Contains(t, err.Error(), "--set site=VALUE")
}

func TestRenderAsRancherDeploys(t *testing.T) {
	r, err := RenderDir(version, map[string]string{"site": "shop"}, Options{})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"site": "shop", "port": "8080", "tls": "false"}, r.Values, "defaults under the answers, as strings")
	dc := composeOf(t, r, "docker-compose.yml")
	web := service(t, dc, "web")
	env := web["environment"].(map[string]any)
	assert.Equal(t, "shop", env["SITE"], "interpolated")
	assert.Equal(t, "web", env["STACK"], "the stack name defaults to the template folder")
	assert.Equal(t, "a$b", env["LITERAL"], "$$ is a literal $")
	assert.NotContains(t, env, "TLS", "templated with the default answer")
	assert.Equal(t, []any{"8080:80"}, web["ports"])
	labels := web["labels"].(map[string]any)
	assert.Equal(t, "io.rancher.stack_service.name=${stack_name}/${service_name}", labels["io.rancher.scheduler.affinity:container_label_ne"], "Cattle macros survive")
	assert.Equal(t, "kept", labels["${site}-key"], "keys are not interpolated")

	rc := composeOf(t, r, "rancher-compose.yml")
	assert.NotContains(t, rc, ".catalog", "catalog metadata is not deployed")
	assert.Equal(t, "8080", service(t, rc, "web")["health_check"].(map[string]any)["port"])

	// Answers win over defaults and change the templating.
	r, err = RenderDir(version, map[string]string{"site": "x", "tls": "true", "port": "443", "extra": "1"}, Options{StackName: "prod"})
	require.NoError(t, err)
	web = service(t, composeOf(t, r, "docker-compose.yml"), "web")
	env = web["environment"].(map[string]any)
	assert.Equal(t, "on", env["TLS"])
	assert.Equal(t, "prod", env["STACK"])
	assert.Equal(t, []any{"443:80"}, web["ports"])
	require.Len(t, r.Warnings, 1)
	assert.Contains(t, r.Warnings[0], "extra is not a question")
}

// docker-compose accepts what Rancher would deploy.
func TestRenderedComposeValidates(t *testing.T) {
	bin, err := exec.LookPath("docker-compose")
	if err != nil {
		if os.Getenv("CATALOGEN_SKIP_COMPOSE_CHECK") == "1" {
			t.Skip("!!! SKIPPING docker-compose config: docker-compose is not installed and CATALOGEN_SKIP_COMPOSE_CHECK=1 !!!")
		}
		t.Fatal("docker-compose is not installed: apt-get install docker-compose, or set CATALOGEN_SKIP_COMPOSE_CHECK=1")
	}
	r, err := RenderDir(version, map[string]string{"site": "shop"}, Options{})
	require.NoError(t, err)
	dir := t.TempDir()
	file := filepath.Join(dir, "docker-compose.yml")
	require.NoError(t, os.WriteFile(file, r.File("docker-compose.yml").Data, 0o644))
	cmd := exec.Command(bin, "-f", file, "config", "-q")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	assert.NoError(t, err, "%s\n%s", out, r.File("docker-compose.yml").Data)
}

func TestRenderErrors(t *testing.T) {
	_, err := RenderDir("testdata/app/templates/web", nil, Options{})
	assert.ErrorContains(t, err, "not a version folder")
	_, err = RenderDir("testdata/none", nil, Options{})
	assert.ErrorContains(t, err, "does not exist")

	dir := t.TempDir()
	write := func(p, s string) {
		full := filepath.Join(dir, p)
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(s), 0o644))
	}
	write("templates/a/config.yml", "name: A\nversion: \"1\"\n")
	write("templates/a/0/rancher-compose.yml", ".catalog:\n  name: A\n  version: \"1\"\n")
	write("templates/a/0/docker-compose.yml", "web:\n  image: nginx:1\n  command: echo ${x:-d}\n")
	_, err = RenderDir(filepath.Join(dir, "templates/a/0"), nil, Options{})
	assert.ErrorContains(t, err, "invalid interpolation")

	// An execution error truncates the file, as in Rancher, with a warning.
	write("templates/a/0/docker-compose.yml", "web:\n  image: nginx:1\n{{ index .Values \"x\" 3 }}\n  command: never\n")
	r, err := RenderDir(filepath.Join(dir, "templates/a/0"), nil, Options{})
	require.NoError(t, err)
	assert.NotContains(t, string(r.File("docker-compose.yml").Data), "never")
	require.NotEmpty(t, r.Warnings)
	assert.Contains(t, r.Warnings[0], "cut off")
}

func TestParseAnswers(t *testing.T) {
	got, err := ParseAnswers("a.yml", []byte("site: shop\nport: 8080\ntls: true\nempty:\n"))
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"site": "shop", "port": "8080", "tls": "true", "empty": ""}, got)
	got, err = ParseAnswers("a.env", []byte("# answers\nsite=shop\nexpr=a=b\n\n"))
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"site": "shop", "expr": "a=b"}, got)
	_, err = ParseAnswers("a.env", []byte("site shop\n"))
	assert.ErrorContains(t, err, "a.env:1: expected KEY=value")
	_, err = ParseAnswers("a.yml", []byte("site: [a]\n"))
	assert.ErrorContains(t, err, "a.yml:1:7")
	k, v, err := ParseSet("a=b=c")
	require.NoError(t, err)
	assert.Equal(t, [2]string{"a", "b=c"}, [2]string{k, v})
	_, _, err = ParseSet("novalue")
	assert.Error(t, err)
}
