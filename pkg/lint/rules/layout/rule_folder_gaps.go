package layout

import (
	"fmt"
	"strconv"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleL010 = &lint.Rule{
	ID:       "L010",
	Slug:     "layout.folder-gaps",
	Severity: lint.Info,
	Summary:  "numeric version folders count up from 0 without gaps",
	Doc: "Rancher accepts any integer folder names and does not order versions by folder number, so gaps are " +
		"harmless to Rancher. By convention, though, folders count 0, 1, 2, ... and a new version gets the " +
		"next number; a gap usually means a folder was deleted, renamed or mistyped. " +
		"Info: Rancher orders versions by their version string, not by folder number; a gap is only untidy.",
	Bad: `# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
# 3/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 3/rancher-compose.yml
.catalog:
  version: "1.3.0"
`,
	Good: `# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 1/rancher-compose.yml
.catalog:
  version: "1.1.0"
# 2/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
# 2/rancher-compose.yml
.catalog:
  version: "1.3.0"
`,
	Template: checkFolderGaps,
}

func checkFolderGaps(p *lint.Pass, t *catalog.Template) {
	if t.Partial {
		return
	}
	expect := 0
	for _, v := range t.Versions { // sorted by number, integers first
		n, err := strconv.Atoi(v.Folder)
		if err != nil || n < expect {
			continue // not numeric, negative, or the same number written twice (07 and 7)
		}
		if n > expect {
			pos := catalog.FolderPos(v.Dir)
			switch {
			case expect == 0:
				p.Report(pos, "version folders of %s start at %d, not 0: by convention they count up from 0 (Rancher itself accepts this)", t.Dir, n)
			default:
				p.Report(pos, "version folders of %s skip %s (%d is followed by %s): by convention each new version takes the next number (Rancher itself accepts gaps)",
					t.Dir, span(expect, n-1), expect-1, v.Folder)
			}
		}
		expect = n + 1
	}
}

func span(a, b int) string {
	if a == b {
		return strconv.Itoa(a)
	}
	return fmt.Sprintf("%d-%d", a, b)
}
