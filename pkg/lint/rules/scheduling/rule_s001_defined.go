package scheduling

import (
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/sidekick"
	"github.com/catalogen/catalogen/pkg/spelling"
)

var ruleS001 = &lint.Rule{
	ID:       "S001",
	Slug:     "sidekick.defined",
	Formerly: []string{"sk.defined"},
	Severity: lint.Error,
	Summary:  "every name in io.rancher.sidekicks is a service of the stack's docker-compose file",
	Doc: "Rancher's executor splits `io.rancher.sidekicks` on commas, trims each name and looks it up among the " +
		"docker-compose services; a name it cannot find (a typo, a service defined only in rancher-compose.yml, " +
		"or the empty name left by a stray comma) fails the whole deployment with \"Failed to find sidekick\". " +
		"Error: the executor (v1.6) fails the deploy on an undefined sidekick.",
	Bad: `version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-data, app-conf   # app-conf is not defined
  app-data:
    image: busybox:1.36`,
	Good: `version: '2'
services:
  app:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: app-data
  app-data:
    image: busybox:1.36`,
	Version: lint.Requires(stack.New, checkS001),
}

func checkS001(p *lint.Pass, w *stack.View) {
	var names []string
	for _, s := range w.Services() {
		names = append(names, s.Name)
	}
	sk := w.Sidekicks()
	for _, li := range sk.Listings {
		if li.Sure && stack.HasEmptyEntry(li.Value) {
			p.Report(li.Label.ValuePos(), "io.rancher.sidekicks of service %s has an empty entry (a stray comma or an empty value): the executor looks it up too and fails with \"Failed to find sidekick: \"; remove it", li.Primary.Name)
		}
	}
	for _, pr := range sk.Analysis.Problems {
		if pr.Kind != sidekick.KindUndefined {
			continue
		}
		li := sk.Listing(pr.Service)
		if li == nil || !li.Sure {
			continue
		}
		n := pr.Other
		if w.Project.Service(n) != nil {
			p.Report(li.Label.ValuePos(), "sidekick %s of service %s is only in rancher-compose.yml: the executor looks sidekicks up among the docker-compose services and fails with \"Failed to find sidekick: %s\"; define %s in docker-compose", n, pr.Service, n, n)
			continue
		}
		p.Report(li.Label.ValuePos(), "sidekick %s of service %s is not a service of this stack: Rancher fails with \"Failed to find sidekick: %s\"%s", n, pr.Service, n, spelling.DidYouMean(n, names))
	}
}
