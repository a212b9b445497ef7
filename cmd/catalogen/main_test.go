package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// The release script builds, for the host platform here, an archive whose
// binary prints the version baked in at build time, with its checksum.
func TestReleaseBuild(t *testing.T) {
	for _, tool := range []string{"bash", "tar", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to build release archives: %v", tool, err)
		}
	}
	releases := t.TempDir()
	const version = "v9.8.7-test"
	out := filepath.Join(releases, version)
	cmd := exec.Command("bash", filepath.Join(repoRoot(), "scripts", "release-build"), version, out)
	cmd.Env = append(os.Environ(), "TARGETS="+runtime.GOOS+"/"+runtime.GOARCH)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("release-build: %v\n%s", err, b)
	}
	name := "catalogen_9.8.7-test_" + runtime.GOOS + "_" + runtime.GOARCH
	archive := filepath.Join(out, name+".tar.gz")
	if _, err := os.Stat(archive); err != nil {
		t.Fatalf("no archive: %v", err)
	}
	check := exec.Command("sha256sum", "-c", "checksums.txt")
	check.Dir = out
	if b, err := check.CombinedOutput(); err != nil || !strings.Contains(string(b), name+".tar.gz: OK") {
		t.Fatalf("checksums: %v\n%s", err, b)
	}
	x := t.TempDir()
	if b, err := exec.Command("tar", "-C", x, "-xzf", archive).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, b)
	}
	bin := filepath.Join(x, name, "catalogen")
	for _, args := range [][]string{{"version"}, {"--version"}} {
		b, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("catalogen %v: %v", args, err)
		}
		if got := string(b); got != "catalogen "+version+"\n" {
			t.Errorf("catalogen %v printed %q, want the baked-in version %s", args, got, version)
		}
	}
	for _, f := range []string{"README.md", "CHANGELOG.md"} {
		if _, err := os.Stat(filepath.Join(x, name, f)); err != nil {
			t.Errorf("the archive lacks %s", f)
		}
	}

	// The Action installs that archive at a release tag, checksum checked.
	install := func(ref string) (string, error) {
		dest := t.TempDir()
		cmd := exec.Command("bash", filepath.Join(repoRoot(), "scripts", "action-install"), ref, dest)
		cmd.Env = append(os.Environ(), "CATALOGEN_RELEASE_URL=file://"+releases)
		b, err := cmd.CombinedOutput()
		if err != nil {
			return string(b), err
		}
		v, err := exec.Command(filepath.Join(dest, "catalogen"), "--version").Output()
		return string(v), err
	}
	if got, err := install(version); err != nil || got != "catalogen "+version+"\n" {
		t.Errorf("action-install %s: %v\n%s", version, err, got)
	}
	got, err := install("main")
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 {
		t.Errorf("action-install main: want exit 2 (build from source), got %v\n%s", err, got)
	}
	if err := os.WriteFile(archive, []byte("tampered"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = install(version)
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 || !strings.Contains(got, "does not match") {
		t.Errorf("action-install of a tampered archive: want exit 1, got %v\n%s", err, got)
	}
}

// The Action never asks setup-go to hash a go.sum outside the workspace
// (it warns on every run and caches nothing), and installs release
// binaries at release tags.
func TestActionDefinition(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	a := string(data)
	if strings.Contains(a, "cache-dependency-path") {
		t.Error("action.yml passes cache-dependency-path: setup-go cannot hash a file outside the workspace")
	}
	for _, want := range []string{"scripts/action-install", "cache: false", "actions/cache@"} {
		if !strings.Contains(a, want) {
			t.Errorf("action.yml lacks %s", want)
		}
	}
}

// The workflow builds every platform the README promises with this script,
// and CHANGELOG.md has the section its release notes come from.
func TestReleaseWorkflow(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(), ".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	wf := string(data)
	for _, want := range []string{"scripts/release-build", "tags: [\"v*\"]", "checksums.txt", "CHANGELOG.md"} {
		if !strings.Contains(wf, want) {
			t.Errorf("release.yml does not mention %s", want)
		}
	}
	script, err := os.ReadFile(filepath.Join(repoRoot(), "scripts", "release-build"))
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"linux/amd64", "darwin/arm64", "windows/amd64", "pkg/cli.Version="} {
		if !strings.Contains(string(script), target) {
			t.Errorf("release-build does not build %s", target)
		}
	}
	f, err := os.Open(filepath.Join(repoRoot(), "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sections int
	for s := bufio.NewScanner(f); s.Scan(); {
		if strings.HasPrefix(s.Text(), "## [") {
			sections++
		}
	}
	if sections == 0 {
		t.Error("CHANGELOG.md has no version section")
	}
}
