package harborsetup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// Options of one setup run.
type Options struct {
	Release *Release
	// Installer is the folder holding the release's installer: prepare,
	// common/templates/. It is only read.
	Installer string
	// Root stands in for the container's filesystem: every container path
	// (/data, /etc/ui, /etc/harbor-setup, ...) is taken below it. "/" in the
	// wrapper image.
	Root string
	// Python runs prepare.
	Python string
	// Loader is the env loader binary delivered to every consumer.
	Loader string
	// Environ holds the settings (KEY=VALUE).
	Environ []string
	// Timeout bounds prepare (key generation included).
	Timeout time.Duration
	Log     io.Writer
	// Now is the clock certificates are checked against (time.Now if nil).
	Now func() time.Time
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// state is what the wrapper remembers between runs, in StateDir.
type state struct {
	Release   string   `json:"release"`
	Digest    string   `json:"digest"`
	Delivered []string `json:"delivered"`
}

const (
	stateFile  = "state.json"
	outputDir  = "output"
	secretName = "secretkey"
)

// Run resolves the settings, writes harbor.cfg, runs prepare (unless the
// same answers were already prepared), and delivers every generated file.
// The consumers' ready markers are removed first and written last, so a
// consumer never starts on a mix of two runs.
func Run(ctx context.Context, o Options) error {
	r := o.Release
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Minute
	}
	answers, err := Resolve(r, o.Environ)
	if err != nil {
		return err
	}
	// prepare runs in a folder of its own: make every path absolute.
	for _, p := range []*string{&o.Root, &o.Installer, &o.Loader} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	at := func(p string) string { return filepath.Join(o.Root, filepath.FromSlash(p)) }
	// Paths inside harbor.cfg are read by prepare in its own filesystem.
	for _, k := range []string{"ssl_cert", "ssl_cert_key", "secretkey_path"} {
		if v, ok := answers[k]; ok && (k == "secretkey_path" || answers["ui_url_protocol"] == "https") {
			answers[k] = at(v)
		}
	}
	tlsIn, err := resolveTLS(o.Environ, answers)
	if err != nil {
		return err
	}
	if answers["ui_url_protocol"] == "https" {
		if len(tlsIn.cert) > 0 {
			// Check inline PEMs before they replace any file.
			if err := CheckCertificate(tlsIn.cert, tlsIn.key, hostOnly(answers["hostname"]), o.now()); err != nil {
				return Problems{{Env: CertPEMEnv, Message: err.Error()}}
			}
			if err := writeTLSFiles(tlsIn, answers); err != nil {
				return err
			}
		}
		for _, k := range []string{"ssl_cert", "ssl_cert_key"} {
			if st, err := os.Stat(answers[k]); err != nil || !st.Mode().IsRegular() {
				return Problems{{Env: strings.ToUpper(k), Message: fmt.Sprintf("%s is not a file in the wrapper container; mount it there, fix the path, or give the PEM text in %s and %s", answers[k], CertPEMEnv, KeyPEMEnv)}}
			}
		}
		if err := checkTLSFiles(answers, o.now()); err != nil {
			return err
		}
	}
	cfg := FormatConfig(r, answers)
	digest, err := runDigest(r, cfg, answers, tlsIn.external)
	if err != nil {
		return err
	}

	for _, c := range r.Consumers {
		if err := os.Remove(at(path.Join(SetupDir, c.Service, ReadyName))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	stateDir := at(StateDir)
	if err := os.MkdirAll(stateDir, 0o700); err != nil {
		return err
	}
	prev := readState(stateDir)
	output := filepath.Join(stateDir, outputDir)
	if prev.Release == r.Version && prev.Digest == digest && complete(r, output) == nil {
		fmt.Fprintf(o.Log, "harbor-setup: Harbor %s: settings unchanged since the last run; reusing its configuration\n", r.Version)
	} else {
		if err := prepare(ctx, o, cfg, answers, output, tlsIn.external); err != nil {
			return err
		}
	}
	secret, err := readSecretKey(at(DataDir))
	if err != nil {
		return err
	}
	delivered, err := deliver(o, output, secret, prev.Delivered)
	if err != nil {
		return err
	}
	if err := writeState(stateDir, state{Release: r.Version, Digest: digest, Delivered: delivered}); err != nil {
		return err
	}
	for _, c := range r.Consumers {
		if err := writeFileAtomic(at(path.Join(SetupDir, c.Service, ReadyName)), []byte(digest+"\n"), 0o644); err != nil {
			return err
		}
	}
	url, note := answers["ui_url_protocol"]+"://"+answers["hostname"], ""
	if tlsIn.external {
		url, note = "https://"+answers["hostname"], " (TLS ends at the ingress)"
	}
	fmt.Fprintf(o.Log, "harbor-setup: Harbor %s configured for %s%s; %d consumers ready\n",
		r.Version, url, note, len(r.Consumers))
	return nil
}

// runDigest identifies a configuration: the release, harbor.cfg and, with
// https, the certificate and key it names.
func runDigest(r *Release, cfg []byte, a Answers, externalTLS bool) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "harbor %s\n", r.Version)
	if externalTLS {
		fmt.Fprintf(h, "external tls\n")
	}
	h.Write(cfg)
	if a["ui_url_protocol"] == "https" {
		for _, k := range []string{"ssl_cert", "ssl_cert_key"} {
			b, err := os.ReadFile(a[k])
			if err != nil {
				return "", err
			}
			h.Write(b)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// prepare runs the release's prepare in a scratch copy of the installer and
// keeps its output as the new configuration.
func prepare(ctx context.Context, o Options, cfg []byte, answers Answers, output string, externalTLS bool) error {
	r := o.Release
	stateDir := filepath.Dir(output)
	work, err := os.MkdirTemp(stateDir, "run-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	for _, p := range []string{"prepare", "common/templates"} {
		if err := copyTree(filepath.Join(o.Installer, filepath.FromSlash(p)), filepath.Join(work, filepath.FromSlash(p))); err != nil {
			return fmt.Errorf("installer %s: %w (is it Harbor %s's installer folder?)", o.Installer, err, r.Version)
		}
	}
	cfgPath := filepath.Join(work, "harbor.cfg")
	if err := os.WriteFile(cfgPath, cfg, 0o600); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	major, err := pythonMajor(ctx, o.Python)
	if err != nil {
		return err
	}
	if !slices.Contains(r.Pythons, major) {
		return fmt.Errorf("the prepare of Harbor %s runs on Python %v, and %s is Python %d", r.Version, r.Pythons, o.Python, major)
	}
	got, err := ReadBack(ctx, o.Python, cfgPath)
	if err != nil {
		return err
	}
	if err := CompareReadBack(answers, got); err != nil {
		return err
	}
	dataDir := filepath.Join(o.Root, DataDir)
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return err
	}
	args := []string{filepath.Join(work, "prepare")}
	if r.LegacyFlags {
		args = append(args, "-conf", cfgPath, "--data-volume", dataDir)
	} else {
		args = append(args, "--conf", cfgPath)
	}
	cmd := exec.CommandContext(ctx, o.Python, args...)
	cmd.Dir = work
	cmd.Env = pythonEnv()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	fmt.Fprintf(o.Log, "harbor-setup: running Harbor %s's prepare with %s\n", r.Version, o.Python)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the prepare of Harbor %s failed (%v); nothing was delivered:\n%s", r.Version, err, tail(out.String(), 40))
	}
	generated := filepath.Join(work, "common", "config")
	if err := complete(r, generated); err != nil {
		return fmt.Errorf("the prepare of Harbor %s exited 0 but %v; nothing was delivered:\n%s", r.Version, err, tail(out.String(), 40))
	}
	if err := fixTokenKey(filepath.Join(generated, "ui", "private_key.pem")); err != nil {
		return err
	}
	if externalTLS {
		if err := rewriteForIngressTLS(generated, answers["hostname"]); err != nil {
			return err
		}
	}
	if _, err := readSecretKey(dataDir); err != nil {
		return err
	}
	// Swap the new output in; the old one stays until the new one is whole.
	next := output + ".new"
	os.RemoveAll(next)
	if err := os.Rename(generated, next); err != nil {
		return err
	}
	old := output + ".old"
	os.RemoveAll(old)
	if err := os.Rename(output, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(next, output); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// complete checks that every file the consumers read was generated.
func complete(r *Release, dir string) error {
	var missing []string
	for _, c := range r.Consumers {
		srcs := []string{}
		if c.Env != "" {
			srcs = append(srcs, c.Env)
		}
		for _, d := range c.Files {
			if d.From != SecretKeySource {
				srcs = append(srcs, d.From)
			}
		}
		for _, s := range srcs {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(s))); err != nil {
				missing = append(missing, s)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "nginx", "nginx.conf")); err != nil {
		missing = append(missing, "nginx/nginx.conf")
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("these outputs are missing: %s", strings.Join(slices.Compact(missing), ", "))
	}
	return nil
}

// readSecretKey reads the key prepare keeps in the data folder; consumers
// of 1.1.1+ read it from a file.
func readSecretKey(dataDir string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, secretName))
	if err != nil {
		return nil, fmt.Errorf("the secret key prepare keeps: %w", err)
	}
	if len(b) != 16 {
		return nil, fmt.Errorf("%s holds %d bytes; Harbor needs exactly 16 (no newline). Restore it from a backup, or delete it to start over, which makes stored credentials unreadable", filepath.Join(dataDir, secretName), len(b))
	}
	return b, nil
}

