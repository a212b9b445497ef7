package templating

import (
	"fmt"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleT006 = &lint.Rule{
	ID:       "T006",
	Slug:     "template.bool-compare",
	Formerly: []string{"tpl.bool-compare"},
	Severity: lint.Error,
	Summary:  "`.Values` answers are compared with quoted strings, not bool or number literals",
	Doc: "Rancher hands templates every answer as a string, booleans included (\"true\"/\"false\"). Comparing one with " +
		"an unquoted `true` or `8080` is a type error in Go templates (\"incompatible types for comparison\"), and " +
		"Rancher ignores execution errors, so the output is silently truncated at that action. Quote the literal, " +
		"or convert the answer first (`atoi`) for an ordering comparison. " +
		"Error: `eq` of a string answer with a bool or number fails at execution in the executor (v1.6), which truncates the output.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    ports:
      - 80:80
    {{- if eq .Values.ENABLE_TLS true }}
      - 443:443
    {{- end }}`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    ports:
      - 80:80
    {{- if eq .Values.ENABLE_TLS "true" }}
      - 443:443
    {{- end }}`,
	Version: checkT006,
}

var comparisons = map[string]bool{"eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true}

func checkT006(p *lint.Pass, v *catalog.Version) {
	for _, f := range templatedFiles(v) {
		inspect(parseTrees(f), func(n parse.Node) {
			pipe, ok := n.(*parse.PipeNode)
			if !ok || pipe == nil {
				return
			}
			for i, cmd := range pipe.Cmds {
				if len(cmd.Args) == 0 {
					continue
				}
				id, ok := cmd.Args[0].(*parse.IdentifierNode)
				if !ok || !comparisons[id.Ident] {
					continue
				}
				operands := cmd.Args[1:]
				// The text shown in a finding, printed only for one: most
				// comparisons are fine.
				shown := cmd.String
				if i > 0 && len(pipe.Cmds[i-1].Args) == 1 {
					// `.Values.X | eq true`: the piped value is the last operand.
					operands = append(operands[:len(operands):len(operands)], pipe.Cmds[i-1].Args[0])
					prev, this := pipe.Cmds[i-1], cmd
					shown = func() string { return prev.String() + " | " + this.String() }
				}
				reportLiteralCompare(p, f, id.Ident, shown, operands)
			}
		})
	}
}

func reportLiteralCompare(p *lint.Pass, f *catalog.File, op string, shown func() string, operands []parse.Node) {
	name := ""
	for _, a := range operands {
		if x, ok := valuesRef(a); ok {
			name = x
			break
		}
	}
	if name == "" {
		return
	}
	for _, a := range operands {
		var lit, fix string
		switch a := a.(type) {
		case *parse.BoolNode:
			lit = a.String()
			fix = fmt.Sprintf("`%s .Values.%s \"%s\"`", op, name, lit)
		case *parse.NumberNode:
			lit = a.Text
			if op == "eq" || op == "ne" {
				fix = fmt.Sprintf("`%s .Values.%s \"%s\"`", op, name, lit)
			} else {
				fix = fmt.Sprintf("`%s (atoi .Values.%s) %s`", op, name, lit)
			}
		default:
			continue
		}
		p.Report(nodePos(f, a), "`%s` compares the answer .Values.%s, which is always a string, with the unquoted literal %s: the template fails with \"incompatible types for comparison\" and Rancher silently truncates the output there; write %s", clip(shown(), 60), name, lit, fix)
	}
}
