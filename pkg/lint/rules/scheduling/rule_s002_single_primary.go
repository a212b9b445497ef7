package scheduling

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/sidekick"
	"github.com/catalogen/catalogen/pkg/rancher/version"
)

// singlePrimaryRancher is the first Rancher release whose executor rejects a
// sidekick listed by several primaries (rancher-compose-executor v0.14.27).
const singlePrimaryRancher = "v1.6.15"

var ruleS002 = &lint.Rule{
	ID:       "S002",
	Slug:     "sidekick.single-primary",
	Formerly: []string{"sk.single-primary"},
	Severity: lint.Error,
	Summary:  "a sidekick is listed by at most one primary",
	Doc: "A sidekick is deployed as a launch config of its primary and shares its scale and host. Since Rancher " +
		"v1.6.15 the executor rejects a stack in which two primaries list the same sidekick (\"can't have more " +
		"than one primary service [...] referencing the same sidekick\"). Versions capped below v1.6.15 with " +
		"`maximum_rancher_version` still deploy, so there the finding is a warning. " +
		"Error: from Rancher v1.6.15 the executor rejects the stack; a warning for versions capped below it.",
	Bad: `version: '2'
services:
  master:
    image: elasticsearch:6.8.23
    labels:
      io.rancher.sidekicks: storage
  data:
    image: elasticsearch:6.8.23
    labels:
      io.rancher.sidekicks: storage   # storage already belongs to master
  storage:
    image: busybox:1.36`,
	Good: `version: '2'
services:
  master:
    image: elasticsearch:6.8.23
    labels:
      io.rancher.sidekicks: master-storage
  data:
    image: elasticsearch:6.8.23
    labels:
      io.rancher.sidekicks: data-storage
  master-storage:
    image: busybox:1.36
  data-storage:
    image: busybox:1.36`,
	Version: lint.Requires(stack.New, checkS002),
}

func checkS002(p *lint.Pass, w *stack.View) {
	sev, capped := lint.Error, ""
	if w.Version.Catalog != nil {
		if max := w.Version.Catalog.MaximumRancherVersion; max != "" && version.GreaterThan(singlePrimaryRancher, max) {
			sev, capped = lint.Warning, max
		}
	}
	sk := w.Sidekicks()
	for _, pr := range sk.Analysis.Problems {
		if pr.Kind != sidekick.KindMultiplePrimaries {
			continue
		}
		name := pr.Service
		primaries := sk.PrimariesOf(name)
		for _, primary := range primaries[1:] {
			li := sk.Listing(primary)
			if li == nil || !li.Sure {
				continue
			}
			msg := "sidekick %s is listed by %s and already by %s: Rancher %s and later rejects the stack (\"can't have more than one primary service [%s] referencing the same sidekick\"); give each primary its own sidekick service"
			args := []any{name, primary, primaries[0], singlePrimaryRancher, strings.Join(primaries, " ")}
			if capped != "" {
				msg += " (this version is capped at maximum_rancher_version %s, where it still deploys)"
				args = append(args, capped)
			}
			p.ReportSeverity(sev, sourceCol(li.Label.ValuePos(), li.Label.Value), msg, args...)
		}
	}
}
