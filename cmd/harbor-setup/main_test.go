package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/harborsetup/harborsetuptest"
	"github.com/catalogen/catalogen/wrapper"
)

func runCmd(t *testing.T, environ []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(harborsetuptest.Context(t), args, environ, &out, &errb)
	return code, out.String(), errb.String()
}

var validEnviron = []string{
	"HARBORHOSTNAME=registry.example.com",
	"HARBOR_ADMIN_PASSWORD=Adm1n pass",
	"DB_PASSWORD=db_pass.word-1",
}

func TestMarkdownUpToDate(t *testing.T) {
	code, out, stderr := runCmd(t, nil, "--markdown")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	name := filepath.Join(harborsetuptest.ModuleRoot(), "docs", "harbor-setup.md")
	b, err := os.ReadFile(name)
	if err != nil || string(b) != out {
		t.Fatalf("%s is stale or missing: run `make docs` (%v)", name, err)
	}
	// Every variable and every release's consumers are documented.
	for _, s := range harborsetup.Settings {
		if s.Env != "" && !strings.Contains(out, "| `"+s.Env+"` | `"+s.Key+"` |") {
			t.Errorf("%s is not in the settings table", s.Env)
		}
	}
	for _, w := range []string{harborsetup.CertPEMEnv, harborsetup.KeyPEMEnv, harborsetup.ExternalTLSEnv} {
		if !strings.Contains(out, "| `"+w+"` |") {
			t.Errorf("%s is not documented", w)
		}
	}
	for _, v := range harborsetup.Versions() {
		r, _ := harborsetup.Lookup(v)
		_, section, _ := strings.Cut(out, "### Harbor "+v+"\n")
		section, _, _ = strings.Cut(section, "### ")
		for _, c := range r.Consumers {
			if !strings.Contains(section, "| "+c.Service+" | ") || !strings.Contains(section, "`"+strings.Join(c.Command, " ")+"`") {
				t.Errorf("Harbor %s: consumer %s is not documented with its command", v, c.Service)
			}
		}
	}
}

func TestRefusedSettingsExitTwo(t *testing.T) {
	root := t.TempDir()
	env := []string{"HARBORHOSTNAME=registry.example.com", "HARBOR_ADMIN_PASSWORD=x", "PROJECT_CREATION_RESTRICTION=AdminOnly"}
	code, _, stderr := runCmd(t, env, "--release", "1.3.0", "--installer", t.TempDir(), "--root", root, "--python", "unused")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, w := range []string{"DB_PASSWORD", "PROJECT_CREATION_RESTRICTION", "adminonly", "Nothing was changed"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("message lacks %q:\n%s", w, stderr)
		}
	}
	if entries, _ := os.ReadDir(root); len(entries) > 0 {
		t.Errorf("a refused setting wrote into the root: %v", entries)
	}
}

func TestUnknownReleaseListsSupported(t *testing.T) {
	code, _, stderr := runCmd(t, validEnviron, "--release", "1.5.0")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, v := range harborsetup.Versions() {
		if !strings.Contains(stderr, v) {
			t.Errorf("the message does not list %s: %s", v, stderr)
		}
	}
}

