package harborsetup_test

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/harborsetup/harborsetuptest"
)

// createdDirs are the delivered sources that no template provides: the
// folders prepare creates empty (ui/certificates from 1.3.0).
func createdDirs(t *testing.T, r *harborsetup.Release) []string {
	t.Helper()
	ref := filepath.Join(harborsetuptest.Reference(t, r.Version), "common", "templates")
	var dirs []string
	for _, c := range r.Consumers {
		for _, d := range c.Files {
			if d.From == harborsetup.SecretKeySource {
				continue
			}
			if _, err := os.Stat(filepath.Join(ref, filepath.FromSlash(d.From))); err != nil {
				dirs = append(dirs, d.From)
			}
		}
	}
	return dirs
}

type fileState struct {
	data []byte
	mode fs.FileMode
}

// snapshot is every file under root, except the fake prepare's run count.
func snapshot(t *testing.T, root string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == harborsetuptest.RunsFile {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, err := e.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = fileState{b, st.Mode()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffSnapshots(before, after map[string]fileState, ignore func(string) bool) []string {
	var diffs []string
	for p, b := range before {
		if ignore(p) {
			continue
		}
		a, ok := after[p]
		switch {
		case !ok:
			diffs = append(diffs, "removed "+p)
		case !bytes.Equal(a.data, b.data):
			diffs = append(diffs, "changed "+p)
		case a.mode != b.mode:
			diffs = append(diffs, "mode changed "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && !ignore(p) {
			diffs = append(diffs, "added "+p)
		}
	}
	sort.Strings(diffs)
	return diffs
}

func runCount(t *testing.T, root string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(harborsetup.DataDir), harborsetuptest.RunsFile))
	if err != nil {
		return 0
	}
	return strings.Count(string(b), "\n")
}

func isReady(p string) bool { return path.Base(p) == harborsetup.ReadyName }

func readyMarkers(t *testing.T, r *harborsetup.Release, root string) (present []string) {
	t.Helper()
	for _, c := range r.Consumers {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(path.Join(harborsetup.SetupDir, c.Service, harborsetup.ReadyName)))); err == nil {
			present = append(present, c.Service)
		}
	}
	return present
}

// checkDelivered checks every consumer's files against the table: each
// Delivery at Root+To with its mode, the env file, the loader and the
// ready marker in the setup folder; and each env line that the template
// fills from one setting carries that setting's answer exactly.
func checkDelivered(t *testing.T, r *harborsetup.Release, root string, loader []byte, answers harborsetup.Answers) {
	t.Helper()
	at := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	output := at(path.Join(harborsetup.StateDir, "output"))
	secret, err := os.ReadFile(at(path.Join(harborsetup.DataDir, "secretkey")))
	if err != nil || len(secret) != 16 {
		t.Fatalf("secret key: %q, %v", secret, err)
	}
	// The env files carry the settings, the external URL and (0.5.0) the
	// secret key prepare keeps in the data folder.
	expect := map[string]string{"ui_url": answers["ui_url_protocol"] + "://" + answers["hostname"], "secret_key": string(secret)}
	for k, v := range answers {
		expect[k] = v
	}
	ref := filepath.Join(harborsetuptest.Reference(t, r.Version), "common", "templates")
	carried := map[string]bool{}
	checkFile := func(p string, want []byte, mode fs.FileMode) {
		t.Helper()
		got, err := os.ReadFile(at(p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: content differs from what was generated", p)
		}
		if st, err := os.Lstat(at(p)); err == nil && st.Mode() != mode {
			t.Errorf("%s: mode %v, want %v", p, st.Mode(), mode)
		}
	}
	for _, c := range r.Consumers {
		setup := path.Join(harborsetup.SetupDir, c.Service)
		checkFile(path.Join(setup, harborsetup.LoaderName), loader, 0o755)
		if _, err := os.Stat(at(path.Join(setup, harborsetup.ReadyName))); err != nil {
			t.Errorf("%s: no ready marker: %v", c.Service, err)
		}
		if c.Env != "" {
			want, err := os.ReadFile(filepath.Join(output, filepath.FromSlash(c.Env)))
			if err != nil {
				t.Fatal(err)
			}
			checkFile(path.Join(setup, harborsetup.EnvName), want, 0o600)
			tmpl, err := os.ReadFile(filepath.Join(ref, filepath.FromSlash(c.Env)))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(tmpl), "\n") {
				name, val, ok := strings.Cut(line, "=")
				ph := harborsetuptest.Placeholders(val)
				if !ok || len(ph) != 1 || (val != "$"+ph[0] && val != "${"+ph[0]+"}") {
					continue
				}
				if v, ok := expect[ph[0]]; ok {
					carried[ph[0]] = true
					if !bytes.Contains(want, []byte("\n"+name+"="+v+"\n")) && !bytes.HasPrefix(want, []byte(name+"="+v+"\n")) {
						t.Errorf("%s %s: no line %s=%q", c.Service, c.Env, name, v)
					}
				}
			}
		}
		for _, d := range c.Files {
			mode := fs.FileMode(d.Mode)
			if d.From == harborsetup.SecretKeySource {
				checkFile(d.To, secret, mode)
				continue
			}
			src := filepath.Join(output, filepath.FromSlash(d.From))
			n := 0
			err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
				if err != nil || e.IsDir() {
					return err
				}
				n++
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				st, _ := e.Info()
				want := mode
				if st.Mode().Perm()&0o077 == 0 {
					want = 0o600 // prepare made it private
				}
				rel, _ := filepath.Rel(src, p)
				checkFile(path.Join(d.To, filepath.ToSlash(rel)), b, want)
				return nil
			})
			if err != nil {
				t.Errorf("%s: %v", d.From, err)
			}
			if st, err := os.Stat(src); err == nil && !st.IsDir() && n != 1 {
				t.Errorf("%s: not delivered", d.From)
			}
		}
	}
	for _, k := range []string{"harbor_admin_password", "db_password", "ui_url"} {
		if !carried[k] {
			t.Errorf("no env file carries %s", k)
		}
	}
	// The token key is in the format Harbor's ui reads, and is the key
	// prepare generated.
	b, err := os.ReadFile(at("/etc/ui/private_key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "RSA PRIVATE KEY" {
		t.Fatalf("/etc/ui/private_key.pem is not an RSA PRIVATE KEY block")
	}
	got, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := pem.Decode(harborsetuptest.PKCS8Key(t))
	k, err := x509.ParsePKCS8PrivateKey(orig.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(k.(*rsa.PrivateKey)) {
		t.Errorf("/etc/ui/private_key.pem is not the key prepare generated")
	}
}

func TestRun(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		t.Run(v, func(t *testing.T) {
			r := release(t, v)
			// The newest Python the release runs on (1.3.0: Python 3).
			py := harborsetuptest.Python(t, r.Pythons[len(r.Pythons)-1])
			inst := harborsetuptest.FakeInstaller(t, v, createdDirs(t, r))
			root := t.TempDir()
			loader := []byte("#!/bin/sh\n# stands for harbor-envload\n")
			loaderPath := filepath.Join(t.TempDir(), "harbor-envload")
			if err := os.WriteFile(loaderPath, loader, 0o755); err != nil {
				t.Fatal(err)
			}
			certDir := filepath.Join(root, "data", "cert")
			if err := os.MkdirAll(certDir, 0o755); err != nil {
				t.Fatal(err)
			}
			cert, key := harborsetuptest.Certificate(t, "registry.example.com")
			for n, b := range map[string][]byte{"server.crt": cert, "server.key": key} {
				if err := os.WriteFile(filepath.Join(certDir, n), b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			env, _ := hostileAnswers(t, r)
			env["HARBORHOSTNAME"] = "registry.example.com:8443"
			env["UI_URL_PROTOCOL"] = "https"
			var log bytes.Buffer
			run := func() error {
				t.Helper()
				log.Reset()
				return harborsetup.Run(harborsetuptest.Context(t), harborsetup.Options{
					Release: r, Installer: inst, Root: root, Python: py, Loader: loaderPath,
					Environ: environ(env), Log: &log,
				})
			}
			resolved := func() harborsetup.Answers {
				t.Helper()
				a, err := harborsetup.Resolve(r, environ(env))
				if err != nil {
					t.Fatal(err)
				}
				return a
			}
			ssl := func(p string) string { return filepath.Join(root, "etc", "nginx", "cert", p) }

			// First run, https.
			if err := run(); err != nil {
				t.Fatalf("%v\n%s", err, log.String())
			}
			checkDelivered(t, r, root, loader, resolved())
			if runCount(t, root) != 1 {
				t.Fatalf("prepare ran %d times", runCount(t, root))
			}
			for _, n := range []string{"server.crt", "server.key"} {
				if _, err := os.Stat(ssl(n)); err != nil {
					t.Errorf("https: %v", err)
				}
			}
			nginx, _ := os.ReadFile(filepath.Join(root, "etc", "nginx", "nginx.conf"))
			if !bytes.Contains(nginx, []byte("ssl_certificate /etc/nginx/cert/server.crt;")) {
				t.Errorf("nginx.conf does not use the certificate")
			}
			secret := snapshot(t, root)["data/secretkey"]

			// Same environment: no byte changes, prepare does not run.
			before := snapshot(t, root)
			if err := run(); err != nil {
				t.Fatal(err)
			}
			if d := diffSnapshots(before, snapshot(t, root), func(string) bool { return false }); len(d) > 0 {
				t.Errorf("a second run with the same settings changed files:\n  %s", strings.Join(d, "\n  "))
			}
			if runCount(t, root) != 1 {
				t.Errorf("a second run with the same settings ran prepare again")
			}

			// A changed answer runs prepare again; files delivered before
			// and no longer produced go, files the wrapper never
			// delivered stay; the secret key stays.
			foreign := []string{"etc/nginx/mine.conf", "etc/ui/ca/ca.crt", "etc/registry/extra.yml"}
			for _, f := range foreign {
				p := filepath.Join(root, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("mine\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			env["UI_URL_PROTOCOL"] = "http"
			if err := run(); err != nil {
				t.Fatalf("%v\n%s", err, log.String())
			}
			if runCount(t, root) != 2 {
				t.Errorf("a changed setting did not run prepare again")
			}
			checkDelivered(t, r, root, loader, resolved())
			for _, n := range []string{"server.crt", "server.key"} {
				if _, err := os.Stat(ssl(n)); err == nil {
					t.Errorf("%s was delivered for https and is no longer produced, yet stays", ssl(n))
				}
			}
			for _, f := range foreign {
				if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(f))); err != nil {
					t.Errorf("a file the wrapper never delivered was touched: %v", err)
				}
			}
			if got := snapshot(t, root)["data/secretkey"]; !bytes.Equal(got.data, secret.data) {
				t.Errorf("the secret key changed between runs")
			}

			// A failing prepare, then a missing output: an error naming
			// it, no ready marker, the delivered files kept.
			before = snapshot(t, root)
			env["TOKEN_EXPIRATION"] = "45"
			dirs := createdDirs(t, r)
			harborsetuptest.SetControl(t, inst, harborsetuptest.FakeControl{Fail: true, Dirs: dirs})
			err := run()
			if err == nil || !strings.Contains(err.Error(), "prepare of Harbor "+r.Version+" failed") || !strings.Contains(err.Error(), "told to fail") {
				t.Errorf("a failing prepare: want an error with its output, got %v", err)
			}
			if m := readyMarkers(t, r, root); len(m) > 0 {
				t.Errorf("ready markers left after a failed prepare: %v", m)
			}
			if d := diffSnapshots(before, snapshot(t, root), isReady); len(d) > 0 {
				t.Errorf("a failed prepare changed delivered files:\n  %s", strings.Join(d, "\n  "))
			}
			// One env file and one configuration file.
			var omits []string
			for _, c := range r.Consumers {
				if c.Env != "" {
					omits = append(omits, c.Env)
					break
				}
			}
			omits = append(omits, r.Consumers[0].Files[0].From)
			for _, omitted := range omits {
				harborsetuptest.SetControl(t, inst, harborsetuptest.FakeControl{Omit: []string{omitted}, Dirs: dirs})
				err = run()
				if err == nil || !strings.Contains(err.Error(), "missing: "+omitted) {
					t.Errorf("prepare without %s: want an error naming it, got %v", omitted, err)
				}
				if m := readyMarkers(t, r, root); len(m) > 0 {
					t.Errorf("ready markers left after a missing output: %v", m)
				}
				if d := diffSnapshots(before, snapshot(t, root), isReady); len(d) > 0 {
					t.Errorf("a missing output changed delivered files:\n  %s", strings.Join(d, "\n  "))
				}
			}

			// Fixed, the next run delivers the new settings.
			harborsetuptest.SetControl(t, inst, harborsetuptest.FakeControl{Dirs: dirs})
			if err := run(); err != nil {
				t.Fatalf("%v\n%s", err, log.String())
			}
			checkDelivered(t, r, root, loader, resolved())
		})
	}
}

// A secret key of the wrong length (here with a newline) stops prepare,
// and nothing is marked ready.
func TestRunBadSecretKey(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		r := release(t, v)
		root := t.TempDir()
		key := filepath.Join(root, filepath.FromSlash(harborsetup.DataDir), "secretkey")
		if err := os.MkdirAll(filepath.Dir(key), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(key, []byte("abcdefghijklmnop\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		err := harborsetup.Run(harborsetuptest.Context(t), harborsetup.Options{
			Release: r, Installer: harborsetuptest.FakeInstaller(t, v, createdDirs(t, r)), Root: root,
			Python: harborsetuptest.Python(t, r.Pythons[0]), Loader: os.Args[0], Environ: environ(validEnv()),
		})
		if err == nil || !strings.Contains(err.Error(), "length 17") {
			t.Errorf("%s: want prepare's refusal of the key, got %v", v, err)
		}
		if m := readyMarkers(t, r, root); len(m) > 0 {
			t.Errorf("%s: ready markers: %v", v, m)
		}
		if b, _ := os.ReadFile(key); string(b) != "abcdefghijklmnop\n" {
			t.Errorf("%s: the secret key was changed", v)
		}
	}
}

// prepare runs only on the Pythons its release supports.
func TestRunChecksPythonVersion(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		r := release(t, v)
		for _, major := range []int{2, 3} {
			if slices.Contains(r.Pythons, major) {
				continue
			}
			err := harborsetup.Run(harborsetuptest.Context(t), harborsetup.Options{
				Release: r, Installer: harborsetuptest.FakeInstaller(t, v, createdDirs(t, r)), Root: t.TempDir(),
				Python: harborsetuptest.Python(t, major), Loader: os.Args[0], Environ: environ(validEnv()),
			})
			if err == nil || !strings.Contains(err.Error(), "Python") {
				t.Errorf("%s with Python %d: want a refusal naming the Python, got %v", v, major, err)
			}
		}
	}
}
