package templating

import (
	"bytes"
	"fmt"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules/internal/yamlpos"
)

var ruleT005 = &lint.Rule{
	ID:       "T005",
	Slug:     "template.rendered-yaml",
	Formerly: []string{"tpl.rendered-yaml"},
	Severity: lint.Error,
	Summary:  "a compose template renders to valid YAML",
	Doc: "After templating, Rancher's executor parses the output as YAML; if that fails the stack cannot be deployed. " +
		"The source may look fine while the rendered text is broken: an action that emits a line at the wrong " +
		"indentation, a `{{- }}` that eats a needed newline, or an answer with several lines. catalogen renders " +
		"with the default answers and maps the failing rendered line back to the template line that produced it. " +
		"Error: the executor (v1.6) cannot parse the rendered file and the deploy fails.",
	Bad: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: DEBUG
      type: boolean
      default: "true"
# docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      - LANG=C
    {{- if eq .Values.DEBUG "true" }}
      DEBUG: "1"      # a mapping entry in a list
    {{- end }}
`,
	Good: `# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: DEBUG
      type: boolean
      default: "true"
# docker-compose.yml.tpl
version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      - LANG=C
    {{- if eq .Values.DEBUG "true" }}
      - DEBUG=1
    {{- end }}
`,
	Version: checkT005,
}

func checkT005(p *lint.Pass, v *catalog.Version) {
	for _, f := range templatedFiles(v) {
		r := f.Rendered
		if r.ParseErr != nil || r.YAMLErr == nil || bytes.Equal(r.Data, f.Data) {
			// Unchanged output: the raw file's YAML error is reported by
			// the raw-parse rules.
			continue
		}
		e := r.YAMLErr
		pos := catalog.FilePos(f)
		rendered := ""
		if e.Line > 0 {
			line, col := yamlpos.Locate(r.Data, e)
			pos = catalog.RenderedLinePos(f, line, col)
			rendered = fmt.Sprintf(" at rendered line %d", line)
			if text := renderedLine(r.Data, line); text != "" {
				rendered += fmt.Sprintf(" (`%s`)", clip(text, 60))
			}
		}
		cause := "check the indentation and newlines that the template actions around this line produce"
		if r.ExecErr != nil {
			cause = "the output was cut short by the template execution error (T002); fix that first"
		}
		sev, capped := templatingSeverity(v, p.Rule().Severity)
		p.ReportSeverity(sev, pos, "%s renders with the default answers to invalid YAML%s: %s; Rancher cannot deploy it; %s%s", f.Name, rendered, e.Msg, cause, capped)
	}
}

// renderedLine returns the 1-based line n of rendered text.
func renderedLine(data []byte, n int) string {
	for i := 1; len(data) > 0; i++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if i == n {
			return string(bytes.TrimRight(line, "\r"))
		}
		data = rest
	}
	return ""
}
