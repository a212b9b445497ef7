package sidekick

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseList(t *testing.T) {
	for in, want := range map[string][]string{
		"":                nil,
		"a":               {"a"},
		"a, b":            {"a", "b"},
		" a ,b,, c ,":     {"a", "b", "c"},
		"traefik-conf":    {"traefik-conf"},
		"es-storage,  es": {"es-storage", "es"},
	} {
		if got := ParseList(in); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseList(%q) = %q", in, got)
		}
	}
}

func TestNetworkContainer(t *testing.T) {
	for in, want := range map[string]string{"container:vpn": "vpn", "host": "", "": "", "bridge": "", "container:": ""} {
		if got := NetworkContainer(in); got != want {
			t.Errorf("NetworkContainer(%q) = %q", in, got)
		}
	}
}

type problem struct{ kind, service, other string }

func problems(a Analysis) []problem {
	var out []problem
	for _, p := range a.Problems {
		out = append(out, problem{p.Kind, p.Service, p.Other})
	}
	return out
}

func TestAnalyzeGroups(t *testing.T) {
	a := Analyze([]Service{
		{Name: "traefik", Sidekicks: []string{"traefik-conf", "traefik-acme"}, VolumesFrom: []string{"traefik-conf"}},
		{Name: "traefik-conf"},
		{Name: "traefik-acme", VolumesFrom: []string{"traefik-conf"}, NetworkContainer: "traefik"},
		{Name: "db"},
	})
	if len(a.Problems) != 0 {
		t.Fatalf("unexpected problems: %+v", a.Problems)
	}
	wantPrimary := map[string][]string{"traefik-conf": {"traefik"}, "traefik-acme": {"traefik"}}
	if !reflect.DeepEqual(a.PrimaryOf, wantPrimary) {
		t.Errorf("PrimaryOf = %v", a.PrimaryOf)
	}
	wantGroup := map[string]string{"traefik": "traefik", "traefik-conf": "traefik", "traefik-acme": "traefik", "db": "db"}
	for name, want := range wantGroup {
		if got := a.GroupOf(name); got != want {
			t.Errorf("GroupOf(%s) = %s, want %s", name, got, want)
		}
	}
}

func TestAnalyzeProblems(t *testing.T) {
	tests := []struct {
		name     string
		services []Service
		want     []problem
		msg      string // a fragment of the first problem's message
	}{
		{
			name:     "undefined sidekick",
			services: []Service{{Name: "web", Sidekicks: []string{"data"}}},
			want:     []problem{{KindUndefined, "web", "data"}},
			msg:      "Failed to find sidekick: data",
		},
		{
			name: "multiple primaries (es-cluster)",
			services: []Service{
				{Name: "es-master", Sidekicks: []string{"es-storage", "es-sysctl"}},
				{Name: "es-data", Sidekicks: []string{"es-storage"}},
				{Name: "es-client", Sidekicks: []string{"es-storage"}},
				{Name: "es-storage"}, {Name: "es-sysctl"},
			},
			want: []problem{{KindMultiplePrimaries, "es-storage", "es-client, es-data, es-master"}},
			msg:  "only one primary",
		},
		{
			name:     "self",
			services: []Service{{Name: "web", Sidekicks: []string{"web"}}},
			want:     []problem{{KindSelf, "web", "web"}},
		},
		{
			name: "mutual",
			services: []Service{
				{Name: "b", Sidekicks: []string{"a"}},
				{Name: "a", Sidekicks: []string{"b"}},
			},
			want: []problem{{KindMutual, "a", "b"}},
		},
		{
			name: "volumes_from a standalone service",
			services: []Service{
				{Name: "app", VolumesFrom: []string{"data"}},
				{Name: "data"},
			},
			want: []problem{{KindVolumesFrom, "app", "data"}},
			msg:  "Add data to io.rancher.sidekicks of app",
		},
		{
			name: "volumes_from another group",
			services: []Service{
				{Name: "app", Sidekicks: []string{"app-data"}},
				{Name: "app-data"},
				{Name: "db", Sidekicks: []string{"db-data"}, VolumesFrom: []string{"app-data"}},
				{Name: "db-data"},
			},
			want: []problem{{KindVolumesFrom, "db", "app-data"}},
		},
		{
			name: "sidekick to sidekick of another primary",
			services: []Service{
				{Name: "p", Sidekicks: []string{"s"}},
				{Name: "q", Sidekicks: []string{"t"}},
				{Name: "s", NetworkContainer: "t"},
				{Name: "t"},
			},
			want: []problem{{KindNetwork, "s", "t"}},
			msg:  "neither its primary p nor a sidekick of p",
		},
		{
			name:     "volumes_from an unknown service",
			services: []Service{{Name: "app", VolumesFrom: []string{"data:ro"}}},
			want:     []problem{{KindVolumesFrom, "app", "data:ro"}},
			msg:      "not a service of this stack",
		},
		{
			name: "cycle",
			services: []Service{
				{Name: "p", Sidekicks: []string{"a", "b"}, VolumesFrom: []string{"a"}},
				{Name: "a", VolumesFrom: []string{"b"}},
				{Name: "b", NetworkContainer: "p"},
			},
			want: []problem{{KindCycle, "a", "b"}},
			msg:  "a -> b -> p -> a",
		},
		{
			name:     "volumes_from itself",
			services: []Service{{Name: "app", VolumesFrom: []string{"app"}}},
			want:     []problem{{KindCycle, "app", "app"}},
			msg:      "app -> app",
		},
		{
			name: "problems sorted by service",
			services: []Service{
				{Name: "z", Sidekicks: []string{"missing"}},
				{Name: "a", Sidekicks: []string{"a", "gone"}},
			},
			want: []problem{{KindSelf, "a", "a"}, {KindUndefined, "a", "gone"}, {KindUndefined, "z", "missing"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Analyze(tt.services)
			if got := problems(a); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("problems\n got %+v\nwant %+v", got, tt.want)
			}
			if tt.msg != "" && !strings.Contains(a.Problems[0].Msg, tt.msg) {
				t.Errorf("message %q lacks %q", a.Problems[0].Msg, tt.msg)
			}
		})
	}
}

func TestAnalyzeDeterministic(t *testing.T) {
	services := []Service{
		{Name: "c", Sidekicks: []string{"x", "y"}, VolumesFrom: []string{"y"}},
		{Name: "b", Sidekicks: []string{"x"}},
		{Name: "x", VolumesFrom: []string{"y", "nope"}},
		{Name: "y", NetworkContainer: "x"},
		{Name: "a", Sidekicks: []string{"missing", "a"}},
	}
	first := Analyze(services)
	for i := 0; i < 20; i++ {
		rev := make([]Service, len(services))
		for j := range services {
			rev[len(services)-1-j] = services[j]
		}
		services = rev
		if got := Analyze(services); !reflect.DeepEqual(got, first) {
			t.Fatalf("analysis depends on input order:\n%+v\n%+v", got, first)
		}
	}
}
