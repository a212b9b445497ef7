package harborsetup_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/harborsetup/harborsetuptest"
)

// hostile is the most hostile value a free-text setting must carry: blanks
// and tabs inside, quotes, $ forms, % forms, #, ; (the first one not after
// a blank), / \ & = : < >, non-ASCII up to four UTF-8 bytes.
const hostile = `p a$s${x}$$w %(y)s%% 'q' "d" #h x;y ;z /s\b\n&c=d:e <f> é 漢 😀` + "\tt"

// fallbacks are tried, in order, for settings whose consumer constrains
// the value further (a single token, a certificate subject field, a
// database password, a size).
var fallbacks = []string{
	hostile,
	`a$s${x}$$w%(y)s%%'q'"d"#h;y/s\b&c=d:e<f>é漢😀`,               // no blanks
	`p a$s${x}$$w %(y)s%% 'q' "d" #h x;y ;z \b&c:e <f>` + "\tt", // ASCII, no / or =
	`p%y%%/a=b:c@d,e+f.g-h_`,                                    // database password
	`512k`,                                                      // a size
}

// hostileAnswers sets every Text and Secret setting of r to the first
// fallback Resolve accepts, and checks that settings without a consumer
// constraint take the most hostile one.
func hostileAnswers(t *testing.T, r *harborsetup.Release) (env map[string]string, answers harborsetup.Answers) {
	t.Helper()
	env = validEnv()
	for i, s := range harborsetup.SettingsFor(r) {
		if s.Kind != harborsetup.Text && s.Kind != harborsetup.Secret {
			continue
		}
		chosen := ""
		for _, f := range fallbacks {
			// Each setting gets a variant of its own, so a value landing
			// under the wrong key shows.
			cand := f
			if f != "512k" {
				cand = fmt.Sprintf("%s%d", f, i)
			}
			try := validEnv()
			try[s.Env] = cand
			if _, err := harborsetup.Resolve(r, environ(try)); err == nil {
				chosen = cand
				break
			}
		}
		if chosen == "" {
			t.Fatalf("%s %s: no hostile value accepted", r.Version, s.Env)
		}
		if s.Check == nil && !strings.HasPrefix(chosen, hostile) {
			t.Errorf("%s %s: has no consumer constraint, yet refuses %q", r.Version, s.Env, hostile)
		}
		env[s.Env] = chosen
	}
	a, err := harborsetup.Resolve(r, environ(env))
	if err != nil {
		t.Fatalf("%s: %v", r.Version, err)
	}
	for k, v := range env {
		if got := a[harborsetup.SettingByEnv(k).Key]; got != v {
			t.Fatalf("%s: Resolve turned %s=%q into %q", r.Version, k, v, got)
		}
	}
	return env, a
}

