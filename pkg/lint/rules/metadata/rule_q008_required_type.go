package metadata

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"gopkg.in/yaml.v3"
)

var ruleQ008 = &lint.Rule{
	ID: "Q008", Slug: "question.required-type", Formerly: []string{"q.required-type"}, Severity: lint.Error,
	Summary: "`required` is a boolean, not a string",
	Doc: "Rancher decodes `required` into a bool after a YAML round trip of `.catalog`. A quoted " +
		"`\"true\"` (or any other text) is a string there, the conversion fails and the whole version is " +
		"dropped from the catalog without a message. Write `required: true` or `required: false`, " +
		"unquoted. " +
		"Error: catalog-service's decode (v1.6) fails and drops the version.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_password
      type: password
      required: "true"
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_password
      type: password
      required: true
`,
	Version: checkRequiredType,
	Fixable: true,
}

func checkRequiredType(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		n := q.Field("required")
		if yaml11.KindOf(n) != yaml11.String {
			continue // booleans are fine; other kinds are K004's
		}
		fix := "write required: true or required: false, unquoted"
		var edit *lint.Fix
		if k, out := yaml11.Resolve(strings.TrimSpace(n.Value)); k == yaml11.Bool {
			fix = fmt.Sprintf("write required: %s, unquoted", out)
			if quote := map[yaml.Style]string{yaml.DoubleQuotedStyle: `"`, yaml.SingleQuotedStyle: "'"}[n.Style]; quote != "" {
				edit = lint.ReplaceFix(at(info, n), quote+n.Value+quote, out, "write required: "+out+", unquoted")
			}
		}
		p.ReportFix(at(info, n), edit, "%s: required %s is a string, not a boolean: Rancher's conversion of .catalog fails and the whole version is dropped; %s", qname(q), describe(n), fix)
	}
}
