// Package blueprint loads blueprint files: one application packaged as
// Rancher 1.x catalog entries (its releases, one entry per topology, the
// questions each entry asks). A blueprint is validated against
// schemas/blueprint.schema.json and then against the rules a schema cannot
// say; every error names file:line:col, the field and what is allowed.
//
// The format knows nothing about any particular application: what an entry
// deploys lives in its templates.
package blueprint

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// Blueprint is one loaded, validated blueprint.
type Blueprint struct {
	File      string // the blueprint's path as shown in messages
	Source    Source // where File and its templates are read from
	App       App
	Templates string // Source path of the templates folder
	Icon      string // Source path of the icon, "" for none
	Images    map[string]string
	Data      map[string]any
	Releases  []Release // in publication order
	Entries   []Entry
}

// App is what config.yml says about each entry.
type App struct {
	Title                 string `yaml:"title"`
	Description           string `yaml:"description"`
	Category              string `yaml:"category"`
	License               string `yaml:"license"`
	ProjectURL            string `yaml:"projectURL"`
	Maintainer            string `yaml:"maintainer"`
	MinimumRancherVersion string `yaml:"minimumRancherVersion"`
	MaximumRancherVersion string `yaml:"maximumRancherVersion"`
}

// Release is one published version of the application.
type Release struct {
	Version               string            `yaml:"version"`
	Revision              int               `yaml:"revision"`
	Default               bool              `yaml:"default"`
	UpgradeFrom           string            `yaml:"upgradeFrom"`
	MinimumRancherVersion string            `yaml:"minimumRancherVersion"`
	MaximumRancherVersion string            `yaml:"maximumRancherVersion"`
	Images                map[string]string `yaml:"images"`
	Data                  map[string]any    `yaml:"data"`
	Pos                   Pos               `yaml:"-"`
}

// CatalogVersion is the `.catalog.version` of this release:
// VERSION-rancher.REVISION, e.g. 1.1.1-rancher.1. It is strict semver (so
// upgrade_from ranges can match it) and sorts the same way under semver and
// Rancher's comparator; `rancher1`-style suffixes would not, because semver
// compares "rancher10" < "rancher2" as text.
func (r Release) CatalogVersion() string {
	return fmt.Sprintf("%s-rancher.%d", r.Version, r.Revision)
}

// NoUpgrade as a release's upgradeFrom means that no earlier release may
// upgrade to it in place (Harbor's database schema changed, say): Rancher
// offers an upgrade from every older version when upgrade_from is absent.
const NoUpgrade = "none"

// UpgradeRange is the upgrade_from range written for the release, "" for
// none. NoUpgrade becomes the earlier revisions of the same version, which
// the catalog so far does not have.
func (r Release) UpgradeRange() string {
	if r.UpgradeFrom == NoUpgrade {
		return fmt.Sprintf(">=%s-rancher.0 <%s", r.Version, r.CatalogVersion())
	}
	return r.UpgradeFrom
}

// Entry is one catalog entry (template folder), usually one topology.
type Entry struct {
	Name        string
	Title       string
	Description string
	Templates   string // Source path of the entry's templates folder
	Since       string // first release shipped, "" for all
	Images      map[string]string
	Data        map[string]any
	Questions   []Question // resolved against the blueprint's questions
	Pos         Pos
}

// Question is one `.catalog.questions` item.
type Question struct {
	Variable     string
	Label        string
	Description  string
	Type         string
	Required     bool
	Default      string // as written; "" for none
	Options      []string
	Min, Max     *int
	MinLength    *int
	MaxLength    *int
	ValidChars   string
	InvalidChars string
	// Since and Until bound the releases that ask the question (Until
	// exclusive): an application setting that exists only in some releases.
	Since, Until string
	// Ignore silences lint rules on the rendered question, by rule ID, with
	// the reason (an optional secret that may stay empty, say).
	Ignore map[string]string
	Pos    Pos
}

// Asks reports whether the question belongs to release r's version folder.
func (q Question) Asks(r Release) bool {
	if q.Since != "" && versionLess(r.Version, q.Since) {
		return false
	}
	if q.Until != "" && !versionLess(r.Version, q.Until) {
		return false
	}
	return true
}

// ForRelease returns the entry with only the questions release r asks.
func (e Entry) ForRelease(r Release) Entry {
	out := e
	out.Questions = nil
	for _, q := range e.Questions {
		if q.Asks(r) {
			out.Questions = append(out.Questions, q)
		}
	}
	return out
}

// versionLess compares MAJOR.MINOR.PATCH versions numerically.
func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}

// ReleasesOf returns the releases entry e ships, in publication order.
func (bp *Blueprint) ReleasesOf(e Entry) []Release {
	if e.Since == "" {
		return bp.Releases
	}
	for i, r := range bp.Releases {
		if r.Version == e.Since || r.CatalogVersion() == e.Since {
			return bp.Releases[i:]
		}
	}
	return nil
}

// DefaultRelease is the release marked `default: true`, else the last one.
func (bp *Blueprint) DefaultRelease() Release {
	for _, r := range bp.Releases {
		if r.Default {
			return r
		}
	}
	return bp.Releases[len(bp.Releases)-1]
}

// Source is a file tree a blueprint is read from, with the way its paths are
// shown to people.
type Source struct {
	FS fs.FS
	// Root is the folder (a path of FS) that the blueprint's templates and
	// icon must stay inside; "" for all of FS.
	Root    string
	Display func(path string) string
}

// Show returns path as people should see it in messages.
func (s Source) Show(path string) string {
	if s.Display == nil {
		return path
	}
	return s.Display(path)
}
