package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/gitrepo"
	"github.com/catalogen/catalogen/pkg/lint"
)

// loadBase reads the catalog rooted at root as it was at git revision rev.
func loadBase(ctx context.Context, root, rev string) (*catalog.Catalog, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	top, err := gitrepo.TopLevel(ctx, abs)
	if err != nil {
		return nil, usageErrorf("--base: %v", err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	prefix, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(prefix, "..") {
		return nil, usageErrorf("--base: %s is outside the git work tree %s", root, top)
	}
	files, err := gitrepo.Git{Dir: top}.ReadTree(ctx, rev, filepath.ToSlash(prefix))
	if err != nil {
		return nil, usageErrorf("--base: %v", err)
	}
	return catalog.LoadFiles(files, catalog.Options{})
}

// touched returns the template folders (and stray files) whose files differ
// between base and cur.
func touched(base, cur *catalog.Catalog) map[string]bool {
	files := func(c *catalog.Catalog) map[string]map[string][]byte {
		out := map[string]map[string][]byte{}
		add := func(group string, f *catalog.File) {
			if f == nil {
				return
			}
			if out[group] == nil {
				out[group] = map[string][]byte{}
			}
			out[group][f.Path] = f.Data
		}
		for _, f := range c.Stray {
			add(f.Path, f)
		}
		for _, t := range c.Templates {
			add(t.Dir, t.Config)
			add(t.Dir, t.Readme)
			for _, f := range append(append([]*catalog.File{}, t.Icons...), t.Files...) {
				add(t.Dir, f)
			}
			for _, v := range t.Versions {
				for _, f := range v.Files {
					add(t.Dir, f)
				}
			}
		}
		return out
	}
	a, b := files(base), files(cur)
	changed := map[string]bool{}
	for group, fa := range a {
		fb := b[group]
		if len(fa) != len(fb) {
			changed[group] = true
			continue
		}
		for p, d := range fa {
			if e, ok := fb[p]; !ok || !bytes.Equal(d, e) {
				changed[group] = true
				break
			}
		}
	}
	for group := range b {
		if _, ok := a[group]; !ok {
			changed[group] = true
		}
	}
	return changed
}

// onlyTouched keeps the findings inside changed templates or files.
func onlyTouched(res *lint.Result, changed map[string]bool) {
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		p := f.Pos.Path
		parts := strings.SplitN(p, "/", 3)
		group := p
		if len(parts) >= 2 && catalog.IsTemplateTop(parts[0]) {
			group = parts[0] + "/" + parts[1]
		}
		if changed[group] {
			kept = append(kept, f)
		}
	}
	res.Findings = kept
}
