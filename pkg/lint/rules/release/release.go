// Package release holds the R rules, which only a change can break: they
// compare a catalog with itself at a base revision (`lint --base REV`).
// Released version folders are immutable, new versions sort above old ones,
// and folder numbers are never reused.
package release

import (
	"bytes"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

// Rules returns the family's rules.
func Rules() []*lint.Rule { return rules }

var rules = []*lint.Rule{ruleR001, ruleR002, ruleR003, ruleR004}

// released returns a template's version folders keyed by folder name.
func released(t *catalog.Template) map[string]*catalog.Version {
	m := map[string]*catalog.Version{}
	if t != nil {
		for _, v := range t.Versions {
			m[v.Folder] = v
		}
	}
	return m
}

func fileByName(v *catalog.Version, name string) *catalog.File {
	for _, f := range v.Files {
		if f.Path[len(v.Dir)+1:] == name {
			return f
		}
	}
	return nil
}

// firstDiffLine is the first 1-based line where a and b differ.
func firstDiffLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) && i < len(lb); i++ {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	n := min(len(la), len(lb))
	return max(n, 1)
}

func versionOf(v *catalog.Version) string {
	if v == nil || v.Catalog == nil {
		return ""
	}
	return v.Catalog.Version
}
