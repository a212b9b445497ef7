package catalogdir

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/gitrepo"
	"github.com/catalogen/catalogen/pkg/render"
)

// Plan is what a build would make of the output folder.
type Plan struct {
	Files      map[string][]byte // every rendered file at its path (slash, relative to the folder)
	Changed    []string          // paths whose content is new or different, sorted
	NewFolders []NewFolder       // version folders the build adds
	// Placed is every rendered version with its folder, released or new.
	Placed   []NewFolder
	existing map[string][]byte
}

// Add puts a file into the plan after it was made (what is computed from
// the planned tree itself, such as a new folder's diagram).
func (p *Plan) Add(fp string, content []byte) error {
	if err := checkRelPath(fp); err != nil {
		return err
	}
	p.Files[fp] = content
	if old, ok := p.existing[fp]; ok && bytes.Equal(old, content) {
		return nil
	}
	if i, found := slices.BinarySearch(p.Changed, fp); !found {
		p.Changed = slices.Insert(p.Changed, i, fp)
	}
	return nil
}

// NewFolder is a release that gets its first folder.
type NewFolder struct {
	Entry, Version, Path string
}

// UpToDate reports whether the folder already holds exactly the plan.
func (p *Plan) UpToDate() bool { return len(p.Changed) == 0 }

// ImmutableError reports released folders the blueprints would change.
type ImmutableError struct {
	Violations []Violation
}

// Violation is one released folder that would change.
type Violation struct {
	Entry, Version, Folder, Blueprint string
	Release                           render.Version
	Files                             []string // base names that differ or are missing
	NextFolder                        string
	Diff                              string
	// EditedByHand: the folder is in a git work tree and differs from its
	// last commit, so the difference is an edit on disk, not the blueprint.
	EditedByHand bool
}

func (e *ImmutableError) Error() string {
	var b strings.Builder
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("\n")
		}
		r := v.Release.Release
		files := strings.Join(v.Files, ", ")
		if v.EditedByHand {
			fmt.Fprintf(&b, "%s, the released version %s of entry %s, was edited by hand: %s differ from the last commit and from what the blueprint renders for that release.\n", v.Folder, v.Version, v.Entry, files)
			fmt.Fprintf(&b, "Released folders never change: put the folder back (git checkout -- %s) and build again. To change the release on purpose, ship it as a new packaging revision: add to %s\n", v.Folder, v.Blueprint)
		} else {
			fmt.Fprintf(&b, "%s holds the released version %s of entry %s, but the files on disk differ from what the blueprint renders for that release: %s.\n", v.Folder, v.Version, v.Entry, files)
			b.WriteString("Released folders never change. If the folder was edited by hand after its release, restore it from version control. If the blueprint or a template now renders it differently, keep this release rendering as before (guard the template change with release data or a version check), or ship the change as a new packaging revision: add to " + v.Blueprint + "\n")
		}
		fmt.Fprintf(&b, "    - version: %s\n      revision: %d\n      ...same images and data, plus the change...\n", r.Version, r.Revision+1)
		fmt.Fprintf(&b, "which becomes %s-rancher.%d in a new folder (%s).\n", r.Version, r.Revision+1, v.NextFolder)
		b.WriteString(v.Diff)
	}
	return strings.TrimRight(b.String(), "\n")
}

