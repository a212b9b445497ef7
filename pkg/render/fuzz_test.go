package render

import (
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

// FuzzComposeScalar: any string survives YAMLScalar as YAML and
// ComposeScalar through Rancher's templating, YAML and interpolation.
func FuzzComposeScalar(f *testing.F) {
	for _, s := range nastyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("YAML text is Unicode; blueprint strings always are")
		}
		var m map[string]string
		if err := yaml.Unmarshal([]byte("k: "+YAMLScalar(s)+"\n"), &m); err != nil || m["k"] != s {
			t.Fatalf("YAMLScalar(%q) = %s reads back as %q (%v)", s, YAMLScalar(s), m["k"], err)
		}
		out, perr, xerr := tmpl.Render("t", []byte("k: "+ComposeScalar(s)+"\n"), tmpl.Data{})
		if perr != nil || xerr != nil {
			t.Fatalf("templating %s: %v %v", ComposeScalar(s), perr, xerr)
		}
		m = nil
		if err := yaml.Unmarshal(out, &m); err != nil {
			t.Fatalf("YAML %s: %v", out, err)
		}
		got, _, err := interp.Interpolate(m["k"], func(string) (string, bool) { return "", false })
		if err != nil || got != s {
			t.Fatalf("ComposeScalar(%q) = %s comes back as %q (%v)", s, ComposeScalar(s), got, err)
		}
	})
}
