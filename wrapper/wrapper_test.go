package wrapper_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// No Docker engine runs the tests, so the Dockerfile is checked as far as
// possible without one.

type instruction struct {
	line    int
	keyword string
	args    string
}

// parseDockerfile splits a Dockerfile into instructions, joining
// continuation lines and skipping comments, and fails on unknown keywords.
func parseDockerfile(t *testing.T, name string) []instruction {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	known := map[string]bool{"FROM": true, "ARG": true, "RUN": true, "COPY": true, "ADD": true, "ENV": true,
		"LABEL": true, "ENTRYPOINT": true, "CMD": true, "WORKDIR": true, "USER": true, "EXPOSE": true,
		"VOLUME": true, "HEALTHCHECK": true, "SHELL": true, "STOPSIGNAL": true, "ONBUILD": true}
	var out []instruction
	var cur strings.Builder
	start := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if cur.Len() == 0 {
			start = n
		}
		if strings.HasSuffix(trimmed, "\\") {
			cur.WriteString(strings.TrimSuffix(trimmed, "\\") + " ")
			continue
		}
		cur.WriteString(trimmed)
		keyword, args, _ := strings.Cut(cur.String(), " ")
		require.True(t, known[strings.ToUpper(keyword)], "%s:%d: unknown instruction %q", name, start, keyword)
		out = append(out, instruction{start, strings.ToUpper(keyword), strings.TrimSpace(args)})
		cur.Reset()
	}
	require.NoError(t, sc.Err())
	require.Zero(t, cur.Len(), "%s ends inside a continued line", name)
	return out
}

func moduleRoot(t *testing.T) string {
	dir, err := filepath.Abs("..")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	return dir
}

func TestDockerfile(t *testing.T) {
	root := moduleRoot(t)
	ins := parseDockerfile(t, "Dockerfile")
	require.NotEmpty(t, ins)
	assert.Equal(t, "FROM", firstNonArg(ins).keyword, "the first instruction after global ARGs is FROM")

	stages := map[string]bool{}
	args := map[string]bool{} // ARGs in scope of the current stage
	global := map[string]bool{}
	inStage := false
	for _, in := range ins {
		switch in.keyword {
		case "ARG":
			name, _, _ := strings.Cut(in.args, "=")
			if inStage {
				args[name] = true
			} else {
				global[name] = true
			}
		case "FROM":
			inStage = true
			args = map[string]bool{}
			fields := strings.Fields(in.args)
			for _, ref := range regexp.MustCompile(`\$\{(\w+)\}`).FindAllStringSubmatch(fields[0], -1) {
				assert.True(t, global[ref[1]], "line %d: FROM uses ${%s}, which no global ARG declares", in.line, ref[1])
			}
			if len(fields) == 3 && strings.EqualFold(fields[1], "AS") {
				stages[fields[2]] = true
			}
		case "RUN":
			for _, ref := range regexp.MustCompile(`\$\{(HARBOR_\w+)\}`).FindAllStringSubmatch(in.args, -1) {
				assert.True(t, args[ref[1]], "line %d: RUN uses ${%s}, not declared as ARG in this stage", in.line, ref[1])
			}
		case "COPY", "ADD":
			fields := strings.Fields(in.args)
			var from string
			var paths []string
			for _, f := range fields {
				if v, ok := strings.CutPrefix(f, "--from="); ok {
					from = v
				} else if !strings.HasPrefix(f, "--") {
					paths = append(paths, f)
				}
			}
			require.GreaterOrEqual(t, len(paths), 2, "line %d: %s needs a source and a destination", in.line, in.keyword)
			if from != "" {
				assert.True(t, stages[from], "line %d: --from=%s names no earlier stage", in.line, from)
				continue
			}
			for _, src := range paths[:len(paths)-1] {
				_, err := os.Stat(filepath.Join(root, filepath.FromSlash(src)))
				assert.NoError(t, err, "line %d: %s copies %s, which the build context (the repository) must hold", in.line, in.keyword, src)
			}
		}
	}
	entry := lastOf(ins, "ENTRYPOINT")
	require.NotNil(t, entry, "the image runs harbor-setup")
	assert.Contains(t, entry.args, "/usr/local/bin/harbor-setup")
}