func TestConfigRoundTrip(t *testing.T) {
	pythons := []string{harborsetuptest.Python3(t), harborsetuptest.Python2(t)}
	for _, v := range harborsetup.Versions() {
		t.Run(v, func(t *testing.T) {
			r := release(t, v)
			_, answers := hostileAnswers(t, r)
			cfg := harborsetup.FormatConfig(r, answers)
			checkConfigShape(t, cfg)
			name := filepath.Join(t.TempDir(), "harbor.cfg")
			if err := os.WriteFile(name, cfg, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, py := range pythons {
				got, err := harborsetup.ReadBack(harborsetuptest.Context(t), py, name)
				if err != nil {
					t.Fatal(err)
				}
				if err := harborsetup.CompareReadBack(answers, got); err != nil {
					t.Errorf("%s: %v", py, err)
				}
			}
		})
	}
}

// checkConfigShape holds harbor.cfg to the file-level rules: LF line ends,
// nothing indented, no section, every key once, in lower case.
func checkConfigShape(t *testing.T, cfg []byte) {
	t.Helper()
	if bytes.HasPrefix(cfg, []byte("\xef\xbb\xbf")) || bytes.Contains(cfg, []byte("\r")) || !bytes.HasSuffix(cfg, []byte("\n")) {
		t.Errorf("harbor.cfg must have no BOM, no CR, and end with a newline")
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(string(cfg), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		k, _, ok := strings.Cut(line, " =")
		if !ok || k == "" || k != strings.ToLower(k) || strings.ContainsAny(k, " \t[:") || seen[k] {
			t.Errorf("harbor.cfg line %q: want one lower-case `key = value` per key", line)
		}
		seen[k] = true
	}
}

// The alphabet of the property test: what shells, INI parsers, env files
// and Python's strip and splitlines treat specially.
var alphabet = []rune("ab Z09 \t'\"$${}()%%#;;/\\&=:<>*`\x00\x01\x0b\x0c\x1c\x1f\x7f\r\n\u0085\u00a0\u1680\u180e\u200b\u2028\u3000\ufeffé漢😀")

func randomValue(rng *rand.Rand) string {
	switch rng.IntN(40) {
	case 0:
		return `""`
	case 1:
		return `''`
	case 2:
		return ""
	}
	n := rng.IntN(10)
	b := make([]rune, n)
	for i := range b {
		b[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(b)
}

// configLine is the line FormatConfig writes for value v, under key.
func configLine(t *testing.T, r *harborsetup.Release, s *harborsetup.Setting, key, v string) string {
	t.Helper()
	cfg := string(harborsetup.FormatConfig(r, harborsetup.Answers{s.Key: v}))
	for _, line := range strings.SplitAfter(cfg, "\n") {
		if rest, ok := strings.CutPrefix(line, s.Key+" "); ok {
			return key + " " + rest
		}
	}
	t.Fatalf("FormatConfig wrote no line for %s", s.Key)
	return ""
}

// Every value Resolve accepts for a free-text setting reads back exactly
// in both Pythons, and every value it refuses as unrepresentable really
// does not (values refused for their consumers, the env files, are
// exempt).
func TestConfigRoundTripProperty(t *testing.T) {
	pythons := []string{harborsetuptest.Python3(t), harborsetuptest.Python2(t)}
	s := harborsetup.SettingByEnv("EMAIL_IDENTITY")
	if s.Kind != harborsetup.Text || s.Check != nil || s.Required {
		t.Fatalf("EMAIL_IDENTITY is no longer unconstrained text; pick another setting")
	}
	rng := rand.New(rand.NewPCG(7, 11))
	const n = 2000
	for _, v := range harborsetup.Versions() {
		t.Run(v, func(t *testing.T) {
			r := release(t, v)
			dir := t.TempDir()
			var accepted, refused bytes.Buffer
			wantAccepted, wantRefused := map[string]string{}, map[string]string{}
			why := map[string]string{}
			var lineBreaking []string
			for i := 0; i < n; i++ {
				val := randomValue(rng)
				env := validEnv()
				env[s.Env] = val
				key := fmt.Sprintf("k%04d", i)
				_, err := harborsetup.Resolve(r, environ(env))
				if err == nil {
					accepted.WriteString(configLine(t, r, s, key, val))
					wantAccepted[key] = val
					continue
				}
				var ps harborsetup.Problems
				if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Env != s.Env {
					t.Fatalf("%q: want one refusal of %s, got %v", val, s.Env, err)
				}
				if strings.ContainsAny(val, "\r\n") {
					lineBreaking = append(lineBreaking, val)
					continue
				}
				refused.WriteString(configLine(t, r, s, key, val))
				wantRefused[key] = val
				why[key] = ps[0].Message
			}
			if len(wantAccepted) < n/10 || len(wantRefused) < n/10 {
				t.Fatalf("the alphabet no longer exercises both sides: %d accepted, %d refused", len(wantAccepted), len(wantRefused))
			}
			readBack := func(name string, content []byte) map[string]map[string]string {
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, content, 0o600); err != nil {
					t.Fatal(err)
				}
				out := map[string]map[string]string{}
				for _, py := range pythons {
					got, err := harborsetup.ReadBack(harborsetuptest.Context(t), py, path)
					if err != nil {
						t.Fatal(err)
					}
					out[py] = got
				}
				return out
			}
			for py, got := range readBack("accepted.cfg", accepted.Bytes()) {
				if err := harborsetup.CompareReadBack(wantAccepted, got); err != nil {
					t.Errorf("%s: accepted values that do not read back:\n%v", py, err)
				}
			}
			got := readBack("refused.cfg", refused.Bytes())
			var unjustified []string
			for key, val := range wantRefused {
				survives := true
				for _, py := range pythons {
					if g, ok := got[py][key]; !ok || g != val {
						survives = false
					}
				}
				if survives && !envFileReason(val, why[key]) {
					unjustified = append(unjustified, fmt.Sprintf("%q (%s)", val, why[key]))
				}
			}
			sort.Strings(unjustified)
			if len(unjustified) > 0 {
				t.Errorf("%d refused values read back exactly in both Pythons and are fine for env files:\n  %s", len(unjustified), strings.Join(unjustified, "\n  "))
			}
			// A CR or LF breaks the line; one file each, since it may
			// break the whole parse.
			for i, val := range lineBreaking {
				if i == 5 {
					break
				}
				path := filepath.Join(dir, fmt.Sprintf("break%d.cfg", i))
				if err := os.WriteFile(path, []byte(configLine(t, r, s, "k", val)), 0o600); err != nil {
					t.Fatal(err)
				}
				for _, py := range pythons {
					if g, err := harborsetup.ReadBack(harborsetuptest.Context(t), py, path); err == nil && g["k"] == val {
						t.Errorf("%q with a line break reads back in %s", val, py)
					}
				}
			}
		})
	}
}

// envFileReason reports whether a refusal is for the env files that carry
// the value on: control characters and the line separators Compose splits
// env files at.
func envFileReason(val, message string) bool {
	for _, c := range val {
		if (c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 {
			return strings.Contains(message, "control character") || strings.Contains(message, "line separator")
		}
	}
	return false
}
