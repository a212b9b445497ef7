package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// TestHarborDockerComposeConfig feeds every rendered Harbor docker-compose
// file, as Rancher would template it with the question defaults (and a
// placeholder for required questions without one), to
// `docker-compose config -q`, with the answers in the environment for its
// own `$` interpolation.
func TestHarborDockerComposeConfig(t *testing.T) {
	bin, err := exec.LookPath("docker-compose")
	if err != nil {
		if os.Getenv("CATALOGEN_SKIP_COMPOSE_CHECK") == "1" {
			t.Skip("!!! SKIPPING the docker-compose validation of the Harbor entries: docker-compose is not installed and CATALOGEN_SKIP_COMPOSE_CHECK=1 !!!")
		}
		t.Fatal("docker-compose is not installed, so the rendered compose files cannot be validated: install it (apt-get install docker-compose), or set CATALOGEN_SKIP_COMPOSE_CHECK=1 to skip this check")
	}
	for _, e := range builtinCatalog(t).Entries {
		for _, v := range e.Versions {
			t.Run(e.Name+"/"+v.CatalogVersion, func(t *testing.T) {
				t.Parallel()
				values := answers(t, v)
				dir := t.TempDir()
				file := filepath.Join(dir, "docker-compose.yml")
				require.NoError(t, os.WriteFile(file, rancherTemplated(t, composeFileName, v.Files[composeFileName], values), 0o644))
				cmd := exec.Command(bin, "-f", file, "config", "-q")
				cmd.Dir = dir
				cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
				names := make([]string, 0, len(values))
				for k := range values {
					names = append(names, k)
				}
				sort.Strings(names)
				for _, k := range names {
					cmd.Env = append(cmd.Env, k+"="+values[k])
				}
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "docker-compose config rejected %s %s:\n%s", e.Name, v.CatalogVersion, out)
			})
		}
	}
}

// BenchmarkRenderHarbor loads the built-in blueprints and renders every
// entry and release in memory (the whole build is package build's
// BenchmarkBuildHarbor).
func BenchmarkRenderHarbor(b *testing.B) {
	for b.Loop() {
		bps, err := blueprint.Builtin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(bps); err != nil {
			b.Fatal(err)
		}
	}
}
