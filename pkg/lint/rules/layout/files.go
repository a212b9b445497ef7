package layout

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// directFiles returns the files lying directly in the version folder (not in
// a sub-folder of it).
func directFiles(v *catalog.Version) []*catalog.File {
	var out []*catalog.File
	for _, f := range v.Files {
		if f.Path == v.Dir+"/"+f.Name {
			out = append(out, f)
		}
	}
	return out
}

// nearMiss returns the first file whose name differs from want only in case
// or is one of the listed misspellings, so a finding can name the file to
// rename instead of only saying that want is missing.
func nearMiss(files []*catalog.File, want string, variants ...string) *catalog.File {
	for _, f := range files {
		if f.Name == want {
			continue
		}
		if strings.EqualFold(f.Name, want) {
			return f
		}
		for _, v := range variants {
			if strings.EqualFold(f.Name, v) {
				return f
			}
		}
	}
	return nil
}

// eachFile calls fn for every file of the catalog model.
func eachFile(c *catalog.Catalog, fn func(*catalog.File)) {
	for _, f := range c.Stray {
		fn(f)
	}
	for _, t := range c.Templates {
		for _, f := range []*catalog.File{t.Config, t.Readme} {
			if f != nil {
				fn(f)
			}
		}
		for _, list := range [][]*catalog.File{t.Icons, t.Files} {
			for _, f := range list {
				fn(f)
			}
		}
		for _, v := range t.Versions {
			for _, f := range v.Files {
				fn(f)
			}
		}
	}
}
