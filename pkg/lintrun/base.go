package lintrun

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/gitrepo"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/lintconfig"
)

// gitBase is the git work tree holding the linted catalog, and the
// revision a pull request is compared with.
type gitBase struct {
	git gitrepo.Git
	top string // the work tree's root, symlinks resolved
	rev string
}

// rel is abs (symlinks resolved) as a slash path relative to the work tree.
func (b *gitBase) rel(p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(b.top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// loadBase reads, at git revision rev, the same part of the catalog that
// PATH p selects in the catalog rooted at root: the whole catalog for a
// catalog root, one template folder for a template folder, one version
// folder for a version folder. Comparing a template folder of the work tree
// with the whole catalog at the base would report every other entry as
// removed.
func loadBase(ctx context.Context, p, root, rev string) (*gitBase, *catalog.Catalog, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	top, err := gitrepo.TopLevel(ctx, abs)
	if err != nil {
		return nil, nil, usagef("--base: %v (lint --base compares a git work tree with a revision)", err)
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	b := &gitBase{git: gitrepo.Git{Dir: top}, top: top, rev: rev}
	prefix, ok := b.rel(root)
	if !ok {
		return nil, nil, usagef("--base: %s is outside the git work tree %s", root, top)
	}
	files, err := b.git.ReadTree(ctx, rev, prefix)
	if err != nil {
		return nil, nil, usagef("--base: %v (fetch the revision first, e.g. actions/checkout with fetch-depth: 0)", err)
	}
	sel := "."
	if pr, ok := b.rel(p); ok {
		if s, err := filepath.Rel(filepath.FromSlash(prefix), filepath.FromSlash(pr)); err == nil && s != "." {
			sel = filepath.ToSlash(s)
		}
	}
	m, err := catalog.NewMemFS(files)
	if err != nil {
		return nil, nil, fmt.Errorf("--base: reading %s at %s: %w", root, rev, err)
	}
	if sel != "." {
		if _, err := fs.Stat(m, sel); err != nil {
			// The folder is new in the change: nothing to compare with.
			return b, &catalog.Catalog{Root: "."}, nil
		}
	}
	cat, err := catalog.LoadFS(m, sel, catalog.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("--base: reading %s at %s: %w", root, rev, err)
	}
	return b, cat, nil
}

// config reads the configuration as it was at the base revision: the file
// given with --config when it lies in the work tree (one outside it is not
// part of the change and is read from disk), or else the first
// .catalogen.yaml on the search path. nil when there is none.
func (b *gitBase) config(ctx context.Context, p, root string, o Options) (*lintconfig.Config, error) {
	if o.NoConfig {
		return nil, nil
	}
	var candidates []string
	if o.Config != "" {
		rel, ok := b.rel(o.Config)
		if !ok {
			return Config(p, root, o)
		}
		candidates = []string{rel}
	} else {
		dirs, err := lintconfig.SearchDirs(dirOf(p), root)
		if err != nil {
			return nil, err
		}
		for _, d := range dirs {
			if rel, ok := b.rel(d); ok {
				candidates = append(candidates, path.Join(rel, lintconfig.FileName))
			}
		}
	}
	for _, c := range candidates {
		files, err := b.git.ReadTree(ctx, b.rev, c)
		if err != nil {
			return nil, usagef("--base: %v", err)
		}
		data, ok := files[""]
		if !ok {
			continue
		}
		name := b.rev + ":" + c
		cfg, err := lintconfig.Parse(name, data, rules.Lookup)
		if err != nil {
			return nil, usagef("configuration at the base revision: %v", err)
		}
		return cfg, nil
	}
	return nil, nil
}

// RevisionExists reports whether rev names a commit of the work tree that
// holds dir (false in a repository without commits).
func RevisionExists(ctx context.Context, dir, rev string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	top, err := gitrepo.TopLevel(ctx, abs)
	if err != nil {
		return false
	}
	_, err = gitrepo.Git{Dir: top}.ResolveCommit(ctx, rev)
	return err == nil
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
