package version

import "testing"

func TestGreaterThanOrder(t *testing.T) {
	// Each list is strictly ascending under the catalog service's comparator.
	lists := [][]string{
		{"1.0.0-rc1", "1.0.0"},
		{"v1.6.14-rc1", "v1.6.14"},
		{"v2.3.1-3", "v2.3.1-3.1"},
		{"1.1.1-rancher1", "1.1.1-rancher2", "1.1.1-rancher10", "1.2.2-rancher1"},
		{"v1.2.0", "v1.2.1", "v1.2.3", "v1.3.0", "v1.3.4", "v2.0.0"},
		{"0.0.1", "v0.45.0"},
		{"0.0.1-a", "0.0.1-b", "0.0.1-c"},
		{"v0.1.0-rancher0", "v0.1.0-rancher1", "v0.1.0-rancher1.1", "v1.2.4-rancher6", "v1.2.4-rancher10.10", "v1.3.0-rancher3"},
		{"0.0.1-pre1-alpha2", "0.0.1-pre1-beta1", "0.0.1-pre1-beta11", "0.0.1-pre1-rc1", "0.0.1-pre1-rc1-1", "0.0.1-pre1", "0.0.1"},
		{"1.5.99", "v1.6.0-rc1", "v1.6.0", "v1.6.14"},
		{"", "0", "1"},
	}
	for _, l := range lists {
		for i := range l {
			for j := i + 1; j < len(l); j++ {
				if !GreaterThan(l[j], l[i]) || GreaterThan(l[i], l[j]) {
					t.Errorf("want %q > %q", l[j], l[i])
				}
				if Compare(l[i], l[j]) != -1 || Compare(l[j], l[i]) != 1 {
					t.Errorf("Compare(%q, %q) = %d", l[i], l[j], Compare(l[i], l[j]))
				}
			}
		}
	}
}

func TestEqual(t *testing.T) {
	for _, p := range [][2]string{
		{"1.0.0", "v1.0.0"},
		{"1.0.0", "vv1.0.0"},
		{"1.0.0+build.5", "1.0.0"},
		{"v1.0.0+a", "1.0.0+b"},
		{"1.0.0", "1.0.00"}, // numeric parts compare as numbers
		{"1-0-0", "1.0.0"},  // '.' and '-' both separate parts
		{"1.0.0-rc1", "1.0.0-rc01"},
	} {
		if GreaterThan(p[0], p[1]) || GreaterThan(p[1], p[0]) || Compare(p[0], p[1]) != 0 {
			t.Errorf("want %q == %q", p[0], p[1])
		}
	}
}

func TestBetween(t *testing.T) {
	tests := []struct {
		min, v, max string
		want        bool
	}{
		{"", "v1.6.0", "", true},
		{"v1.6.0", "v1.6.0", "", true}, // inclusive
		{"v1.6.0", "v1.5.9", "", false},
		{"", "v1.5.99", "v1.5.99", true}, // inclusive
		{"", "v1.6.0", "v1.5.99", false},
		{"", "v1.5.10", "v1.5.99", true},
		{"v1.6.0-rc1", "v1.6.0", "", true},
		{"v1.6.0", "v1.6.0-rc1", "", false},
		{"v1.2.0", "v1.6.14", "v1.6.14", true},
		{"v1.2.0", "v1.6.15", "v1.6.14", false},
		{"v1.6.0", "", "v1.5.0", true},         // no Rancher version: everything is listed
		{"v1.6.0", "v1.6.5", "v1.5.99", false}, // min > max: never visible
		{"v1.6.0+x", "1.6.0", "", true},
	}
	for _, tt := range tests {
		if got := Between(tt.min, tt.v, tt.max); got != tt.want {
			t.Errorf("Between(%q, %q, %q) = %v", tt.min, tt.v, tt.max, got)
		}
	}
}

func TestIsSemver(t *testing.T) {
	for v, want := range map[string]bool{
		"1.0.0": true, "v1.0.0": true, "vv1.2.3-rc1": true, "1.0.0+build": true, "1.1.1-rancher1": true,
		"v0.1": false, "1.0-rancher1": false, "1.2.20.0": false, "01.0.0": false, "": false, "latest": false,
		"v1.7.18-rancher1": true, "V1.0.0": false,
	} {
		if got := IsSemver(v); got != want {
			t.Errorf("IsSemver(%q) = %v", v, got)
		}
	}
}

