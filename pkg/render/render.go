// Package render turns blueprints into catalog entries in memory. It is pure:
// blueprints (and the template files they name) in, file contents out; it
// never writes, and it knows nothing about any particular application.
//
// For each entry it renders every release's version folder from the entry's
// Go templates (text/template, sprig's hermetic functions, missingkey=error),
// and writes config.yml and the icon. It checks nothing about the result:
// package build loads it into the catalog model and lints it like any
// catalog, and Trace tells which template line or blueprint field each
// rendered line comes from, so findings point at what to edit.
package render

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// Catalog is the rendered output of one or more blueprints.
type Catalog struct {
	Entries []Entry // sorted by name
}

// Entry is one template folder: templates/<Name>/.
type Entry struct {
	Name      string
	Blueprint string            // the blueprint file, for messages
	Files     map[string][]byte // config.yml, catalogIcon-<name>.<ext>
	Versions  []Version         // in publication order
}

// Version is one version folder's content.
type Version struct {
	Release        blueprint.Release
	CatalogVersion string
	Files          map[string][]byte // base name → content
}

// Render renders every entry of every blueprint. Entry names must be unique
// across blueprints, since they share one templates/ folder.
//
// Entries are rendered concurrently; each result has its own slot, so the
// output does not depend on scheduling; errors are reported together, in
// entry order.
func Render(bps []*blueprint.Blueprint) (*Catalog, error) {
	type job struct {
		bp *blueprint.Blueprint
		e  blueprint.Entry
	}
	var jobs []job
	owner := map[string]string{}
	for _, bp := range bps {
		for _, e := range bp.Entries {
			if prev, dup := owner[e.Name]; dup {
				return nil, fmt.Errorf("%s: entry %q is also defined in %s; entry names are folder names and must be unique", e.Pos, e.Name, prev)
			}
			owner[e.Name] = bp.File
			jobs = append(jobs, job{bp, e})
		}
	}
	entries := make([]Entry, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { entries[i], errs[i] = renderEntry(j.bp, j.e) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	return &Catalog{Entries: entries}, nil
}

func renderEntry(bp *blueprint.Blueprint, e blueprint.Entry) (Entry, error) {
	if err := checkName("entry name", e.Name); err != nil {
		return Entry{}, fmt.Errorf("%s: %w", e.Pos, err)
	}
	releases := bp.ReleasesOf(e)
	if len(releases) == 0 {
		return Entry{}, fmt.Errorf("%s: entry %s ships no release (see its since: and until:)", e.Pos, e.Name)
	}
	set, err := loadTemplates(bp, e)
	if err != nil {
		return Entry{}, err
	}
	out := Entry{Name: e.Name, Blueprint: bp.File, Files: map[string][]byte{}}
	previous := ""
	blocks := map[string]string{} // questions block by the variables asked
	items := map[string]string{}  // each question encoded, by variable
	quoted := map[string]bool{}   // needsDoubleQuotes by string, bounded by the blueprint's strings
	if err := encodeItems(e.Questions, items, quoted); err != nil {
		return Entry{}, err
	}
	for _, r := range releases {
		// Each version folder asks the questions of its release; releases
		// that ask the same ones share the encoded block.
		e := e.ForRelease(r)
		var key strings.Builder
		for _, q := range e.Questions {
			key.WriteString(q.Variable + "\x00")
		}
		questions, ok := blocks[key.String()]
		if !ok {
			var err error
			if questions, err = questionsBlock(e, items); err != nil {
				return Entry{}, err
			}
			blocks[key.String()] = questions
		}
		data, err := newTemplateData(bp, e, r, previous, questions, quoted)
		if err != nil {
			return Entry{}, err
		}
		previous = r.CatalogVersion()
		files, err := set.render(data)
		if err != nil {
			return Entry{}, fmt.Errorf("entry %s, release %s: %w", e.Name, r.CatalogVersion(), err)
		}
		if err := finishVersion(data.Catalog, files); err != nil {
			return Entry{}, fmt.Errorf("entry %s, release %s: %w", e.Name, r.CatalogVersion(), err)
		}
		out.Versions = append(out.Versions, Version{Release: r, CatalogVersion: r.CatalogVersion(), Files: files})
	}
	config, err := configYAML(bp, e)
	if err != nil {
		return Entry{}, err
	}
	out.Files["config.yml"] = config
	if name, icon, err := readIcon(bp, e); err != nil {
		return Entry{}, err
	} else if icon != nil {
		out.Files[name] = icon
	}
	return out, nil
}