func TestUnexpectedArgument(t *testing.T) {
	if code, _, stderr := runCmd(t, validEnviron, "--release", "1.3.0", "HARBORHOSTNAME=x"); code != 2 || !strings.Contains(stderr, "environment variables") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// pin adds lines to the installer pins for the test's duration, as if
// this prepare were the one of those releases.
func pin(t *testing.T, prepare []byte, releases ...string) {
	t.Helper()
	sum := sha256.Sum256(prepare)
	old := wrapper.InstallersTSV
	t.Cleanup(func() { wrapper.InstallersTSV = old })
	add := old
	for _, r := range releases {
		add += fmt.Sprintf("%s\t%s-test\tv%s\t%s\thttps://example.invalid/%s.tar.gz\t%s\n", r, r, r, strings.Repeat("0", 40), r, hex.EncodeToString(sum[:]))
	}
	wrapper.InstallersTSV = add
}

func TestRecognise(t *testing.T) {
	inst := t.TempDir()
	prepare := []byte("#!/usr/bin/python\nprint('not a real prepare')\n")
	if err := os.WriteFile(filepath.Join(inst, "prepare"), prepare, 0o755); err != nil {
		t.Fatal(err)
	}
	check := func(name string, wantRelease string, wantErr ...string) {
		t.Helper()
		r, err := pickRelease("", inst)
		if wantRelease != "" {
			if err != nil || r.Version != wantRelease {
				t.Errorf("%s: got %v, %v; want Harbor %s", name, r, err, wantRelease)
			}
			return
		}
		if err == nil {
			t.Errorf("%s: recognised as %s", name, r.Version)
			return
		}
		for _, w := range wantErr {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", name, err, w)
			}
		}
	}
	sum := sha256.Sum256(prepare)
	digest := hex.EncodeToString(sum[:])
	check("unknown prepare", "", append([]string{digest, "not the prepare of any supported release"}, harborsetup.Versions()...)...)

	if err := os.WriteFile(filepath.Join(inst, "RELEASE"), []byte("1.3.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("RELEASE file with another prepare", "", "says Harbor 1.3.0", digest)

	// The same bytes pinned for two releases: the RELEASE file decides.
	pin(t, prepare, "1.2.2", "1.3.0")
	check("RELEASE file matching a pin", "1.3.0")
	os.Remove(filepath.Join(inst, "RELEASE"))
	check("one prepare for two releases", "", "1.2.2 and 1.3.0", "--release")

	wrapper.InstallersTSV = ""
	pin(t, prepare, "1.4.0")
	check("prepare pinned for one release", "1.4.0")

	os.Remove(filepath.Join(inst, "prepare"))
	check("no prepare", "", "--installer must name a Harbor installer folder")

	// An empty table has no pins, and is no error.
	wrapper.InstallersTSV = ""
	pins, err := harborsetup.Pins()
	if err != nil || len(pins) != 0 {
		t.Fatalf("empty pins: %v %v", pins, err)
	}
}

// The real pins: one per supported release, each a sha256.
func TestPinsCoverReleases(t *testing.T) {
	pins, err := harborsetup.Pins()
	if err != nil {
		t.Fatal(err)
	}
	byRelease := map[string]bool{}
	for _, p := range pins {
		if len(p.PrepareSHA256) != 64 || strings.Trim(p.PrepareSHA256, "0123456789abcdef") != "" {
			t.Errorf("%s: %q is not a sha256", p.Release, p.PrepareSHA256)
		}
		byRelease[p.Release] = true
	}
	for _, v := range harborsetup.Versions() {
		if !byRelease[v] {
			t.Errorf("wrapper/installers.tsv has no Harbor %s", v)
		}
	}
}

// From the command line, with the release recognised from its prepare.
func TestRunFromCommandLine(t *testing.T) {
	const v = "1.2.2"
	r, _ := harborsetup.Lookup(v)
	inst := harborsetuptest.FakeInstaller(t, v, nil)
	prepare, err := os.ReadFile(filepath.Join(inst, "prepare"))
	if err != nil {
		t.Fatal(err)
	}
	pin(t, prepare, v)
	root := t.TempDir()
	code, stdout, stderr := runCmd(t, validEnviron, "--installer", inst, "--root", root,
		"--python", harborsetuptest.Python(t, r.Pythons[0]), "--loader", os.Args[0])
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "Harbor "+v+" configured for http://registry.example.com") {
		t.Errorf("log: %s", stdout)
	}
	for _, c := range r.Consumers {
		if _, err := os.Stat(filepath.Join(root, harborsetup.SetupDir, c.Service, harborsetup.ReadyName)); err != nil {
			t.Error(err)
		}
	}
	// A failing prepare exits 1 and says so.
	harborsetuptest.SetControl(t, inst, harborsetuptest.FakeControl{Fail: true})
	code, _, stderr = runCmd(t, append(validEnviron, "TOKEN_EXPIRATION=60"), "--installer", inst, "--root", root,
		"--python", harborsetuptest.Python(t, r.Pythons[0]), "--loader", os.Args[0])
	if code != 1 || !strings.Contains(stderr, "failed") && strings.Contains(stderr, "the prepare of Harbor") {
		t.Errorf("failing prepare: exit %d\n%s", code, stderr)
	}
}
