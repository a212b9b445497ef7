package templating

import (
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleT007 = &lint.Rule{
	ID:       "T007",
	Slug:     "template.multiline-in-template",
	Formerly: []string{"tpl.multiline-in-template"},
	Severity: lint.Warning,
	Summary:  "multiline and password answers are inserted with `${X}`, not `{{ .Values.X }}`",
	Doc: "Template output is pasted into the YAML text before it is parsed, then interpolated. A multiline answer " +
		"(a certificate, a config file) inserted with `{{ .Values.X }}` puts its second line at column 0 and breaks " +
		"the YAML (rancher/rancher#8640); a password can contain `$`, `#`, `: ` or quotes that break the YAML or the " +
		"interpolation after it. `${X}` is substituted after parsing and its value is not scanned again, so any text is safe. " +
		"Warning: a likely runtime defect (YAML broken by an answer with several lines), which the default answers do not show.",
	Bad: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: TLS_KEY
      type: multiline
# docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TLS_KEY: {{ .Values.TLS_KEY }}
`,
	Good: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: TLS_KEY
      type: multiline
# docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TLS_KEY: ${TLS_KEY}
`,
	Version: checkT007,
}

// passThrough are functions that leave a multiline or special-character
// answer as dangerous as it was.
var passThrough = map[string]bool{"trim": true, "toString": true, "lower": true, "upper": true, "print": true}

func checkT007(p *lint.Pass, v *catalog.Version) {
	if v.Catalog == nil {
		return
	}
	for _, f := range templatedFiles(v) {
		inspect(parseTrees(f), func(n parse.Node) {
			a, ok := n.(*parse.ActionNode)
			if !ok || a.Pipe == nil || len(a.Pipe.Decl) > 0 {
				return
			}
			at, name := insertedValue(a.Pipe)
			if at == nil {
				return
			}
			q := v.Catalog.Question(name)
			if q == nil {
				return
			}
			switch q.Type {
			case "multiline":
				p.Report(nodePos(f, at), "the multiline answer %s is pasted into the YAML text by `%s`: its second line lands at column 0 and breaks the file; write ${%s} in the value instead, which Rancher substitutes after parsing", name, clip(a.String(), 60), name)
			case "password", "masked":
				p.Report(nodePos(f, at), "the password %s is pasted into the YAML text by `%s`: a password with `$`, `#`, `: ` or a quote breaks the YAML or the interpolation that follows; write ${%s} in the value instead, which Rancher substitutes after parsing", name, clip(a.String(), 60), name)
			}
		})
	}
}

// insertedValue returns the `.Values.X` an action prints unchanged (directly
// or through pass-through functions), with the node naming it.
func insertedValue(pipe *parse.PipeNode) (parse.Node, string) {
	if len(pipe.Cmds) == 0 {
		return nil, ""
	}
	first := pipe.Cmds[0]
	var at parse.Node
	var name string
	switch len(first.Args) {
	case 1:
		if x, ok := valuesRef(first.Args[0]); ok {
			at, name = first.Args[0], x
		}
	case 2:
		if id, ok := first.Args[0].(*parse.IdentifierNode); ok && passThrough[id.Ident] {
			if x, ok := valuesRef(first.Args[1]); ok {
				at, name = first.Args[1], x
			}
		}
	case 3:
		if x, n, ok := valuesIndex(first); ok {
			at, name = n, x
		}
	}
	if at == nil {
		return nil, ""
	}
	for _, c := range pipe.Cmds[1:] {
		if len(c.Args) != 1 {
			return nil, ""
		}
		if id, ok := c.Args[0].(*parse.IdentifierNode); !ok || !passThrough[id.Ident] {
			return nil, ""
		}
	}
	return at, name
}