func firstNonArg(ins []instruction) instruction {
	for _, in := range ins {
		if in.keyword != "ARG" {
			return in
		}
	}
	return instruction{}
}

func lastOf(ins []instruction, keyword string) *instruction {
	for i := len(ins) - 1; i >= 0; i-- {
		if ins[i].keyword == keyword {
			return &ins[i]
		}
	}
	return nil
}

// TestEveryReleaseIsBuilt: each release of the built-in blueprint has an
// installer pin, a checksum manifest that matches the release's installer
// files, a setup-program table, and the image tag the catalog references.
func TestEveryReleaseIsBuilt(t *testing.T) {
	bps, err := blueprint.Builtin()
	require.NoError(t, err)
	pins, err := harborsetup.Pins()
	require.NoError(t, err)
	byRelease := map[string]harborsetup.Pin{}
	for _, p := range pins {
		assert.NotContains(t, byRelease, p.Release, "installers.tsv lists %s twice", p.Release)
		byRelease[p.Release] = p
		assert.Regexp(t, `^[0-9a-f]{40}$`, p.Commit)
		assert.Equal(t, "https://github.com/goharbor/harbor/archive/"+p.Commit+".tar.gz", p.Archive)
		assert.Regexp(t, `^[0-9a-f]{64}$`, p.PrepareSHA256)
	}
	makefile, err := os.ReadFile(filepath.Join(moduleRoot(t), "Makefile"))
	require.NoError(t, err)
	workflow, err := os.ReadFile(filepath.Join(moduleRoot(t), ".github", "workflows", "wrapper.yml"))
	require.NoError(t, err)
	reference := linttest.SharedDir(t, "reference/harbor-installer")
	for _, bp := range bps {
		repo, _ := bp.Data["wrapperRepository"].(string)
		require.NotEmpty(t, repo)
		assert.Contains(t, string(makefile), "WRAPPER_REPOSITORY ?= "+repo, "make wrapper-images builds the repository the blueprint references")
		assert.Contains(t, string(workflow), repo+":${{ matrix.tag }}", "the workflow pushes the repository the blueprint references")
		for _, r := range bp.Releases {
			t.Run(r.Version, func(t *testing.T) {
				pin, ok := byRelease[r.Version]
				require.True(t, ok, "wrapper/installers.tsv has no line for Harbor %s", r.Version)
				tag, _ := r.Data["wrapperTag"].(string)
				assert.Equal(t, pin.WrapperTag, tag, "the blueprint references the tag the wrapper is built under")
				_, err := harborsetup.Lookup(r.Version)
				assert.NoError(t, err, "the setup program has a table for Harbor %s", r.Version)

				manifest := readManifest(t, filepath.Join("manifests", r.Version+".sha256"))
				assert.Equal(t, pin.PrepareSHA256, manifest["prepare"], "manifest and installers.tsv agree on prepare")
				// The shared reference holds the release's templates as
				// published at its tag: the manifest must list exactly those.
				want := map[string]string{}
				dir := filepath.Join(reference, r.Version)
				require.NoError(t, filepath.WalkDir(filepath.Join(dir, "common", "templates"), func(p string, d os.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return err
					}
					b, err := os.ReadFile(p)
					if err != nil {
						return err
					}
					rel, _ := filepath.Rel(dir, p)
					sum := sha256.Sum256(b)
					want[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
					return nil
				}))
				delete(manifest, "prepare")
				assert.Equal(t, sortedPairs(want), sortedPairs(manifest))
			})
		}
	}
}

func readManifest(t *testing.T, name string) map[string]string {
	b, err := os.ReadFile(name)
	require.NoError(t, err, "each release needs wrapper/%s", name)
	out := map[string]string{}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		sum, file, ok := strings.Cut(line, "  ")
		require.True(t, ok && len(sum) == 64, "%s:%d: want sha256sum's `HASH  PATH`", name, i+1)
		out[file] = sum
	}
	return out
}

func sortedPairs(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, v+"  "+k)
	}
	sort.Strings(out)
	return out
}
