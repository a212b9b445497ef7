package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleB001 = &lint.Rule{
	ID:       "B001",
	Slug:     "label.affinity-key",
	Formerly: []string{"lbl.affinity-key"},
	Severity: lint.Warning,
	Summary:  "io.rancher.scheduler.affinity* label keys are ones Cattle knows",
	Doc: "Cattle lowercases a label key and accepts it as a scheduling rule only when it is " +
		"`io.rancher.scheduler.affinity:` followed by `host_label`, `container_label` or `container`, optionally " +
		"`_soft` and then optionally `_ne`. Any other key starting with `io.rancher.scheduler.affinity` is " +
		"silently ignored, so the constraint the author meant never applies and the service may run anywhere. " +
		"Warning: Cattle (v1.6) silently ignores the key.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:not_host_label: registry=true`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label_ne: registry=true`,
	Version: lint.Requires(stack.New, checkB001),
}

func checkB001(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		// Every occurrence, duplicates included: a key repeated in one
		// mapping is lost to YAML and to Cattle alike.
		for _, f := range s.Fields("labels") {
			if !mayHoldAffinityKey(f.Value) {
				continue
			}
			for _, kv := range yamlnode.KeyValues(f.Value) {
				_, isAff, ok := labels.ParseAffinityKey(kv.Key)
				if !isAff || ok {
					continue
				}
				reportB001(p, s.Name, kv.Key, f.Doc.At(kv.KeyNode))
			}
		}
	}
}

// mayHoldAffinityKey reports whether a labels value may hold a key under
// io.rancher.scheduler.affinity, looking at its nodes without building its
// KeyValues list, which most label sets, holding none, do not need. Merges,
// aliases and nested nodes answer yes: KeyValues reads those.
func mayHoldAffinityKey(n *yaml.Node) bool {
	n = yamlnode.Resolve(n)
	if n == nil {
		return false
	}
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Value == "<<" {
			return true
		}
		if _, isAff, _ := labels.ParseAffinityKey(c.Value); isAff {
			return true
		}
	}
	return false
}

func reportB001(p *lint.Pass, service, key string, pos catalog.Pos) {
	fix := "use io.rancher.scheduler.affinity:host_label, container_label or container, optionally followed by _soft and then _ne"
	if a, found := guessAffinity(key); found {
		fix = "write " + a.Key()
	}
	p.Report(pos, "label %s of service %s is not a scheduling rule Cattle knows, so it is silently ignored: %s", key, service, fix)
}

// guessAffinity reads the words of an unknown affinity key (`not_host_label`,
// `host_label_ne_soft`, `hostlabel`) and returns the rule they most likely
// meant.
func guessAffinity(key string) (labels.Affinity, bool) {
	rest := strings.ToLower(key)[len(labels.AffinityPrefix):]
	words := strings.FieldsFunc(rest, func(r rune) bool {
		return r == ':' || r == '_' || r == '-' || r == '.' || r == ' '
	})
	var a labels.Affinity
	host, container, label := false, false, false
	for _, wd := range words {
		switch wd {
		case "host", "hosts":
			host = true
		case "hostlabel", "hostlabels":
			host, label = true, true
		case "container", "containers":
			container = true
		case "containerlabel", "containerlabels":
			container, label = true, true
		case "label", "labels":
			label = true
		case "soft":
			a.Soft = true
		case "ne", "not", "notequal", "neq":
			a.Negated = true
		default:
			return a, false
		}
	}
	switch {
	case host && !container:
		a.Kind = labels.HostLabel
	case container && label:
		a.Kind = labels.ContainerLabel
	case container:
		a.Kind = labels.Container
	default:
		return a, false
	}
	return a, true
}
