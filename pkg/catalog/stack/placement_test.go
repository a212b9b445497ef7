package stack_test

import "testing"

// pinned is a stack whose services are placed in the ways the relations
// below tell apart.
const pinned = `version: '2'
services:
  db:
    image: mysql:5.7
    labels:
      io.rancher.scheduler.affinity:host_label: db=true
      io.rancher.sidekicks: db-data
  db-data:
    image: busybox:1.36
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: db=true,zone=a
  other:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: db=false
  agent:
    image: busybox:1.36
    labels:
      io.rancher.scheduler.global: "true"
      io.rancher.scheduler.affinity:host_label: db=true
  spread:
    image: busybox:1.36
    labels:
      io.rancher.scheduler.global: "true"
      io.rancher.scheduler.affinity:host_label_ne: zone=b
  mine:
    image: busybox:1.36
    labels:
      io.rancher.scheduler.affinity:host_label: ${HOST}
  free:
    image: busybox:1.36
`

// TestPlacementRelations: how two services' hard host rules relate.
func TestPlacementRelations(t *testing.T) {
	w := view(t, pinned, noQuestions+"  questions:\n  - variable: HOST\n    type: string\n")
	pl := w.GroupPlacement
	cases := []struct {
		name      string
		got, want bool
	}{
		{"agent covers web", pl("agent").Covers(pl("web")), true},
		{"web covers agent", pl("web").Covers(pl("agent")), false},
		{"spread covers free", pl("spread").Covers(pl("free")), false},
		{"spread covers web", pl("spread").Covers(pl("web")), false}, // web may use zone=b
		{"agent covers db", pl("agent").Covers(pl("db")), true},
		{"db incompatible with other", pl("db").Incompatible(pl("other")), true},
		{"db incompatible with web", pl("db").Incompatible(pl("web")), false},
		{"mine undecided with db", pl("mine").Undecided(pl("db")), true},
		{"mine undecided with mine", pl("mine").Undecided(pl("mine")), false},
		{"db undecided with other", pl("db").Undecided(pl("other")), false},
		{"db and db-data one group", w.SameGroup("db-data", "db"), true},
		{"db and web one group", w.SameGroup("db", "web"), false},
		{"db=true has several hosts", w.MultiHost(pl("db").PinKey()), true},
		{"db=false has several hosts", w.MultiHost(pl("other").PinKey()), false},
		{"unpinned has several hosts", w.MultiHost(""), true},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	describe := map[string]string{
		"agent":  "global on hosts with db=true",
		"spread": "global on any host without zone=b",
		"web":    "on hosts with db=true,zone=a",
		"free":   "on any host",
	}
	for name, want := range describe {
		if got := pl(name).Describe(); got != want {
			t.Errorf("%s placed %q, want %q", name, got, want)
		}
	}
}
