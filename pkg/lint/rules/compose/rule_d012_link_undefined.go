package compose

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/spelling"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleD012 = &lint.Rule{
	ID:       "D012",
	Slug:     "compose.link-undefined",
	Formerly: []string{"dc.link-undefined"},
	Severity: lint.Error,
	Summary:  "`links` name services of the stack; `external_links` without a stack name do too",
	Doc: "Rancher's executor (every 1.x release) resolves each `links` entry (`service` or `service:alias`) to a " +
		"service of the same stack and fails the deploy when there is none (\"has a link to service ... which is " +
		"undefined\"): a typo, a service that was commented out, or an answer of the form `stack/service`, which " +
		"is what a `type: service` question gives and which only `external_links` accept. An `external_links` " +
		"entry without a `stack/` part also names a service of the stack. Error: the stack does not deploy.",
	Bad: `web:
  image: nginx:1.25
  links:
    - databse:db`,
	Good: `web:
  image: nginx:1.25
  links:
    - database:db
database:
  image: postgres:9.6`,
	Version: checkLinks,
}

func checkLinks(p *lint.Pass, v *catalog.Version) {
	proj := v.Project
	if proj == nil {
		return
	}
	ans := newAnswers(v)
	var names []string
	for _, s := range proj.Services {
		names = append(names, s.Name)
	}
	for _, s := range proj.Services {
		if misreadSection(proj, s) {
			continue
		}
		for _, field := range []string{"links", "external_links"} {
			for _, e := range s.Fields(field) {
				for _, item := range linkItems(e.Value) {
					checkLink(p, v, proj, ans, names, s, field, e.Doc, item)
				}
			}
		}
	}
}

// linkItems returns the scalar entries of a links field: a list, a single
// scalar, or the mapping form (service: alias).
func linkItems(n *yaml.Node) []*yaml.Node {
	n = yamlnode.Resolve(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" {
			return []*yaml.Node{n}
		}
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, c := range n.Content {
			if c = yamlnode.Resolve(c); c != nil && c.Kind == yaml.ScalarNode && c.Tag != "!!null" {
				out = append(out, c)
			}
		}
		return out
	case yaml.MappingNode:
		var out []*yaml.Node
		for _, pair := range yamlnode.Pairs(n) {
			out = append(out, pair.Key)
		}
		return out
	}
	return nil
}

func checkLink(p *lint.Pass, v *catalog.Version, proj *catalog.Project, ans *answers, names []string, s *catalog.Service, field string, doc *catalog.Doc, item *yaml.Node) {
	pos := doc.At(item)
	if q := serviceQuestion(v, item.Value); q != "" && field == "links" {
		p.Report(pos, "service %s links to ${%s}, a `type: service` question whose answer is `stack/service`: `links` only name services of this stack, so the executor fails (\"has a link to service ... which is undefined\"); use external_links for a service of another stack", s.Name, q)
		return
	}
	val, sure := ans.expand(item.Value)
	if !sure {
		return // a value the user types, an undeclared variable (I002) or bad syntax (I001)
	}
	name, _, _ := strings.Cut(strings.TrimSpace(val), ":")
	if name == "" {
		return
	}
	if strings.Contains(name, "/") {
		if field == "links" {
			p.Report(pos, "service %s links to %s, which names a service of another stack: `links` only name services of this stack, so the executor fails (\"has a link to service %s which is undefined\"); use external_links", s.Name, name, name)
		}
		return
	}
	if proj.Service(name) != nil {
		return
	}
	msg := fmt.Sprintf("service %s has a link to service %s, which is not defined in this stack: Rancher's executor fails the deploy (\"has a link to service %s which is undefined\")", s.Name, name, name)
	if field == "external_links" {
		msg += "; an external link without `stack/` names a service of this stack"
	}
	if sug := spelling.Closest(name, names); sug != "" {
		msg += spelling.Hint(sug)
	} else {
		msg += "; define the service or remove the link"
	}
	p.Report(pos, "%s", msg)
}

// serviceQuestion returns the variable of a `type: service` question that s
// consists of (`${X}` or `${X}:alias`), or "".
func serviceQuestion(v *catalog.Version, s string) string {
	if v.Catalog == nil {
		return ""
	}
	refs, errs := interp.Scan(s)
	if len(errs) > 0 || len(refs) != 1 {
		return ""
	}
	for _, q := range v.Catalog.Questions {
		if q.Variable == refs[0].Name && q.Type == "service" {
			return q.Variable
		}
	}
	return ""
}
