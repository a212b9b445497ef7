package templating

import (
	"strings"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleT009 = &lint.Rule{
	ID:       "T009",
	Slug:     "template.no-value",
	Formerly: []string{"tpl.no-value"},
	Severity: lint.Error,
	Summary:  "a template reads only fields the executor's data has (.Values, .Stack, .Release, .Environment)",
	Doc: "Rancher's executor (1.6) runs compose templates on a map with the keys Values, Stack, Release and " +
		"Environment. Any other field, `{{ .ID }}` or `{{ .Name }}`, is a missing map key: it prints `<no value>` " +
		"with no execution error, so T002 has nothing to report and the deployed value is silently wrong. This is " +
		"what happens to braces meant literally, such as `--format=\"{{.ID}}\"` in a command: the file is templated " +
		"whether it is named .yml or .yml.tpl. Write literal braces as {{`{{.ID}}`}}, or start the file with " +
		"`# notemplating`. Error: the value the container gets is `<no value>`. (`.Values.X` that is no question is T003.)",
	Bad: `web:
  image: docker:17.06
  command: docker ps --format "{{.ID}}"`,
	Good: `web:
  image: docker:17.06
  command: docker ps --format "{{` + "`{{.ID}}`" + `}}"`,
	Version: checkT009,
}

// dataKeys are the keys of the map Rancher's executor templates with.
var dataKeys = map[string]bool{"Values": true, "Stack": true, "Release": true, "Environment": true}

func checkT009(p *lint.Pass, v *catalog.Version) {
	for _, f := range templatedFiles(v) {
		for _, t := range parseTrees(f) {
			if t.Root == nil {
				continue
			}
			missingFields(t.Root, 0, func(n *parse.FieldNode) {
				field := "." + strings.Join(n.Ident, ".")
				sev, capped := templatingSeverity(v, p.Rule().Severity)
				p.ReportSeverity(sev, nodePos(f, n), "%s is not in the data Rancher templates %s with (.Values, .Stack, .Release, .Environment): it renders `<no value>` without an error; if the braces are meant literally, write {{`%s`}} or put `# notemplating` on the first line%s", field, f.Name, clip(actionText(f, n), 40), capped)
			})
		}
	}
}

// missingFields calls fn for every field of the top-level dot that the
// executor's data lacks. Inside range and with the dot is something else, so
// only their pipelines are looked at.
func missingFields(n parse.Node, depth int, fn func(*parse.FieldNode)) {
	if n == nil || depth > 1000 {
		return
	}
	depth++
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			missingFields(c, depth, fn)
		}
	case *parse.ActionNode:
		missingFields(n.Pipe, depth, fn)
	case *parse.IfNode:
		missingFields(n.Pipe, depth, fn)
		missingFields(n.List, depth, fn)
		missingFields(n.ElseList, depth, fn)
	case *parse.RangeNode:
		missingFields(n.Pipe, depth, fn)
	case *parse.WithNode:
		missingFields(n.Pipe, depth, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			missingFields(c, depth, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			missingFields(a, depth, fn)
		}
	case *parse.FieldNode:
		if len(n.Ident) > 0 && !dataKeys[n.Ident[0]] {
			fn(n)
		}
	}
}

// actionText is the source of the action around n, `{{.ID}}`, for the hint.
func actionText(f *catalog.File, n parse.Node) string {
	off := int(n.Position())
	if off < 0 || off > len(f.Data) {
		return "{{ }}"
	}
	start := strings.LastIndex(string(f.Data[:off]), "{{")
	end := strings.Index(string(f.Data[off:]), "}}")
	if start < 0 || end < 0 {
		return "{{ }}"
	}
	return string(f.Data[start : off+end+2])
}
