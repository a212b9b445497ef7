package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/harborsetup/harborsetuptest"
)

// helperVar makes the test binary, exec'd by the loader, print what it
// sees instead of running tests.
const helperVar = "HARBOR_ENVLOAD_TEST_HELPER"

type seen struct {
	PID int      `json:"pid"`
	Env []string `json:"env"`
}

var loaderBin string

func TestMain(m *testing.M) {
	if os.Getenv(helperVar) == "1" {
		b, _ := json.Marshal(seen{PID: os.Getpid(), Env: os.Environ()})
		os.Stdout.Write(b)
		os.Exit(0)
	}
	dir, err := os.MkdirTemp("", "harbor-envload-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	loaderBin = filepath.Join(dir, "harbor-envload")
	build := exec.Command("go", "build", "-o", loaderBin, ".")
	build.Stderr = os.Stderr
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building harbor-envload:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// containerEnv is the environment the image gives the container.
var containerEnv = []string{helperVar + "=1", "CONTAINER_ONLY=kept as it was", "PATH=/usr/bin:/bin"}

// runLoader runs harbor-envload with args, then the helper.
func runLoader(t *testing.T, args ...string) (s seen, stderr string, pid int, err error) {
	t.Helper()
	cmd := exec.Command(loaderBin, append(args, "--", os.Args[0])...)
	cmd.Env = containerEnv
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid = cmd.Process.Pid
	err = cmd.Wait()
	if err == nil {
		if jerr := json.Unmarshal(out.Bytes(), &s); jerr != nil {
			t.Fatalf("helper output %q: %v", out.String(), jerr)
		}
	}
	return s, errb.String(), pid, err
}

// hostile values an env file can carry: everything but line breaks and
// blanks at the ends, which Resolve refuses.
var hostile = []string{
	`it's`, `"quoted"`, `two words`, `$HOME ${PATH} $$`, `%(x)s %%`, `a #b ;c`,
	`back\slash\n\t`, `*`, `a=b=c`, `é 漢 😀`, "tab\tinside", "`id` $(id)",
	`admin <sample_admin@mydomain.com>`, ``, `#`, `'`, `\`, `;x ;y`,
}

// envTemplates lists a release's env-file templates: */env, clair/postgres_env,
// notary/signer_env.
func envTemplates(t *testing.T, release string) []string {
	t.Helper()
	dir := filepath.Join(harborsetuptest.Reference(t, release), "common", "templates")
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (e.Name() == "env" || strings.HasSuffix(e.Name(), "_env")) {
			out = append(out, p)
		}
		return err
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("no env templates in %s (%v)", dir, err)
	}
	return out
}

func TestLoadsRenderedEnvFiles(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		for _, tmplPath := range envTemplates(t, v) {
			rel, _ := filepath.Rel(filepath.Join(harborsetuptest.Reference(t, v), "common", "templates"), tmplPath)
			t.Run(v+"/"+filepath.ToSlash(rel), func(t *testing.T) {
				tmpl, err := os.ReadFile(tmplPath)
				if err != nil {
					t.Fatal(err)
				}
				values := map[string]string{}
				for i, name := range harborsetuptest.Placeholders(string(tmpl)) {
					values[name] = hostile[i%len(hostile)]
				}
				rendered := harborsetuptest.SafeSubstitute(string(tmpl), values)
				// Expected: every NAME=value line of the template, filled
				// in; the last of a repeated name wins.
				want := map[string]string{}
				for _, line := range strings.Split(string(tmpl), "\n") {
					if line == "" || strings.HasPrefix(line, "#") {
						continue
					}
					name, val, ok := strings.Cut(line, "=")
					if !ok {
						t.Fatalf("template line %q", line)
					}
					want[name] = harborsetuptest.SafeSubstitute(val, values)
				}
				file := filepath.Join(t.TempDir(), "env")
				if err := os.WriteFile(file, []byte(rendered), 0o600); err != nil {
					t.Fatal(err)
				}
				s, stderr, pid, err := runLoader(t, "--env", file)
				if err != nil {
					t.Fatalf("%v\n%s", err, stderr)
				}
				got := map[string]string{}
				for _, kv := range s.Env {
					k, v, _ := strings.Cut(kv, "=")
					if _, dup := got[k]; dup {
						t.Errorf("%s is set twice", k)
					}
					got[k] = v
				}
				for k, w := range want {
					if g, ok := got[k]; !ok || g != w {
						t.Errorf("%s: got %q (set %t), want %q", k, g, ok, w)
					}
				}
				for _, kv := range containerEnv {
					k, w, _ := strings.Cut(kv, "=")
					if _, inFile := want[k]; !inFile && got[k] != w {
						t.Errorf("the container's %s was lost: %q", k, got[k])
					}
				}
				if s.PID != pid {
					t.Errorf("the command runs as PID %d, the loader was %d: it must exec, not fork", s.PID, pid)
				}
			})
		}
	}
}

func TestWaitsForReady(t *testing.T) {
	dir := t.TempDir()
	ready := filepath.Join(dir, "ready")
	env := filepath.Join(dir, "env")
	if err := os.WriteFile(env, []byte("A=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	const delay = 700 * time.Millisecond
	go func() {
		time.Sleep(delay)
		os.WriteFile(ready, nil, 0o644)
	}()
	start := time.Now()
	s, stderr, _, err := runLoader(t, "--ready", ready, "--env", env, "--timeout", "1m")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if time.Since(start) < delay {
		t.Errorf("the command started before the ready marker existed")
	}
	if !strings.Contains(stderr, "waiting for "+ready) {
		t.Errorf("no word about waiting: %q", stderr)
	}
	if !contains(s.Env, "A=1") {
		t.Errorf("env file not loaded after waiting: %v", s.Env)
	}
}

func TestFailures(t *testing.T) {
	dir := t.TempDir()
	noEquals := filepath.Join(dir, "bad.env")
	if err := os.WriteFile(noEquals, []byte("# comment\nA=1\nJUSTANAME\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.env")
	never := filepath.Join(dir, "never")
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"ready timeout", []string{"--ready", never, "--timeout", "600ms"}, []string{never, "did not appear within 600ms"}},
		{"missing env file", []string{"--env", missing}, []string{missing, "setup wrapper"}},
		{"line without =", []string{"--env", noEquals}, []string{noEquals + ":3", `"JUSTANAME"`, "NAME=value"}},
	}
	for _, c := range cases {
		_, stderr, _, err := runLoader(t, c.args...)
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("%s: want exit 1, got %v", c.name, err)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: message %q lacks %q", c.name, stderr, w)
			}
		}
	}
	cmd := exec.Command(loaderBin, "--env", noEquals)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no command given") {
		t.Errorf("without a command: %v %s", err, out)
	}
}

// run resolves the command in the PATH the env file sets, and hands exec
// the merged environment.
func TestRunUsesEnvFilePath(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "svc"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	env := filepath.Join(dir, "env")
	if err := os.WriteFile(env, []byte("PATH="+bin+"\nX= spaced = value\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var gotPath string
	var gotArgv, gotEnv []string
	err := run([]string{"--env", env, "--", "svc", "-g", "daemon off;"}, []string{"PATH=/nowhere", "KEEP=1"}, &bytes.Buffer{},
		func(p string, argv, envv []string) error {
			gotPath, gotArgv, gotEnv = p, argv, envv
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if gotPath != filepath.Join(bin, "svc") || strings.Join(gotArgv, "|") != "svc|-g|daemon off;" {
		t.Errorf("exec %q %q", gotPath, gotArgv)
	}
	if strings.Join(gotEnv, "|") != "PATH="+bin+"|KEEP=1|X= spaced = value" {
		t.Errorf("environment %q", gotEnv)
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
