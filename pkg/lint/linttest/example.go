package linttest

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"
)

// A rule's Bad and Good examples (lint.Rule) are files of a catalog, so that
// a test can lint them. An example is the text of one file, or of several:
// a line `# <path>` (nothing else on the line; the path has a file
// extension) starts the next file, and the text before the first such line
// is docker-compose.yml. A path is
//
//   - relative to the template folder templates/app/ of a minimal catalog
//     (Minimal): config.yml, catalogIcon-app.svg, 0/docker-compose.yml; a
//     bare version file name (docker-compose.yml, rancher-compose.yml.tpl,
//     README.md) is in version folder 0/. The example's files replace the
//     minimal catalog's files of the same path.
//   - or, with a leading slash, relative to the catalog root
//     (/templates/nginx/config.yml, /my-app-templates/web/config.yml). When
//     the example writes under /templates/, its files are the whole
//     templates/ folder and the minimal catalog's go.
//
// For the rules that compare with a base revision (lint --base), the base
// catalog is the minimal one with the example's files under base/
// (base/0/rancher-compose.yml); the other files are the revision under
// review. A header may end with
// ` -> <target>` for a symbolic link, or with ` (UTF-16)` for a file saved
// in UTF-16.
//
// Minimal is the minimal catalog, by slash path.
var Minimal = map[string]string{
	"templates/app/config.yml":            "name: app\nversion: 1.0.0\ncategories: [Web]\n",
	"templates/app/0/docker-compose.yml":  "version: '2'\nservices:\n  web:\n    image: nginx:1.25\n",
	"templates/app/0/rancher-compose.yml": "version: '2'\n.catalog:\n  name: app\n  version: 1.0.0\n",
}

var headerRe = regexp.MustCompile(`^# (/?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*\.[A-Za-z0-9]+)(?: -> (\S+)| \((UTF-16)\))?$`)

// exampleFile is one file of an example.
type exampleFile struct {
	path, link string
	utf16      bool
	text       strings.Builder
}

// WriteExample writes the catalogs an example is written for under dir:
// head is the revision under review, base the base revision.
func WriteExample(dir, example string) (head, base string, err error) {
	files := []*exampleFile{{path: "docker-compose.yml"}}
	for _, line := range strings.SplitAfter(example, "\n") {
		if m := headerRe.FindStringSubmatch(strings.TrimRight(line, "\r\n")); m != nil {
			files = append(files, &exampleFile{path: m[1], link: m[2], utf16: m[3] != ""})
			continue
		}
		files[len(files)-1].text.WriteString(line)
	}
	if strings.TrimSpace(files[0].text.String()) == "" {
		files = files[1:]
	}
	own := map[bool]map[string]*exampleFile{false: {}, true: {}} // by "is base"
	whole := false
	for _, f := range files {
		p, isBase := strings.CutPrefix(f.path, "base/")
		switch rest, root := strings.CutPrefix(p, "/"); {
		case root:
			p = rest
			whole = whole || strings.HasPrefix(p, "templates/")
		case !strings.Contains(p, "/") && p != "config.yml" && !strings.HasPrefix(p, "catalogIcon"):
			p = "templates/app/0/" + p
		default:
			p = "templates/app/" + p
		}
		p = path.Clean(p)
		if _, dup := own[isBase][p]; dup {
			return "", "", fmt.Errorf("the example names %s twice", f.path)
		}
		own[isBase][p] = f
	}
	write := func(root string, files map[string]*exampleFile) error {
		all := map[string]*exampleFile{}
		if !whole {
			for p, text := range Minimal {
				f := &exampleFile{path: p}
				f.text.WriteString(text)
				all[p] = f
			}
		}
		for p, f := range files {
			all[p] = f
		}
		for p, f := range all {
			dst := filepath.Join(root, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			if f.link != "" {
				if err := os.Symlink(filepath.FromSlash(f.link), dst); err != nil {
					return err
				}
				continue
			}
			data := []byte(f.text.String())
			if f.utf16 {
				data = encodeUTF16(f.text.String())
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	head = filepath.Join(dir, "head")
	if err := write(head, own[false]); err != nil {
		return "", "", err
	}
	base = filepath.Join(dir, "base")
	if err := write(base, own[true]); err != nil {
		return "", "", err
	}
	return head, base, nil
}

// encodeUTF16 encodes s as UTF-16LE with a byte order mark, as Windows
// editors save "Unicode" text.
func encodeUTF16(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}
