package harborsetup_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/catalogen/catalogen/pkg/harborsetup"
	"github.com/catalogen/catalogen/pkg/harborsetup/harborsetuptest"
)

// shippedConfig reads a release's shipped harbor.cfg: the uncommented keys
// with their values (stripped as Python strips), and the keys that appear
// only commented out.
func shippedConfig(t *testing.T, release string) (values map[string]string, commented map[string]bool) {
	t.Helper()
	name := filepath.Join(harborsetuptest.Reference(t, release), "harbor.cfg")
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	values, commented = map[string]string{}, map[string]bool{}
	commentedKey := regexp.MustCompile(`^[#;]\s*([a-z_]+)\s*[=:]`)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		if m := commentedKey.FindStringSubmatch(line); m != nil {
			commented[m[1]] = true
			continue
		}
		if line[0] == '#' || line[0] == ';' {
			continue
		}
		i := strings.IndexAny(line, "=:")
		if i < 0 {
			t.Fatalf("%s:%d: %q has no = or :", name, n, line)
		}
		key := strings.ToLower(strings.TrimFunc(line[:i], unicode.IsSpace))
		values[key] = strings.TrimFunc(line[i+1:], pyStrip)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return values, commented
}

// pyStrip is what Python's str.strip removes.
func pyStrip(c rune) bool { return unicode.IsSpace(c) || (c >= 0x1c && c <= 0x1f) }

func TestSettingsMatchShippedConfig(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		t.Run(v, func(t *testing.T) {
			r, err := harborsetup.Lookup(v)
			if err != nil {
				t.Fatal(err)
			}
			shipped, commented := shippedConfig(t, v)
			var written, optional []string
			for _, s := range harborsetup.SettingsFor(r) {
				if s.Optional {
					optional = append(optional, s.Key)
				} else {
					written = append(written, s.Key)
				}
			}
			var keys []string
			for k := range shipped {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			sort.Strings(written)
			if strings.Join(written, " ") != strings.Join(keys, " ") {
				t.Errorf("the table writes keys the shipped harbor.cfg does not have (or misses some):\n table:   %v\n shipped: %v", written, keys)
			}
			for _, k := range optional {
				if !commented[k] {
					t.Errorf("%s is Optional in the table but not commented out in the shipped harbor.cfg", k)
				}
			}
			for _, s := range harborsetup.SettingsFor(r) {
				if s.Required || s.Optional {
					continue
				}
				if got, want := s.DefaultValue(r), shipped[s.Key]; got != want {
					t.Errorf("%s: default %q, shipped %q", s.Key, got, want)
				}
			}
		})
	}
}

// In prepare's own reading (each Python the release runs on), the
// harbor.cfg written from defaults holds exactly the shipped values, but
// for the required settings (the shipped ones are public or placeholders).
func TestDefaultConfigReadsLikeShipped(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		r := release(t, v)
		shippedName := filepath.Join(harborsetuptest.Reference(t, v), "harbor.cfg")
		for _, major := range r.Pythons {
			py := harborsetuptest.Python(t, major)
			shipped, err := harborsetup.ReadBack(harborsetuptest.Context(t), py, shippedName)
			if err != nil {
				t.Fatal(err)
			}
			a, err := harborsetup.Resolve(r, environ(validEnv()))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range harborsetup.SettingsFor(r) {
				if s.Required {
					shipped[s.Key] = a[s.Key]
				}
			}
			name := filepath.Join(t.TempDir(), "harbor.cfg")
			if err := os.WriteFile(name, harborsetup.FormatConfig(r, a), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := harborsetup.ReadBack(harborsetuptest.Context(t), py, name)
			if err != nil {
				t.Fatal(err)
			}
			if err := harborsetup.CompareReadBack(harborsetup.Answers(shipped), got); err != nil {
				t.Errorf("%s, Python %d: %v", v, major, err)
			}
		}
	}
}

// Every setting has an environment variable or is Fixed, and every
// variable names one setting.
func TestSettingsTableIsConsistent(t *testing.T) {
	seenEnv, seenKey := map[string]bool{}, map[string]bool{}
	for _, s := range harborsetup.Settings {
		if (s.Env == "") != (s.Kind == harborsetup.Fixed) {
			t.Errorf("%s: only Fixed settings have no variable", s.Key)
		}
		if s.Env != "" && seenEnv[s.Env] {
			t.Errorf("%s: variable used twice", s.Env)
		}
		if seenKey[s.Key] {
			t.Errorf("%s: key listed twice", s.Key)
		}
		seenEnv[s.Env], seenKey[s.Key] = true, true
		for _, v := range harborsetup.Versions() {
			r, _ := harborsetup.Lookup(v)
			if !s.Has(r) {
				continue
			}
			if s.Kind == harborsetup.Enum || s.Kind == harborsetup.Bool {
				allowed := s.AllowedValues(r)
				if s.Kind == harborsetup.Bool && len(allowed) != 2 {
					t.Errorf("%s on %s: a boolean needs its two spellings, got %v", s.Key, v, allowed)
				}
				if !s.Required && !contains(allowed, s.DefaultValue(r)) {
					t.Errorf("%s on %s: default %q is not one of %v", s.Key, v, s.DefaultValue(r), allowed)
				}
			}
		}
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
