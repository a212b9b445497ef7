package linttest

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// A rule's Bad and Good examples (lint.Rule) are files of a catalog, so that
// a test can lint them. An example is the text of one file, or of several:
// a line `# <path>` (nothing else on the line, and a file extension) starts
// the next file. Paths are:
//
//   - relative to the template folder templates/app/ of a minimal catalog
//     (config.yml, catalogIcon-app.svg, 0/docker-compose.yml, ...); a bare
//     version file name (docker-compose.yml, rancher-compose.yml.tpl,
//     README.md) is in version folder 0/. The example's files replace the
//     minimal catalog's.
//   - or relative to the catalog root (templates/..., <kind>-templates/...),
//     and then the example's files are the whole catalog.
//
// A path that starts with base/ is a file of the catalog at the base
// revision (lint --base), for rules that compare with one; the catalog's
// other files are the revision under review. Text before the first header is
// docker-compose.yml.
//
// Minimal is the minimal catalog, by slash path.
var Minimal = map[string]string{
	"templates/app/config.yml":            "name: app\nversion: 1.0.0\ncategories: [Web]\n",
	"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25\n",
	"templates/app/0/rancher-compose.yml": "version: '2'\n.catalog:\n  name: app\n  version: 1.0.0\n",
}

var headerRe = regexp.MustCompile(`^# ([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*\.[A-Za-z]+)$`)

// templateLevel are the files of a template folder rather than of a version.
func templateLevel(name string) bool {
	return name == "config.yml" || strings.HasPrefix(name, "catalogIcon")
}

// ExampleCatalog returns the catalog an example is written for (see
// Minimal): the files of the revision under review and, when the example
// has base/ files, those of the base revision (nil otherwise).
func ExampleCatalog(example string) (head, base map[string][]byte, err error) {
	type file struct {
		path string
		text strings.Builder
	}
	files := []*file{{path: "docker-compose.yml"}}
	for _, line := range strings.SplitAfter(example, "\n") {
		if m := headerRe.FindStringSubmatch(strings.TrimRight(line, "\r\n")); m != nil {
			files = append(files, &file{path: m[1]})
			continue
		}
		files[len(files)-1].text.WriteString(line)
	}
	if strings.TrimSpace(files[0].text.String()) == "" {
		files = files[1:]
	}
	own := map[bool]map[string][]byte{false: {}, true: {}} // by "is base"
	whole := false
	for _, f := range files {
		p, isBase := strings.CutPrefix(f.path, "base/")
		top, _, nested := strings.Cut(p, "/")
		switch {
		case nested && (top == "templates" || strings.HasSuffix(top, "-templates")):
			whole = true
		case !nested && !templateLevel(p):
			p = "templates/app/0/" + p
		default:
			p = "templates/app/" + p
		}
		p = path.Clean(p)
		if _, dup := own[isBase][p]; dup {
			return nil, nil, fmt.Errorf("example names %s twice", f.path)
		}
		own[isBase][p] = []byte(f.text.String())
	}
	build := func(files map[string][]byte) map[string][]byte {
		out := map[string][]byte{}
		if !whole {
			for p, text := range Minimal {
				out[p] = []byte(text)
			}
		}
		for p, text := range files {
			out[p] = text
		}
		return out
	}
	head = build(own[false])
	if len(own[true]) > 0 {
		base = build(own[true])
	}
	return head, base, nil
}