func TestParseRange(t *testing.T) {
	tests := []struct {
		r       string
		in, out []string
	}{
		{"1.0.0", []string{"1.0.0", "v1.0.0"}, []string{"1.0.1", "v1.0", "latest"}},
		{">=1.0.0", []string{"1.0.0", "v2.0.0"}, []string{"0.9.9", "1.0.0-rc1"}},
		{">=v1.0.0 <v2.0.0", []string{"1.5.0"}, []string{"2.0.0"}},
		{">1.0.0 <2.0.0 || >3.0.0", []string{"1.2.3", "3.1.1"}, []string{"1.0.0", "2.5.0", "3.0.0"}},
		{"!1.0.0", []string{"1.0.1"}, []string{"1.0.0"}},
		{"<=v0.4.1-rancher1", []string{"0.4.1-rancher1", "v0.3.0"}, []string{"0.4.1", "0.4.2-rancher1"}},
		{"v1.x", []string{"1.9.0"}, []string{"2.0.0", "0.9.0"}},
	}
	for _, tt := range tests {
		in, err := ParseRange(tt.r)
		if err != nil {
			t.Errorf("ParseRange(%q): %v", tt.r, err)
			continue
		}
		for _, v := range tt.in {
			if !in(v) {
				t.Errorf("%q should be in %q", v, tt.r)
			}
		}
		for _, v := range tt.out {
			if in(v) {
				t.Errorf("%q should not be in %q", v, tt.r)
			}
		}
	}
	for _, r := range []string{"", "latest", ">=", "1.0", "1.0.0 ||", "|| 1.0.0", "~1.0.0", "^1.0.0", ">=1.0.0,<2.0.0"} {
		if _, err := ParseRange(r); err == nil {
			t.Errorf("ParseRange(%q) should fail", r)
		}
	}
}

func TestCanUpgrade(t *testing.T) {
	v := func(version, min, max, from string) Info { return Info{version, min, max, from} }
	tests := []struct {
		name     string
		from, to Info
		rancher  string
		want     bool
	}{
		{"newer", v("1.0.0", "", "", ""), v("1.1.0", "", "", ""), "v1.6.10", true},
		{"older", v("1.1.0", "", "", ""), v("1.0.0", "", "", ""), "v1.6.10", false},
		{"same", v("1.0.0", "", "", ""), v("v1.0.0", "", "", ""), "v1.6.10", false},
		{"rc to release", v("1.0.0-rc1", "", "", ""), v("1.0.0", "", "", ""), "v1.6.10", true},
		{"hidden by min", v("1.0.0", "", "", ""), v("1.1.0", "v1.6.11", "", ""), "v1.6.10", false},
		{"hidden by max", v("1.0.0", "", "", ""), v("1.1.0", "", "v1.5.99", ""), "v1.6.10", false},
		{"in range", v("1.0.0", "", "", ""), v("1.2.0", "", "", ">=1.0.0"), "v1.6.10", true},
		{"out of range", v("0.9.0", "", "", ""), v("1.2.0", "", "", ">=1.0.0"), "v1.6.10", false},
		{"non-semver from", v("v0.1", "", "", ""), v("1.2.0", "", "", ">=0.0.1"), "v1.6.10", false},
		{"non-semver from, no range", v("v0.1", "", "", ""), v("1.2.0", "", "", ""), "v1.6.10", true},
		{"bad range", v("1.0.0", "", "", ""), v("1.2.0", "", "", "latest"), "v1.6.10", false},
		{"rancher-suffixed", v("v1.1.1-rancher2", "", "", ""), v("v1.2.2-rancher1", "", "", "<1.2.0"), "v1.6.10", true},
	}
	for _, tt := range tests {
		if got := CanUpgrade(tt.from, tt.to, tt.rancher); got != tt.want {
			t.Errorf("%s: CanUpgrade = %v", tt.name, got)
		}
	}
}
