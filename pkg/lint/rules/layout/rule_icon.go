package layout

import (
	"path"
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL004 = &lint.Rule{
	ID:       "L004",
	Slug:     "layout.icon",
	Severity: lint.Warning,
	Summary:  "a template has exactly one catalogIcon* file with an image extension",
	Doc: "Rancher shows the file whose name starts with `catalogIcon` as the template's icon and derives its " +
		"content type from the extension, so it must be .svg, .png, .jpg, .jpeg or .gif. Without one the " +
		"catalog tile is blank. When several files match, the last one in lexical order silently wins, " +
		"which is rarely the one meant. " +
		"Warning: Rancher lists and deploys the template; only its tile is wrong or blank.",
	Bad: `# catalogIcon-app.png
# catalogIcon-app.svg
`,
	Good: `# catalogIcon-app.svg
`,
	Template: checkIcon,
}

var imageExts = []string{".svg", ".png", ".jpg", ".jpeg", ".gif"}

func checkIcon(p *lint.Pass, t *catalog.Template) {
	if t.Partial {
		return
	}
	if len(t.Icons) == 0 {
		for _, f := range t.Files {
			if strings.HasPrefix(strings.ToLower(f.Name), "catalogicon") {
				p.Report(catalog.FilePos(f), "%s is not used as the template icon: Rancher matches the prefix catalogIcon case-sensitively; rename it to catalogIcon%s",
					f.Name, f.Name[len("catalogicon"):])
				return
			}
		}
		if f := versionIcon(t); f != nil {
			p.Report(catalog.FolderPos(t.Dir), "template %s has no catalogIcon* file next to config.yml; catalog-service takes %s from a version folder instead (L009), which depends on folder order: move it up to %s/", t.Dir, f.Path, t.Dir)
			return
		}
		p.Report(catalog.FolderPos(t.Dir), "template %s has no catalogIcon* file, so its catalog tile has no icon: add catalogIcon-%s.svg (or .png) next to config.yml", t.Dir, t.Name)
		return
	}
	for _, f := range t.Icons {
		if ext := strings.ToLower(path.Ext(f.Name)); !slices.Contains(imageExts, ext) {
			p.Report(catalog.FilePos(f), "icon %s has no image extension (.svg, .png, .jpg, .jpeg or .gif): Rancher serves the icon with a content type taken from the extension, so browsers do not display it; rename it", f.Name)
		}
	}
	if len(t.Icons) > 1 {
		icons := slices.Clone(t.Icons)
		slices.SortFunc(icons, func(a, b *catalog.File) int { return strings.Compare(a.Name, b.Name) })
		shown := icons[len(icons)-1]
		for _, f := range icons[:len(icons)-1] {
			p.Report(catalog.FilePos(f), "template %s has %d catalogIcon* files and Rancher shows only the last in lexical order, %s: delete %s (or the other icons)",
				t.Dir, len(icons), shown.Name, f.Name)
		}
	}
}

// versionIcon returns a catalogIcon* file of one of t's version folders,
// which catalog-service also takes as the template's icon.
func versionIcon(t *catalog.Template) *catalog.File {
	for _, v := range t.Versions {
		for _, f := range v.Files {
			if strings.HasPrefix(f.Name, "catalogIcon") {
				return f
			}
		}
	}
	return nil
}
