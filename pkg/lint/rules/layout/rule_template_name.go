package layout

import (
	"regexp"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL002 = &lint.Rule{
	ID:       "L002",
	Slug:     "layout.template-name",
	Severity: lint.Info,
	Summary:  "template folder names are 1-63 letters, digits and '-'",
	Doc: "The template folder's name is the default stack name. The community catalog CI requires " +
		"`^[a-zA-Z0-9-]{1,63}$` (test_stack_name), and Rancher's UI strips every other character when it " +
		"proposes the stack name, so `my_app` is deployed as `myapp`. Stack names are DNS labels: use letters, " +
		"digits and '-' only. Info: Rancher 1.6 lists and deploys the template whatever its folder name; " +
		"`profile: community` makes it an error, as the community catalog's CI does.",
	Bad: `# /templates/my_app/config.yml
name: my_app
version: "1.0.0"
`,
	Good: `# /templates/my-app/config.yml
name: my-app
version: "1.0.0"
`,
	Template: checkTemplateName,
}

var templateNameRe = regexp.MustCompile(`^[a-zA-Z0-9-]{1,63}$`)

func checkTemplateName(p *lint.Pass, t *catalog.Template) {
	if templateNameRe.MatchString(t.Name) {
		return
	}
	pos := catalog.FolderPos(t.Dir)
	if bad := badNameChars(t.Name); bad != "" {
		p.Report(pos, "template folder name %q contains %s: community CI accepts only letters, digits and '-' (the name is the default stack name, and Rancher's UI strips other characters); rename the folder to %q",
			t.Name, bad, suggestName(t.Name))
		return
	}
	p.Report(pos, "template folder name %q is %d characters long: community CI allows at most 63 (a stack name is a DNS label); rename the folder to %q",
		t.Name, len(t.Name), suggestName(t.Name))
}

// badNameChars lists the distinct characters a template name may not have.
func badNameChars(name string) string {
	var seen []string
	for _, r := range name {
		if r < 128 && (r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			continue
		}
		q := "'" + string(r) + "'"
		if r == ' ' {
			q = "spaces"
		}
		found := false
		for _, s := range seen {
			found = found || s == q
		}
		if !found {
			seen = append(seen, q)
		}
	}
	return strings.Join(seen, ", ")
}

// suggestName turns runs of other characters into single dashes and keeps
// the result within 63 characters.
func suggestName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 63 {
		s = strings.TrimRight(s[:63], "-")
	}
	if s == "" {
		s = "my-template"
	}
	return s
}
