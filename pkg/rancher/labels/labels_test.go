package labels

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseAffinityKey(t *testing.T) {
	tests := []struct {
		key            string
		a              Affinity
		isAffinity, ok bool
	}{
		{"io.rancher.scheduler.affinity:host_label", Affinity{Kind: HostLabel}, true, true},
		{"io.rancher.scheduler.affinity:host_label_ne", Affinity{Kind: HostLabel, Negated: true}, true, true},
		{"io.rancher.scheduler.affinity:host_label_soft", Affinity{Kind: HostLabel, Soft: true}, true, true},
		{"io.rancher.scheduler.affinity:host_label_soft_ne", Affinity{Kind: HostLabel, Soft: true, Negated: true}, true, true},
		{"io.rancher.scheduler.affinity:container_label", Affinity{Kind: ContainerLabel}, true, true},
		{"io.rancher.scheduler.affinity:container_label_soft_ne", Affinity{Kind: ContainerLabel, Soft: true, Negated: true}, true, true},
		{"io.rancher.scheduler.affinity:container", Affinity{Kind: Container}, true, true},
		{"io.rancher.scheduler.affinity:container_ne", Affinity{Kind: Container, Negated: true}, true, true},
		{"IO.Rancher.Scheduler.Affinity:Host_Label", Affinity{Kind: HostLabel}, true, true},
		{"io.rancher.scheduler.affinity:not_host_label", Affinity{}, true, false},
		{"io.rancher.scheduler.affinity:host_label_ne_soft", Affinity{}, true, false},
		{"io.rancher.scheduler.affinity:host_labels", Affinity{}, true, false},
		{"io.rancher.scheduler.affinity:containers", Affinity{}, true, false},
		{"io.rancher.scheduler.affinity", Affinity{}, true, false},
		{"io.rancher.scheduler.global", Affinity{}, false, false},
		{"io.rancher.sidekicks", Affinity{}, false, false},
	}
	for _, tt := range tests {
		a, isAffinity, ok := ParseAffinityKey(tt.key)
		if a != tt.a || isAffinity != tt.isAffinity || ok != tt.ok {
			t.Errorf("ParseAffinityKey(%q) = %+v, %v, %v", tt.key, a, isAffinity, ok)
		}
		if ok && !strings.EqualFold(a.Key(), tt.key) {
			t.Errorf("%+v.Key() = %q, want %q", a, a.Key(), tt.key)
		}
	}
}

type prob struct {
	off       int
	sev, kind string
}

func TestParseAffinityValue(t *testing.T) {
	tests := []struct {
		kind  AffinityKind
		value string
		pairs []Pair
		probs []prob
	}{
		{HostLabel, "", nil, nil},
		{HostLabel, "io.rancher.host.os=windows", []Pair{{"io.rancher.host.os", "windows", 0}}, nil},
		{HostLabel, "Rack=A,Zone=B", []Pair{{"rack", "a", 0}, {"zone", "b", 7}}, nil},
		{HostLabel, "a=b,,c=d,", []Pair{{"a", "b", 0}, {"c", "d", 5}}, nil},
		{HostLabel, "a=b, c=d", []Pair{{"a", "b", 0}, {" c", "d", 4}},
			[]prob{{4, "warning", ProblemSpaces}}},
		{HostLabel, "a = b", []Pair{{"a ", " b", 0}}, []prob{{0, "warning", ProblemSpaces}}},
		{HostLabel, "k=", nil, []prob{{0, "error", ProblemMissingValue}}},
		{HostLabel, "k==", nil, []prob{{0, "error", ProblemMissingValue}}},
		{HostLabel, "=", nil, []prob{{0, "error", ProblemMissingValue}}},
		{HostLabel, "x=1,k=", []Pair{{"x", "1", 0}}, []prob{{4, "error", ProblemMissingValue}}},
		{HostLabel, "k=v=w", []Pair{{"k", "v", 0}}, []prob{{0, "warning", ProblemExtraEquals}}},
		{HostLabel, "k==v", []Pair{{"k", "", 0}}, []prob{{0, "warning", ProblemExtraEquals}}},
		{HostLabel, "=v", []Pair{{"", "v", 0}}, []prob{{0, "error", ProblemEmptyKey}}},
		{HostLabel, "traefik_lb", []Pair{{"", "traefik_lb", 0}}, []prob{{0, "error", ProblemMissingEquals}}},
		{ContainerLabel, "io.rancher.stack_service.name=${stack_name}/${service_name}",
			[]Pair{{"io.rancher.stack_service.name", "${stack_name}/${service_name}", 0}}, nil},
		{Container, "Web-1,db=x", []Pair{{"", "web-1", 0}, {"", "db=x", 6}}, nil},
		{Container, "a, b", []Pair{{"", "a", 0}, {"", " b", 2}}, []prob{{2, "warning", ProblemSpaces}}},
	}
	for _, tt := range tests {
		pairs, probs := ParseAffinityValue(tt.kind, tt.value)
		if !reflect.DeepEqual(pairs, tt.pairs) {
			t.Errorf("%v %q: pairs\n got %+v\nwant %+v", tt.kind, tt.value, pairs, tt.pairs)
		}
		var got []prob
		for _, p := range probs {
			got = append(got, prob{p.Offset, p.Severity, p.Kind})
			if p.Msg == "" || !strings.Contains(p.Msg, `"`) {
				t.Errorf("%q: message %q does not quote the item", tt.value, p.Msg)
			}
		}
		if !reflect.DeepEqual(got, tt.probs) {
			t.Errorf("%v %q: problems\n got %+v\nwant %+v", tt.kind, tt.value, got, tt.probs)
		}
	}
}

