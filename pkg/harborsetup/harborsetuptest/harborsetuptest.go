// Package harborsetuptest holds what the tests of the setup wrapper share:
// each release's installer reference data (beside the checkout in
// ../shared), the Pythons that prepare runs on, Python's string.Template
// substitution, and a stand-in installer whose prepare is a fake written in
// Python.
//
// A test that needs something missing here fails and says what to install
// or where to put it: a skipped test would pass silently.
package harborsetuptest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io/fs"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// moduleRoot is the checkout's root folder.
func moduleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	// pkg/harborsetup/harborsetuptest/harborsetuptest.go -> module root.
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// ModuleRoot returns the checkout's root folder (for docs and Makefile checks).
func ModuleRoot() string { return moduleRoot() }

// Reference returns ../shared/reference/harbor-installer/<release>: the
// release's harbor.cfg, common/templates and compose files. Tests read it in
// place; it is never copied into the repository.
func Reference(tb testing.TB, release string) string {
	tb.Helper()
	dir := filepath.Join(moduleRoot(), "..", "shared", "reference", "harbor-installer", release)
	if _, err := os.Stat(filepath.Join(dir, "harbor.cfg")); err != nil {
		tb.Fatalf("%s is missing: Harbor's installer reference data sits beside the checkout as ../shared/reference/harbor-installer/<release> (%v)", dir, err)
	}
	return dir
}

var (
	pyOnce   sync.Once
	py2, py3 string
	py2Err   error
	py3Err   error
)

// findPythons looks for the interpreters once per test binary.
func findPythons() {
	pyOnce.Do(func() {
		var c2 []string
		if out, err := exec.Command("pyenv", "prefix", "2.7.18").Output(); err == nil {
			c2 = append(c2, filepath.Join(strings.TrimSpace(string(out)), "bin", "python2.7"))
		}
		for _, n := range []string{"python2.7", "python2"} {
			if p, err := exec.LookPath(n); err == nil {
				c2 = append(c2, p)
			}
		}
		py2, py2Err = firstWorking(c2, "2", "")
		if py2Err != nil {
			py2Err = fmt.Errorf("no working Python 2.7 (tried %s): install it (pyenv install 2.7.18, or the python2.7 package) so that \"$(pyenv prefix 2.7.18)/bin/python2.7\" or python2.7 on PATH runs; prepare up to 1.2.2 and 1.4.0 runs on Python 2 only", strings.Join(c2, ", "))
		}
		var c3 []string
		for _, n := range []string{"python3", "python3.11", "python3.10", "python3.9"} {
			if p, err := exec.LookPath(n); err == nil {
				c3 = append(c3, p)
			}
		}
		// prepare reads harbor.cfg with readfp, which Python 3.12 removed.
		py3, py3Err = firstWorking(c3, "3", "import configparser; configparser.RawConfigParser.readfp")
		if py3Err != nil {
			py3Err = fmt.Errorf("no working Python 3 up to 3.11 (tried %s): install one (python3, or pyenv install 3.11.7); Harbor 1.3.0's prepare uses readfp, removed in 3.12", strings.Join(c3, ", "))
		}
	})
}

func firstWorking(candidates []string, major, probe string) (string, error) {
	for _, p := range candidates {
		// sys.executable is the interpreter itself, not a pyenv shim,
		// which costs a second or more per start.
		code := "import sys; sys.stdout.write(str(sys.version_info[0]) + ' ' + sys.executable)"
		if probe != "" {
			code += "; " + probe
		}
		out, err := exec.Command(p, "-c", code).Output()
		if m, exe, ok := strings.Cut(string(out), " "); err == nil && ok && m == major {
			if _, err := os.Stat(exe); err == nil {
				return exe, nil
			}
			return p, nil
		}
	}
	return "", fmt.Errorf("none found")
}

// Python2 returns a working Python 2.7, or fails the test saying what to
// install.
func Python2(tb testing.TB) string {
	tb.Helper()
	findPythons()
	if py2Err != nil {
		tb.Fatal(py2Err)
	}
	return py2
}

// Python3 returns a working Python 3 that still has readfp (3.11 or older).
func Python3(tb testing.TB) string {
	tb.Helper()
	findPythons()
	if py3Err != nil {
		tb.Fatal(py3Err)
	}
	return py3
}

// Python returns an interpreter of the given major version.
func Python(tb testing.TB, major int) string {
	tb.Helper()
	if major == 2 {
		return Python2(tb)
	}
	return Python3(tb)
}

