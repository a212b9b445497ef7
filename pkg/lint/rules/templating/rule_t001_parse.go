package templating

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleT001 = &lint.Rule{
	ID:       "T001",
	Slug:     "template.parse",
	Formerly: []string{"tpl.parse"},
	Severity: lint.Error,
	Summary:  "every compose file parses as a Go template unless it starts with `# notemplating`",
	Doc: "Rancher's executor runs docker-compose and rancher-compose files through Go's text/template (with sprig) " +
		"whatever their suffix; `.tpl` is only a marker. Literal braces such as Cattle-style `%{{service_name}}` in a " +
		"question default, or a broken action, make parsing fail and the stack cannot be deployed. Put `# notemplating` " +
		"on the file's first line when it needs literal braces, or write them as {{`{{`}}. Error from Rancher v1.6.0, the first " +
		"release that templates compose files; info for a version capped below it with maximum_rancher_version, which no " +
		"templating Rancher lists. " +
		"Error: the executor (v1.6) cannot template the file and the deploy fails.",
	Bad: `.catalog:
  questions:
    - variable: NAME_TEMPLATE
      default: "%{{service_name}}.%{{stack_name}}"`,
	Good: `# notemplating
.catalog:
  questions:
    - variable: NAME_TEMPLATE
      default: "%{{service_name}}.%{{stack_name}}"`,
	Version: checkT001,
	Fixable: true,
}

// literalBraces matches the Cattle-style placeholders (`{{service_name}}`)
// that are meant literally; a file whose every `{{` is one of them needs
// none of Rancher's templating, so `# notemplating` is a safe fix.
var literalBraces = regexp.MustCompile(`\{\{[A-Za-z_][A-Za-z0-9_]*\}\}`)

func notemplatingFix(f *catalog.File) *lint.Fix {
	if f.Data == nil || bytes.Count(f.Data, []byte("{{")) != len(literalBraces.FindAllIndex(f.Data, -1)) {
		return nil
	}
	return lint.InsertFix(f, "# notemplating\n", "make # notemplating the first line")
}

func checkT001(p *lint.Pass, v *catalog.Version) {
	for _, f := range templatedFiles(v) {
		err := f.Rendered.ParseErr
		if err == nil {
			continue
		}
		pos, msg := errorPos(f, err)
		hint := "fix the template action, or make `# notemplating` the file's first line if the braces are meant literally"
		if m := notDefinedRe.FindStringSubmatch(msg); m != nil {
			hint = fmt.Sprintf("`{{%s}}` is read as a call of an unknown template function; if the braces are meant literally, make `# notemplating` the file's first line or write them as {{`{{`}}", m[1])
		}
		if sev, capped := templatingSeverity(v, lint.Error); capped != "" {
			p.ReportSeverity(sev, pos, "%s is not a valid Go template (%s)%s; %s", f.Name, msg, capped, hint)
			continue
		}
		p.ReportFix(pos, notemplatingFix(f), "%s is not a valid Go template (%s): Rancher's executor templates every compose file, so deploying this version fails; %s", f.Name, msg, hint)
	}
}
