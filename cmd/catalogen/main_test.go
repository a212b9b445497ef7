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
	out := t.TempDir()
	const version = "v9.8.7-test"
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
