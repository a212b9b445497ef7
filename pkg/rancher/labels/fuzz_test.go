package labels

import (
	"strings"
	"testing"
)

func FuzzParseAffinityValue(f *testing.F) {
	for _, s := range []string{"", "a=b", "a=b, c=d", "k=", "=", "==", "k=v=w", "x", ",,", "a=b,", "İ=K", "io.rancher.stack_service.name=$${stack_name}/$${service_name}"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, value string, kind uint8) {
		k := AffinityKind(kind % 3)
		pairs, probs := ParseAffinityValue(k, value)
		for _, p := range pairs {
			if p.Offset < 0 || p.Offset >= len(value) || (p.Offset > 0 && value[p.Offset-1] != ',') {
				t.Fatalf("bad pair offset %+v in %q", p, value)
			}
			if k == Container && p.Key != "" {
				t.Fatalf("container rule with a key: %+v", p)
			}
		}
		for _, p := range probs {
			if p.Offset < 0 || p.Offset >= len(value) || p.Msg == "" || (p.Severity != "error" && p.Severity != "warning") {
				t.Fatalf("bad problem %+v in %q", p, value)
			}
		}
		_, _, _ = ParseAffinityKey(value)
	})
}

func FuzzParseSelector(f *testing.F) {
	for _, s := range []string{"app=web", "a != b", "k", "k in (a, b)", "k notin (a,b), x=y", "", "(", ")", ",", "k in (a", "a,,b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		reqs, err := ParseSelector(s)
		if err != nil {
			return
		}
		if len(reqs) == 0 {
			t.Fatalf("no requirements and no error for %q", s)
		}
		for _, r := range reqs {
			if r.Key == "" || strings.ContainsAny(r.Key, " \t\r\n") {
				t.Fatalf("bad key in %+v from %q", r, s)
			}
			switch r.Op {
			case "=", "!=":
				if len(r.Values) != 1 {
					t.Fatalf("%+v", r)
				}
			case "exists":
				if r.Values != nil {
					t.Fatalf("%+v", r)
				}
			case "in", "notin":
			default:
				t.Fatalf("unknown op in %+v", r)
			}
		}
	})
}

// FuzzPrefixFold: ParseAffinityKey and IsKnown test their prefix before
// lowercasing the key (hasPrefixFold); they answer as the lowercased
// key's prefix does, for any key.
func FuzzPrefixFold(f *testing.F) {
	for _, s := range []string{"", "io.rancher.", "IO.Rancher.Scheduler.Affinity:Host_Label", "io.rancher.scheduler.affinity",
		"io.rancher.scheduler.affinitY:container_ne", "İo.rancher.x", "io.ranche\u212A.x", "io.rancher.ſcheduler.affinity:host_label",
		"io.rancher\u0130", "com.example.x", "io.rancher.sidekicks", "io.rancher.scheduler.affinity:nope"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		lower := strings.ToLower(key)
		for _, prefix := range []string{AffinityPrefix, "io.rancher."} {
			if got, want := hasPrefixFold(key, prefix), strings.HasPrefix(lower, prefix); got != want {
				t.Fatalf("hasPrefixFold(%q, %q) = %v, the lowercased key says %v", key, prefix, got, want)
			}
		}
		if _, isAff, _ := ParseAffinityKey(key); isAff != strings.HasPrefix(lower, AffinityPrefix) {
			t.Fatalf("ParseAffinityKey(%q): isAffinity = %v", key, isAff)
		}
		if !strings.HasPrefix(lower, "io.rancher.") && !IsKnown(key) {
			t.Fatalf("IsKnown(%q) = false for a key outside io.rancher.", key)
		}
	})
}
