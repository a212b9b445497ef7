// Package readme runs the README's commands as a newcomer would, with the
// built binary in a fresh folder: build, its preview and drift check, lint
// in every format, the rules, render, lint --base on a subfolder, publish to
// a local repository. It also checks that every `catalogen` command shown in
// the README's code blocks names a real command and real flags.
package readme

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func moduleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// newcomer is a shell in a fresh folder with catalogen on PATH.
type newcomer struct {
	t   *testing.T
	dir string
	bin string
	env []string
}

func setup(t *testing.T) *newcomer {
	t.Helper()
	for _, tool := range []string{"git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to follow the README: apt-get install %s", tool, tool)
		}
	}
	binDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(binDir, "catalogen"), "./cmd/catalogen")
	build.Dir = moduleRoot()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return &newcomer{t: t, dir: t.TempDir(), bin: filepath.Join(binDir, "catalogen"), env: append(os.Environ(),
		"NO_COLOR=1", "GIT_AUTHOR_NAME=n", "GIT_AUTHOR_EMAIL=n@example.com", "GIT_COMMITTER_NAME=n", "GIT_COMMITTER_EMAIL=n@example.com",
		"XDG_CACHE_HOME="+t.TempDir(), "HOME="+t.TempDir())}
}

// run runs a command line in the folder and checks its exit code.
func (n *newcomer) run(want int, dir string, name string, args ...string) string {
	n.t.Helper()
	if name == "catalogen" {
		name = n.bin
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = n.env
	out, err := cmd.CombinedOutput()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		n.t.Fatalf("%s %v: %v", name, args, err)
	}
	if code != want {
		n.t.Fatalf("%s %s: exit %d, want %d:\n%s", filepath.Base(name), strings.Join(args, " "), code, want, out)
	}
	return string(out)
}

func TestNewcomer(t *testing.T) {
	n := setup(t)
	d := n.dir

	// Set-up and "What build produces".
	out := n.run(0, d, "catalogen", "build", "--out", "./out")
	if !strings.Contains(out, "wrote ") {
		t.Fatalf("build: %s", out)
	}
	n.run(0, d, "catalogen", "build", "--out", "./out", "--diff")
	if out := n.run(0, d, "catalogen", "build", "--out", "./out", "--check"); !strings.Contains(out, "up to date") {
		t.Fatalf("build --check: %s", out)
	}
	n.run(0, d, "catalogen", "version")
	n.run(0, d, "catalogen", "--version")

	// Linting, in every format.
	for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
		out := n.run(0, d, "catalogen", "lint", "--format", format, "out")
		if format == "json" {
			var doc struct {
				Version int `json:"version"`
			}
			if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &doc); err != nil || doc.Version != 1 {
				t.Fatalf("lint --format json: version %d, %v", doc.Version, err)
			}
		}
	}
	n.run(0, d, "catalogen", "lint", "--format", "sarif", "--output", "lint.sarif", "out")
	if _, err := os.Stat(filepath.Join(d, "lint.sarif")); err != nil {
		t.Fatal(err)
	}
	n.run(0, d, "catalogen", "lint", "--fix", "--diff", "out")
	n.run(0, d, "catalogen", "rules")
	if out := n.run(0, d, "catalogen", "rules", "show", "S004"); !strings.Contains(out, "Bad:") {
		t.Fatalf("rules show: %s", out)
	}

	// render a released version: the required answers are named, then given.
	entries, err := os.ReadDir(filepath.Join(d, "out", "templates"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no templates built: %v", err)
	}
	version := filepath.Join("out", "templates", entries[0].Name(), "0")
	var set []string
	missing := regexp.MustCompile(`without an answer or a default: ([^;]+);`)
	probe := exec.Command(n.bin, "render", version)
	probe.Dir = d
	b, err := probe.CombinedOutput()
	if m := missing.FindStringSubmatch(string(b)); m != nil {
		if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 {
			t.Fatalf("render without required answers: want exit 2, got %v", err)
		}
		for _, v := range strings.Split(m[1], ", ") {
			set = append(set, "--set", v+"=registry.example.com")
		}
	} else if err != nil {
		t.Fatalf("render with the defaults: %v\n%s", err, b)
	}
	n.run(0, d, "catalogen", append([]string{"render", version, "--out", "rendered"}, set...)...)
	if _, err := os.Stat(filepath.Join(d, "rendered", "docker-compose.yml")); err != nil {
		t.Fatal(err)
	}

	// Gate your catalog's pull requests: lint --base on a subfolder.
	cat := filepath.Join(d, "out")
	n.run(0, cat, "git", "init", "-q", "-b", "main")
	n.run(0, cat, "git", "add", "-A")
	n.run(0, cat, "git", "commit", "-qm", "catalog")
	sub := filepath.Join("templates", entries[0].Name())
	n.run(0, cat, "catalogen", "lint", "--base", "main", sub)
	released := filepath.Join(cat, sub, "0", "README.md")
	if err := os.WriteFile(released, []byte("edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := n.run(1, cat, "catalogen", "lint", "--base", "main", "--format", "github", sub); !strings.Contains(out, "R001") {
		t.Fatalf("lint --base after editing a released folder: %s", out)
	}
	n.run(0, cat, "git", "checkout", "-q", "--", ".")

	// Publishing, to a local bare repository that has a main branch.
	bare := filepath.Join(d, "catalog.git")
	n.run(0, d, "git", "init", "-q", "--bare", "-b", "main", bare)
	seed := filepath.Join(d, "seed")
	n.run(0, d, "git", "clone", "-q", bare, seed)
	if err := os.WriteFile(filepath.Join(seed, "README.md"), []byte("catalog\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	n.run(0, seed, "git", "add", "-A")
	n.run(0, seed, "git", "commit", "-qm", "start")
	n.run(0, seed, "git", "push", "-q", "origin", "main")
	n.run(0, d, "catalogen", "publish", "--repo", bare, "--dry-run")
	n.run(0, d, "catalogen", "publish", "--repo", bare)
	if out := n.run(0, d, "git", "--git-dir", bare, "ls-tree", "-r", "--name-only", "main"); !strings.Contains(out, "templates/"+entries[0].Name()+"/0/") {
		t.Fatalf("published tree:\n%s", out)
	}
}

// Every `catalogen SUBCOMMAND --flag` in the README's code blocks exists.
func TestREADMECommandsExist(t *testing.T) {
	n := setup(t)
	f, err := os.Open(filepath.Join(moduleRoot(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	help := map[string]string{}
	flagRe := regexp.MustCompile(`(?:^|\s)(--[a-z][a-z-]*)`)
	inBlock := false
	checked := 0
	for s := bufio.NewScanner(f); s.Scan(); {
		line := s.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock {
			continue
		}
		line = strings.TrimPrefix(strings.TrimSpace(line), "$ ")
		line = strings.TrimPrefix(line, "go run ./cmd/")
		if !strings.HasPrefix(line, "catalogen ") {
			continue
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		sub := fields[1]
		if strings.HasPrefix(sub, "-") {
			continue
		}
		if _, ok := help[sub]; !ok {
			help[sub] = n.run(0, n.dir, "catalogen", sub, "--help")
		}
		for _, m := range flagRe.FindAllStringSubmatch(line, -1) {
			if !strings.Contains(help[sub], m[1]+" ") && !strings.Contains(help[sub], m[1]+"\n") && m[1] != "--help" {
				t.Errorf("README: %q uses %s, which `catalogen %s --help` does not list", line, m[1], sub)
			}
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d catalogen commands found in the README's code blocks", checked)
	}
}
