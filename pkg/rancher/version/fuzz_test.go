package version

import "testing"

func FuzzCompare(f *testing.F) {
	seeds := [][2]string{
		{"1.0.0-rc1", "1.0.0"}, {"v1.6.14-rc1", "v1.6.14"}, {"v2.3.1-3.1", "v2.3.1-3"}, {"1.0.0", "v1.0.0"},
		{"1.0.0+build", "1.0.0"}, {"1.1.1-rancher1", "1.1.1-rancher10"}, {"", "v"}, {"1..0", "1.0"},
		{"1.0.0-", "1.0.0"}, {"a", "1"}, {"1a", "a1"}, {"99999999999999999999", "1"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := GreaterThan(a, b), GreaterThan(b, a)
		if ab && ba {
			t.Fatalf("both %q > %q and %q > %q", a, b, b, a)
		}
		if GreaterThan(a, a) {
			t.Fatalf("%q > itself", a)
		}
		if c := Compare(a, b); c != -Compare(b, a) || (c == 1) != ab || (c == -1) != ba {
			t.Fatalf("Compare(%q, %q) = %d, GreaterThan both ways = %v, %v", a, b, c, ab, ba)
		}
		_ = Between(a, b, a)
		_ = IsSemver(a)
	})
}

func FuzzParseRange(f *testing.F) {
	for _, s := range []string{">=1.0.0 <2.0.0 || >3.0.0", "!v1.0.0", "1.x", "v1.0.0", "", "||", ">= 1.0.0", "1.0.0-rc.1+b"} {
		f.Add(s, "1.0.0")
	}
	f.Fuzz(func(t *testing.T, r, v string) {
		in, err := ParseRange(r)
		if err == nil {
			_ = in(v)
		}
	})
}