// MakePlan places a rendered catalog into the folder described by ex: a
// release already there keeps its folder and must be byte-identical; a new
// release gets the entry's next folder number. Entry files (config.yml, the
// icon) may change. Files of ex that the catalog does not render are left
// alone.
func MakePlan(cat *render.Catalog, ex *Existing) (*Plan, error) {
	p := &Plan{Files: map[string][]byte{}, existing: ex.Files}
	var violations []Violation
	for _, e := range cat.Entries {
		if err := checkNames(e); err != nil {
			return nil, err
		}
		base := path.Join("templates", e.Name)
		for name, content := range e.Files {
			p.Files[path.Join(base, name)] = content
		}
		next := ex.MaxFolder[e.Name] + 1
		// Count the folders this build adds, to tell a violation which folder
		// its new revision would get.
		pendingNew := 0
		for _, v := range e.Versions {
			if _, ok := ex.Folders[e.Name][v.CatalogVersion]; !ok {
				pendingNew++
			}
		}
		for _, v := range e.Versions {
			n, released := ex.Folders[e.Name][v.CatalogVersion]
			if !released {
				n = next
				next++
				p.NewFolders = append(p.NewFolders, NewFolder{Entry: e.Name, Version: v.CatalogVersion, Path: path.Join(base, strconv.Itoa(n))})
			}
			folder := path.Join(base, strconv.Itoa(n))
			p.Placed = append(p.Placed, NewFolder{Entry: e.Name, Version: v.CatalogVersion, Path: folder})
			var differ []string
			for name, content := range v.Files {
				fp := path.Join(folder, name)
				p.Files[fp] = content
				if old, ok := ex.Files[fp]; released && (!ok || !bytes.Equal(old, content)) {
					differ = append(differ, name)
				}
			}
			if len(differ) > 0 {
				sort.Strings(differ)
				viol := Violation{
					Entry: e.Name, Version: v.CatalogVersion, Blueprint: e.Blueprint, Release: v,
					Folder: path.Join(ex.Display, folder), Files: differ,
					NextFolder:   path.Join(ex.Display, base, strconv.Itoa(ex.MaxFolder[e.Name]+1+pendingNew)),
					EditedByHand: editedInGit(ex.Dir, folder),
				}
				pendingNew++ // the next violation's revision would come after this one
				for _, name := range differ {
					fp := path.Join(folder, name)
					viol.Diff += UnifiedDiff(fp, ex.Files[fp], v.Files[name])
				}
				violations = append(violations, viol)
			}
		}
	}
	if len(violations) > 0 {
		return nil, &ImmutableError{Violations: violations}
	}
	for fp, content := range p.Files {
		if err := checkRelPath(fp); err != nil {
			return nil, err
		}
		if old, ok := ex.Files[fp]; !ok || !bytes.Equal(old, content) {
			p.Changed = append(p.Changed, fp)
		}
	}
	sort.Strings(p.Changed)
	return p, nil
}

// Diff is the unified diff from the folder's current content to the plan.
func (p *Plan) Diff() string {
	var b strings.Builder
	for _, fp := range p.Changed {
		b.WriteString(UnifiedDiff(fp, p.existing[fp], p.Files[fp]))
	}
	return b.String()
}

// editedInGit reports whether folder (relative to dir) has changes that
// are not committed, when dir is in a git work tree.
func editedInGit(dir, folder string) bool {
	if dir == "" {
		return false
	}
	out, err := gitrepo.Git{Dir: dir}.Run(context.Background(), "status", "--porcelain", "--", folder)
	return err == nil && len(bytes.TrimSpace(out)) > 0
}

// checkNames refuses entry and file names that are not plain names: joined
// into a path, "../x" or "/x" would be cleaned into somewhere else.
func checkNames(e render.Entry) error {
	names := []string{e.Name}
	for name := range e.Files {
		names = append(names, name)
	}
	for _, v := range e.Versions {
		for name := range v.Files {
			names = append(names, name)
		}
	}
	for _, n := range names {
		if n == "" || n == "." || n == ".." || strings.ContainsAny(n, `/\`) {
			return fmt.Errorf("refusing to write %q of entry %q: not a plain path inside the output folder", n, e.Name)
		}
	}
	return nil
}

// checkRelPath refuses any path that could land outside the output folder.
func checkRelPath(p string) error {
	if p == "" || path.IsAbs(p) || strings.Contains(p, `\`) || path.Clean(p) != p ||
		p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("refusing to write %q: not a plain path inside the output folder", p)
	}
	return nil
}