// templatePattern is Python's string.Template pattern: $$, $name, ${name},
// with names matched case-insensitively.
var templatePattern = regexp.MustCompile(`\$(?:(\$)|([_A-Za-z][_A-Za-z0-9]*)|\{([_A-Za-z][_A-Za-z0-9]*)\})`)

// SafeSubstitute is Python's string.Template(text).safe_substitute(values):
// $$ becomes $, known names are replaced, anything else stays as written.
func SafeSubstitute(text string, values map[string]string) string {
	return templatePattern.ReplaceAllStringFunc(text, func(m string) string {
		g := templatePattern.FindStringSubmatch(m)
		switch {
		case g[1] != "":
			return "$"
		case g[2] != "":
			if v, ok := values[g[2]]; ok {
				return v
			}
		case g[3] != "":
			if v, ok := values[g[3]]; ok {
				return v
			}
		}
		return m
	})
}

// Placeholders lists the $names of a template, in order of first use.
func Placeholders(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range templatePattern.FindAllStringSubmatch(text, -1) {
		n := g[2] + g[3]
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// FakeControl is how a test steers the fake prepare: written as
// common/templates/.fakeprepare.json in the installer (prepare only sees
// its own copy of the installer, never the test's environment).
type FakeControl struct {
	// Fail makes prepare print a message and exit 1.
	Fail bool `json:"fail,omitempty"`
	// Omit lists outputs (relative to common/config) prepare does not write.
	Omit []string `json:"omit,omitempty"`
	// Dirs are folders prepare creates empty (such as ui/certificates).
	Dirs []string `json:"dirs,omitempty"`
}

// ControlFile is the fake prepare's control file inside the installer.
const ControlFile = "common/templates/.fakeprepare.json"

// RunsFile counts the fake prepare's runs; it lives in the data folder.
const RunsFile = "fakeprepare.runs"

var (
	keyOnce sync.Once
	keyPEM  []byte
	keyErr  error
)

// PKCS8Key is one RSA key in a "PRIVATE KEY" PEM block, as OpenSSL 3's
// genrsa writes it; generated once per test binary.
func PKCS8Key(tb testing.TB) []byte {
	tb.Helper()
	keyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			keyErr = err
			return
		}
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			keyErr = err
			return
		}
		keyPEM = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	})
	if keyErr != nil {
		tb.Fatal(keyErr)
	}
	return keyPEM
}

// FakeInstaller builds, in a temporary folder, an installer for release: the
// reference common/templates, the fake prepare as `prepare`, and in place of
// the bundled token key a PKCS#8 key, which the fake delivers as if
// openssl had generated it. dirs are the folders the fake creates empty.
func FakeInstaller(tb testing.TB, release string, dirs []string) string {
	tb.Helper()
	ref := Reference(tb, release)
	inst := tb.TempDir()
	src := filepath.Join(ref, "common", "templates")
	err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(inst, "common", "templates", rel)
		if e.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		tb.Fatal(err)
	}
	fake, err := os.ReadFile(filepath.Join(moduleRoot(), "pkg", "harborsetup", "testdata", "fakeprepare.py"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inst, "prepare"), fake, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inst, "common", "templates", "ui", "private_key.pem"), PKCS8Key(tb), 0o644); err != nil {
		tb.Fatal(err)
	}
	SetControl(tb, inst, FakeControl{Dirs: dirs})
	return inst
}

// SetControl rewrites the fake prepare's control file.
func SetControl(tb testing.TB, installer string, c FakeControl) {
	tb.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"fail\": %t, \"omit\": %s, \"dirs\": %s}\n", c.Fail, jsonList(c.Omit), jsonList(c.Dirs))
	if err := os.WriteFile(filepath.Join(installer, filepath.FromSlash(ControlFile)), b.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func jsonList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// Context is a test's context with a generous bound, so a hung
// interpreter fails the test instead of the whole run.
func Context(tb testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	tb.Cleanup(cancel)
	return ctx
}

// Certificate returns a self-signed certificate for host, valid from an
// hour ago for a year, and its private key, both PEM.
func Certificate(tb testing.TB, host string) (certPEM, keyPEM []byte) {
	tb.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: host},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	if ip := net.ParseIP(host); ip != nil {
		tmpl.IPAddresses = []net.IP{ip}
	} else {
		tmpl.DNSNames = []string{host}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		tb.Fatal(err)
	}
	kder, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})
}
