package sidekick

import (
	"strings"
	"testing"
)

// FuzzAnalyze reads services from lines of `name|sidekicks|volumes_from|net`.
func FuzzAnalyze(f *testing.F) {
	f.Add("p|a,b|a|\na||b|\nb|||p")
	f.Add("a|b||\nb|a||")
	f.Add("x|x|x|x")
	f.Add("es|s||\nes2|s||\ns|||")
	f.Fuzz(func(t *testing.T, in string) {
		var services []Service
		for _, line := range strings.Split(in, "\n") {
			f := strings.SplitN(line, "|", 4)
			for len(f) < 4 {
				f = append(f, "")
			}
			services = append(services, Service{
				Name:             f[0],
				Sidekicks:        ParseList(f[1]),
				VolumesFrom:      ParseList(f[2]),
				NetworkContainer: f[3],
			})
		}
		a := Analyze(services)
		defined := map[string]bool{}
		for _, s := range services {
			defined[s.Name] = true
		}
		for _, s := range services {
			if g := a.GroupOf(s.Name); !defined[g] {
				t.Fatalf("the group of %q is %q, not a service", s.Name, g)
			}
		}
		for _, p := range a.Problems {
			if p.Kind == "" || p.Msg == "" {
				t.Fatalf("incomplete problem %+v", p)
			}
		}
	})
}
