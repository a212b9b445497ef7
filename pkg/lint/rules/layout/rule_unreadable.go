package layout

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL011 = &lint.Rule{
	ID:       "L011",
	Slug:     "layout.unreadable",
	Severity: lint.Error,
	Summary:  "every file of the catalog can be read and checked",
	Doc: "catalogen reads every regular file of the catalog. A file it cannot read (permissions), that is " +
		"not a regular file (a device or a named pipe), that is larger than catalogen's limit for catalog " +
		"files, or a text file holding binary NUL bytes (e.g. saved as UTF-16) is not checked at all. Rancher's " +
		"catalog service silently skips files it cannot read, and cannot parse YAML with NUL bytes. " +
		"Error: catalog-service cannot read such a file either, so what it holds is lost.",
	Bad: `# rancher-compose.yml (UTF-16)
.catalog:
  version: "1.0.0"
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
`,
	Catalog: checkUnreadable,
}

func checkUnreadable(p *lint.Pass, c *catalog.Catalog) {
	for _, pr := range c.Problems {
		switch pr.Kind {
		case "not-regular":
			p.Report(pr.Pos, "%s is not a regular file (a device, socket or named pipe), so it cannot be part of a catalog: remove it", pr.Pos.Path)
		case "unreadable", "too-large", "binary":
			p.Report(pr.Pos, "%s was not checked (%s)%s", pr.Pos.Path, pr.Msg, advice(pr.Msg))
		}
	}
	eachFile(c, func(f *catalog.File) {
		if f.ReadErr != nil {
			p.Report(catalog.FilePos(f), "%s was not checked: %v%s", f.Name, f.ReadErr, advice(f.ReadErr.Error()))
		}
	})
}

// advice adds the fix for the loader's refusals that do not carry one.
func advice(msg string) string {
	switch {
	case strings.Contains(msg, "NUL"):
		return "; save it as UTF-8 text (UTF-16 files are full of NUL bytes)"
	case strings.Contains(msg, "cannot read"):
		return "; Rancher's catalog service skips files it cannot read, so fix its permissions"
	}
	return ""
}
