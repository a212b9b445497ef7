package scheduling

import (
	"sync"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleB008 = &lint.Rule{
	ID:       "B008",
	Slug:     "label.unknown",
	Formerly: []string{"lbl.unknown"},
	Severity: lint.Warning,
	Summary:  "an io.rancher.* label key is one Rancher reads",
	Doc: "Cattle, the executor and Rancher's infrastructure services (1.x) act on a fixed set of `io.rancher.*` " +
		"label keys (scheduling, sidekicks, container options, load balancer and network labels) and ignore every " +
		"other key without a word. A typo anywhere in the key (`io.rancher.scheduler.afinity:host_label`, " +
		"`io.rancher.container.pull_imgae`) turns a setting into a plain label, so the service is scheduled or " +
		"started as if it were not there. Warning when the key is close to one Rancher reads (a likely typo, with " +
		"the suggestion); info otherwise, for a team's own label under the io.rancher. namespace. " +
		"Warning: when the key is close to one Rancher reads (a likely typo); info otherwise.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.afinity:host_label: role=db`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: role=db`,
	Version: lint.Requires(stack.New, checkB008),
}

func checkB008(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		for _, l := range s.Labels() {
			if labels.IsKnown(l.Key) {
				continue
			}
			if hint := unknownLabelHint(l.Key); hint != "" {
				p.Report(l.Pos(), "label %s of service %s is not one Rancher reads, so it is silently ignored%s", l.Key, s.Name, hint)
				continue
			}
			p.ReportSeverity(lint.Info, l.Pos(), "label %s of service %s is under io.rancher. but no Rancher component reads it: fine for a label of your own, otherwise check its spelling", l.Key, s.Name)
		}
	}
}

// unknownLabelHint is spelling.DidYouMean for an unknown key against the
// label candidates. A catalog repeats its labels in every version, and a
// suggestion compares the key with each candidate, so the answers are
// remembered, for a bounded number of keys.
func unknownLabelHint(key string) string {
	hints.Lock()
	hint, ok := hints.m[key]
	hints.Unlock()
	if ok {
		return hint
	}
	hint = spelling.DidYouMean(key, labels.Candidates())
	hints.Lock()
	if hints.m == nil {
		hints.m = map[string]string{}
	}
	if len(hints.m) < maxHints {
		hints.m[key] = hint
	}
	hints.Unlock()
	return hint
}

// maxHints bounds the keys unknownLabelHint remembers: beyond it, new keys
// are worked out on each call.
const maxHints = 4096

var hints struct {
	sync.Mutex
	m map[string]string
}