func TestSeverityFor(t *testing.T) {
	_, probs := ParseAffinityValue(HostLabel, "nokey")
	p := probs[0]
	for a, want := range map[Affinity]string{
		{Kind: HostLabel}:                                 "error",
		{Kind: HostLabel, Negated: true}:                  "warning",
		{Kind: HostLabel, Soft: true}:                     "warning",
		{Kind: ContainerLabel, Soft: true, Negated: true}: "warning",
	} {
		if got := p.SeverityFor(a); got != want {
			t.Errorf("SeverityFor(%+v) = %s", a, got)
		}
	}
	_, probs = ParseAffinityValue(HostLabel, "k=")
	if got := probs[0].SeverityFor(Affinity{Kind: HostLabel, Negated: true}); got != "error" {
		t.Errorf("k= on _ne is %s; Cattle throws whatever the rule", got)
	}
}

func TestParseSelector(t *testing.T) {
	tests := []struct {
		in   string
		want []Requirement
	}{
		{"app=web", []Requirement{{"app", "=", []string{"web"}}}},
		{"app = web", []Requirement{{"app", "=", []string{"web"}}}},
		{"app != web", []Requirement{{"app", "!=", []string{"web"}}}},
		{"app", []Requirement{{"app", "exists", nil}}},
		{" app ", []Requirement{{"app", "exists", nil}}},
		{"app in (a, B)", []Requirement{{"app", "in", []string{"a", "b"}}}},
		{"app notin (a,b)", []Requirement{{"app", "notin", []string{"a", "b"}}}},
		{"app in ()", []Requirement{{"app", "in", []string{""}}}},
		{"k1=v1, k2 in (a, b), k3, k4 notin (c)", []Requirement{
			{"k1", "=", []string{"v1"}},
			{"k2", "in", []string{"a", "b"}},
			{"k3", "exists", nil},
			{"k4", "notin", []string{"c"}},
		}},
		{"a=b,", []Requirement{{"a", "=", []string{"b"}}}},
		{"k=", []Requirement{{"k", "=", []string{""}}}},
		{"k=v=w", []Requirement{{"k", "=", []string{"v=w"}}}},
		{"io.rancher.stack.name=foo", []Requirement{{"io.rancher.stack.name", "=", []string{"foo"}}}},
	}
	for _, tt := range tests {
		got, err := ParseSelector(tt.in)
		if err != nil {
			t.Errorf("ParseSelector(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSelector(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{
		"",
		"a b",        // no operator: the key is "a b"
		"k in(a)",    // " in " needs spaces: the key is "k ina"
		"k in (a=b)", // = wins over in: the key is "k in a"
		"a,,b",       // empty term
		",a",         // empty term
		"=v",         // empty key
		"k\tin\t(a)", // whitespace in the key
	} {
		if got, err := ParseSelector(in); err == nil {
			t.Errorf("ParseSelector(%q) = %+v, want an error", in, got)
		}
	}
}

func TestIsTrue(t *testing.T) {
	for v, want := range map[string]bool{"true": true, "TRUE": true, "True": true, "false": false, "": false, " true": false, "yes": false, "1": false} {
		if IsTrue(v) != want {
			t.Errorf("IsTrue(%q) = %v", v, !want)
		}
	}
}
