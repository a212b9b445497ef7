package layout

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL001 = &lint.Rule{
	ID:       "L001",
	Slug:     "layout.top-folder",
	Severity: lint.Error,
	Summary:  "template folders live in templates/ or <kind>-templates/",
	Doc: "Rancher's catalog service only reads a template folder `<top>/<name>/` when `<top>` is `templates` " +
		"or a single word followed by `-templates` (`infra-templates`, `swarm-templates`, ...); the catalog CI " +
		"applies the same pattern. A template anywhere else, or a `config.yml` put directly into `templates/`, " +
		"is not part of the catalog: it never shows up in Rancher. " +
		"Error: catalog-service (v1.6) only reads template folders under `templates/` or `<kind>-templates/`; anything else is never listed.",
	Bad: `# /my-app-templates/nginx/config.yml
name: nginx
version: "1.25.3"
`,
	Good: `# /templates/nginx/config.yml
name: nginx
version: "1.25.3"
`,
	Catalog: checkTopFolders,
}

func checkTopFolders(p *lint.Pass, c *catalog.Catalog) {
	reported := map[string]bool{}
	for _, pr := range c.Problems {
		if pr.Kind != "misplaced-template" {
			continue
		}
		parts := strings.Split(pr.Pos.Path, "/")
		if len(parts) < 2 {
			continue
		}
		reported[parts[0]+"/"+parts[1]] = true
		p.Report(pr.Pos, "template folder %s/%s is not under templates/ or <kind>-templates/, so Rancher never reads it: %s",
			parts[0], parts[1], topAdvice(parts[0], parts[1]))
	}
	for _, f := range c.Stray {
		parts := strings.Split(f.Path, "/")
		switch {
		case len(parts) == 2 && catalog.IsTemplateTop(parts[0]) && f.Name == "config.yml":
			p.Report(catalog.FilePos(f), "config.yml lies directly in %s/, where Rancher takes it for a template folder named \"config.yml\": "+
				"each template needs its own folder, %s/<name>/config.yml", parts[0], parts[0])
		case len(parts) == 4 && !catalog.IsTemplateTop(parts[0]) && isComposeName(f.Name) && isInt(parts[2]):
			dir := parts[0] + "/" + parts[1]
			if reported[dir] {
				continue
			}
			reported[dir] = true
			p.Report(catalog.FolderPos(dir), "%s looks like a template folder (version folder %s holds %s) but is not under templates/ or <kind>-templates/, so Rancher never reads it: %s",
				dir, parts[2], f.Name, topAdvice(parts[0], parts[1]))
		}
	}
}

var wordRe = regexp.MustCompile(`^\w+$`)

// topAdvice says where a template folder found under top should go.
func topAdvice(top, name string) string {
	lower := strings.ToLower(top)
	switch {
	case top != "templates" && strings.EqualFold(top, "templates"):
		return fmt.Sprintf("folder names are case-sensitive, rename %s/ to templates/", top)
	case lower == "template":
		return fmt.Sprintf("rename %s/ to templates/", top)
	case strings.HasSuffix(lower, "-templates"):
		kind := top[:len(top)-len("-templates")]
		if !strings.HasSuffix(top, "-templates") {
			return fmt.Sprintf("folder names are case-sensitive, rename %s/ to %s-templates/", top, kind)
		}
		if !wordRe.MatchString(kind) {
			return fmt.Sprintf("the kind before -templates must be one word of letters, digits or _ (Rancher takes the part before the first '-' as the template base), so rename %s/ to e.g. %s-templates/",
				top, strings.NewReplacer("-", "", ".", "", " ", "").Replace(kind))
		}
	}
	return fmt.Sprintf("move it to templates/%s/ (or infra-templates/%s/ for an infrastructure stack)", name, name)
}

func isComposeName(name string) bool {
	switch name {
	case "rancher-compose.yml", "docker-compose.yml", "docker-compose.yml.tpl", "rancher-compose.yml.tpl":
		return true
	}
	return false
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
