package scheduling

import (
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules/scheduling/stack"
)

var ruleS005 = &lint.Rule{
	ID:       "S005",
	Slug:     "sk.cycle",
	Severity: lint.Error,
	Summary:  "volumes_from and network_mode: container: references within a launch-config group form no cycle",
	Doc: "Cattle starts the launch configs of a service in the order their volumes_from and network references " +
		"imply, so the references must form a tree. A cycle (a config that takes volumes or the network from " +
		"itself, or A from B and B from A) is rejected with CircularReference and the service is never created.",
	Bad: `services:
  app:
    image: nginx:1.25
    volumes_from: [app-data]
    labels:
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36
    volumes_from: [app]       # app-data -> app -> app-data`,
	Good: `services:
  app:
    image: nginx:1.25
    volumes_from: [app-data]
    labels:
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36`,
	Version: checkS005,
}

func checkS005(p *lint.Pass, v *catalog.Version) {
	w := stack.New(v)
	if w == nil {
		return
	}
	// Edges of every service, kept only within its launch-config group (S004
	// reports the others).
	edges := map[string][]ref{}
	for _, s := range w.Services() {
		group := w.Group(s.Name)
		for _, r := range refsOf(w, s) {
			if slices.Contains(group, r.To) {
				edges[s.Name] = append(edges[s.Name], r)
			}
		}
	}
	reported := map[string]bool{}
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var stackNames []string
	var stackRefs []ref
	var visit func(n string)
	visit = func(n string) {
		state[n] = active
		stackNames = append(stackNames, n)
		for _, r := range edges[n] {
			switch state[r.To] {
			case active:
				i := slices.Index(stackNames, r.To)
				cycle := append(slices.Clone(stackNames[i:]), r.To)
				key := cycleKey(cycle)
				if !reported[key] {
					reported[key] = true
					fields := []string{}
					for _, sr := range append(slices.Clone(stackRefs[i:]), r) {
						if !slices.Contains(fields, sr.Field) {
							fields = append(fields, sr.Field)
						}
					}
					p.Report(r.pos(), "%s references form a cycle %s: Cattle rejects the service with CircularReference; one launch config must take volumes or network from the other, not both ways", strings.Join(fields, " and "), strings.Join(cycle, " -> "))
				}
			case unseen:
				stackRefs = append(stackRefs, r)
				visit(r.To)
				stackRefs = stackRefs[:len(stackRefs)-1]
			}
		}
		stackNames = stackNames[:len(stackNames)-1]
		state[n] = done
	}
	for _, s := range w.Services() {
		if state[s.Name] == unseen {
			visit(s.Name)
		}
	}
}

// cycleKey identifies a cycle whatever node it was entered from.
func cycleKey(cycle []string) string {
	nodes := slices.Clone(cycle[:len(cycle)-1])
	slices.Sort(nodes)
	return strings.Join(nodes, ",")
}
