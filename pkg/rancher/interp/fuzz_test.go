package interp

import (
	"strings"
	"testing"
)

func FuzzInterpolate(f *testing.F) {
	for _, s := range []string{
		"", "a$$b", "$A-b", "$${stack_name}", "${A:-d}", "$(cmd)", "$1", "${}", "x $ y", "abc$",
		"${A", "${A B}", "$é", "${A:-$B} $C", "io.rancher.stack_service.name=$${stack_name}/$${service_name}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lookup := func(name string) (string, bool) {
			if strings.HasPrefix(name, "K") {
				return "$" + name, true
			}
			return "", false
		}
		out, missing, err := Interpolate(s, lookup)
		refs, errs := Scan(s)
		if (err == nil) != (len(errs) == 0) {
			t.Fatalf("Interpolate error %v but Scan found %d errors", err, len(errs))
		}
		if err != nil {
			if err.(Error).Offset != errs[0].Offset {
				t.Fatalf("Interpolate reports offset %d, Scan %d", err.(Error).Offset, errs[0].Offset)
			}
			if out != "" || missing != nil {
				t.Fatalf("output on error: %q %q", out, missing)
			}
		}
		last := -1
		for _, r := range refs {
			if r.Offset <= last || r.End <= r.Offset || r.End > len(s) || s[r.Offset] != '$' || r.Name == "" {
				t.Fatalf("bad ref %+v in %q", r, s)
			}
			last = r.Offset
		}
		for _, e := range errs {
			if e.Offset < 0 || e.Offset >= len(s) || s[e.Offset] != '$' || e.Msg == "" || e.Kind == "" {
				t.Fatalf("bad error %+v in %q", e, s)
			}
		}

		back, missing, err := Interpolate(Escape(s), func(string) (string, bool) { return "", false })
		if err != nil || back != s || len(missing) != 0 {
			t.Fatalf("Escape(%q) does not round-trip: %q %v %v", s, back, missing, err)
		}
	})
}