// deliver copies the output to every consumer path and the loader and env
// file to every consumer's setup folder. Files delivered by the previous run
// and not by this one are removed; nothing else is.
func deliver(o Options, output string, secret []byte, previous []string) ([]string, error) {
	at := func(p string) string { return filepath.Join(o.Root, filepath.FromSlash(p)) }
	loader, err := os.ReadFile(o.Loader)
	if err != nil {
		return nil, fmt.Errorf("the env loader to deliver: %w", err)
	}
	var delivered []string
	put := func(to string, data []byte, mode os.FileMode) error {
		delivered = append(delivered, to)
		return writeFileAtomic(at(to), data, mode)
	}
	for _, c := range o.Release.Consumers {
		setup := path.Join(SetupDir, c.Service)
		if err := put(path.Join(setup, LoaderName), loader, 0o755); err != nil {
			return nil, err
		}
		if c.Env != "" {
			b, err := os.ReadFile(filepath.Join(output, filepath.FromSlash(c.Env)))
			if err != nil {
				return nil, err
			}
			if err := put(path.Join(setup, EnvName), b, 0o600); err != nil {
				return nil, err
			}
		}
		for _, d := range c.Files {
			if d.From == SecretKeySource {
				if err := put(d.To, secret, os.FileMode(d.Mode)); err != nil {
					return nil, err
				}
				continue
			}
			src := filepath.Join(output, filepath.FromSlash(d.From))
			err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(src, p)
				to := path.Join(d.To, filepath.ToSlash(rel))
				if e.IsDir() {
					return os.MkdirAll(at(to), 0o755)
				}
				if !e.Type().IsRegular() {
					return fmt.Errorf("prepare wrote %s, which is not a regular file", p)
				}
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				mode := os.FileMode(d.Mode)
				if st, err := e.Info(); err == nil && st.Mode().Perm()&0o077 == 0 {
					mode = 0o600 // keep private what prepare made private
				}
				return put(to, b, mode)
			})
			if err != nil {
				return nil, err
			}
		}
	}
	sort.Strings(delivered)
	for _, p := range previous {
		if _, ok := slices.BinarySearch(delivered, p); !ok && !strings.Contains(p, "..") {
			if err := os.Remove(at(p)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	return delivered, nil
}

func readState(dir string) state {
	var s state
	b, err := os.ReadFile(filepath.Join(dir, stateFile))
	if err == nil {
		_ = json.Unmarshal(b, &s) // an unreadable state means "prepare again"
	}
	return s
}

func writeState(dir string, s state) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, stateFile), append(b, '\n'), 0o600)
}

// writeFileAtomic replaces a file in one rename, so a reader sees the old
// or the new content, never a part. It never writes through a symlink.
func writeFileAtomic(name string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		if st, err := os.Lstat(name); err == nil && st.Mode().IsRegular() && st.Mode().Perm() == mode {
			return nil
		}
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		switch {
		case e.IsDir():
			return os.MkdirAll(to, 0o755)
		case e.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			st, err := e.Info()
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			return os.WriteFile(to, b, st.Mode().Perm())
		default:
			return fmt.Errorf("%s is not a regular file", p)
		}
	})
}

func tail(s string, lines int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > lines {
		ls = ls[len(ls)-lines:]
	}
	return "  " + strings.Join(ls, "\n  ")
}
