package harborsetup

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// FormatConfig writes harbor.cfg for release r from scratch: one `key =
// value` line per key, in the table's order, nothing indented, LF line ends.
// Values are written raw: RawConfigParser has no quoting, and Resolve has
// refused every value it would not read back unchanged.
func FormatConfig(r *Release, a Answers) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# harbor.cfg for Harbor %s, written by harbor-setup from its environment.\n", r.Version)
	for _, s := range SettingsFor(r) {
		v, ok := a[s.Key]
		if !ok {
			continue
		}
		if v == "" {
			fmt.Fprintf(&b, "%s =\n", s.Key)
		} else {
			fmt.Fprintf(&b, "%s = %s\n", s.Key, v)
		}
	}
	return b.Bytes()
}

// readBack is how prepare reads harbor.cfg (every release): the file behind a
// made-up [configuration] header, parsed by RawConfigParser through readfp,
// with io.open's locale encoding. It prints the values as JSON.
const readBack = `from __future__ import print_function, unicode_literals
import io, json, sys
if sys.version_info[0] == 2:
    import ConfigParser as configparser
    import StringIO
    buf = StringIO.StringIO()
else:
    import configparser
    buf = io.StringIO()
buf.write("[configuration]\n")
buf.write(io.open(sys.argv[1]).read())
buf.seek(0)
rcp = configparser.RawConfigParser()
if hasattr(rcp, "readfp"):
    rcp.readfp(buf)
else:
    rcp.read_file(buf)
sys.stdout.write(json.dumps(dict(rcp.items("configuration")), sort_keys=True))
`

// ReadBack parses a harbor.cfg with python exactly as prepare does and
// returns its values by key.
func ReadBack(ctx context.Context, python, cfgPath string) (map[string]string, error) {
	cmd := exec.CommandContext(ctx, python, "-c", readBack, cfgPath)
	cmd.Env = pythonEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s could not parse %s: %v\n%s", python, cfgPath, err, strings.TrimSpace(stderr.String()))
	}
	got := map[string]string{}
	if err := json.Unmarshal(out, &got); err != nil {
		return nil, fmt.Errorf("reading %s back with %s: %v", cfgPath, python, err)
	}
	return got, nil
}

// CompareReadBack lists every key whose value did not survive the round
// trip (secrets are named, not shown).
func CompareReadBack(want Answers, got map[string]string) error {
	var diffs []string
	keys := map[string]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		w, wok := want[k]
		g, gok := got[k]
		switch {
		case !wok:
			diffs = append(diffs, fmt.Sprintf("%s: not written but read back", k))
		case !gok:
			diffs = append(diffs, fmt.Sprintf("%s: written but not read back", k))
		case w != g:
			if isSecretKey(k) {
				diffs = append(diffs, fmt.Sprintf("%s: read back differently", k))
			} else {
				diffs = append(diffs, fmt.Sprintf("%s: wrote %q, read back %q", k, w, g))
			}
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("harbor.cfg does not read back as written:\n  %s", strings.Join(diffs, "\n  "))
	}
	return nil
}

func isSecretKey(key string) bool {
	for _, s := range Settings {
		if s.Key == key {
			return s.Kind == Secret
		}
	}
	return false
}

// pythonEnv is the whole environment prepare and the read-back run with: a
// UTF-8 locale (Python 2 otherwise fails on any non-ASCII byte), and nothing
// of the wrapper's own environment, which holds the settings.
func pythonEnv() []string {
	return []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PYTHONIOENCODING=utf-8"}
}

// pythonMajor asks an interpreter for its major version.
func pythonMajor(ctx context.Context, python string) (int, error) {
	out, err := exec.CommandContext(ctx, python, "-c", "import sys; print(sys.version_info[0])").Output()
	if err != nil {
		return 0, fmt.Errorf("cannot run %s: %v", python, err)
	}
	var major int
	if _, err := fmt.Sscan(string(out), &major); err != nil {
		return 0, fmt.Errorf("%s printed %q as its version", python, out)
	}
	return major, nil
}

// FindPython looks for an interpreter the release's prepare runs on.
func FindPython(ctx context.Context, r *Release) (string, error) {
	var tried []string
	for _, major := range r.Pythons {
		names := []string{"python3"}
		if major == 2 {
			names = []string{"python2.7", "python2"}
		}
		for _, n := range names {
			tried = append(tried, n)
			p, err := exec.LookPath(n)
			if err != nil {
				continue
			}
			// A name on PATH may be a shim (pyenv) that runs nothing, or
			// another major version.
			if got, err := pythonMajor(ctx, p); err == nil && got == major {
				return filepath.Clean(p), nil
			}
		}
	}
	return "", fmt.Errorf("the prepare of Harbor %s needs Python %v; none of %s on PATH runs as that version (pass --python)", r.Version, r.Pythons, strings.Join(tried, ", "))
}
