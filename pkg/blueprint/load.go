package blueprint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/blang/semver/v4"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/rancher/version"
	"github.com/catalogen/catalogen/schemas"
)

// LoadFile loads a blueprint from disk. Its templates are resolved relative
// to the blueprint file, wherever that is.
func LoadFile(file string) (*Blueprint, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	src := DiskSource()
	src.Root = strings.TrimPrefix(filepath.ToSlash(projectRoot(filepath.Dir(abs))), "/")
	return Load(src, strings.TrimPrefix(filepath.ToSlash(abs), "/"))
}

// projectRoot is the folder a blueprint on disk may read from: the git work
// tree that holds it (blueprints/ and catalog/ side by side), or its own
// folder outside of one.
func projectRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// DiskSource reads the whole file system (paths without the leading "/")
// and shows paths relative to the working directory when they are below it.
func DiskSource() Source {
	cwd, _ := os.Getwd()
	return Source{
		FS: os.DirFS("/"),
		Display: func(p string) string {
			abs := "/" + p
			if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
				return rel
			}
			return abs
		},
	}
}

// Load reads, validates and resolves the blueprint at file inside src.
// All problems found are returned together as Errors.
func Load(src Source, file string) (*Blueprint, error) {
	shown := src.Show(file)
	data, err := src.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("blueprint %s: %w", shown, unwrapPathError(err))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, Errors{syntaxError(err, shown)}
	}
	if len(root.Content) == 0 {
		return nil, Errors{{Pos: Pos{File: shown}, Msg: "empty blueprint; see schemas/" + SchemaFile}}
	}
	if errs := validateSchema(&root, shown); len(errs) > 0 {
		return nil, errs.sorted()
	}
	var raw rawBlueprint
	if err := root.Decode(&raw); err != nil {
		return nil, Errors{syntaxError(err, shown)}
	}
	b := &builder{src: src, file: file, shown: shown, root: &root}
	bp := b.build(raw)
	return bp, b.errs.errOrNil()
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// syntaxError turns a yaml.v3 error ("yaml: line 3: ...") into file:line.
func syntaxError(err error, file string) *Error {
	msg := err.Error()
	e := &Error{Pos: Pos{File: file}}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &e.Pos.Line)
		msg = msg[len(m[0]):]
		// yaml.v3 numbers parser errors (unlike scanner errors) from 0.
		if e.Pos.Line > 0 && strings.HasPrefix(msg, "did not find expected") {
			e.Pos.Line++
		}
	}
	e.Msg = "invalid YAML: " + msg
	return e
}

// builder turns the decoded YAML into a Blueprint, collecting every rule
// violation instead of stopping at the first.
type builder struct {
	src         Source
	file, shown string
	root        *yaml.Node
	errs        Errors
}

// errorf records a problem with the field at path (mapping keys and
// sequence indexes, as strings), positioned at that field's value.
func (b *builder) errorf(path []string, format string, args ...any) {
	node, _ := lookup(b.root, path)
	b.errs = append(b.errs, &Error{Pos: posOf(node, b.shown), Field: schemas.FieldName(path), Msg: fmt.Sprintf(format, args...)})
}

// at builds a field path: at("releases", 2, "version").
func at(segs ...any) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = fmt.Sprint(s)
	}
	return out
}

func (b *builder) build(raw rawBlueprint) *Blueprint {
	bp := &Blueprint{
		File:   b.shown,
		Source: b.src,
		App:    raw.App,
		Images: raw.Images,
		Data:   raw.Data,
	}
	bp.Templates = b.dir(path.Dir(b.file), raw.Templates, at("templates"))
	if raw.Icon != "" && bp.Templates != "" {
		bp.Icon = b.regularFile(bp.Templates, raw.Icon, at("icon"))
	}
	bp.Releases = b.releases(raw.Releases)
	library := b.questionLibrary(raw.Questions)
	names := map[string]bool{}
	for i, re := range raw.Entries {
		if names[re.Name] {
			b.errorf(at("entries", i, "name"), "entry %q is defined twice; entry names are folder names and must be unique", re.Name)
		}
		names[re.Name] = true
		bp.Entries = append(bp.Entries, b.entry(bp, re, i, library))
	}
	return bp
}

func (b *builder) releases(raws []rawRelease) []Release {
	var out []Release
	seen := map[string]bool{}
	defaults := 0
	for i, rr := range raws {
		r := rr.Release
		r.Pos.File = b.shown
		if r.Revision == 0 {
			r.Revision = 1
		}
		duplicate := seen[r.CatalogVersion()]
		if duplicate {
			b.errorf(at("releases", i), "release %s is listed twice; raise revision for a new packaging of the same version", r.CatalogVersion())
		}
		// Releases are listed oldest first, and build gives each new one the
		// next folder: each catalog version must sort above the one before
		// it under both catalog-service's comparator (which picks "latest")
		// and semver (which upgrade_from ranges use).
		// (The schema makes every version MAJOR.MINOR.PATCH, so both parse.)
		if cur, err := semver.Parse(r.CatalogVersion()); err == nil && len(out) > 0 && !duplicate {
			prev := out[len(out)-1].CatalogVersion()
			if ps, err := semver.Parse(prev); err == nil && (!version.GreaterThan(r.CatalogVersion(), prev) || cur.LTE(ps)) {
				b.errorf(at("releases", i), "release %s comes after %s but does not sort above it in Rancher; list releases oldest first, and raise version or revision", r.CatalogVersion(), prev)
			}
		}
		seen[r.CatalogVersion()] = true
		if r.Default {
			defaults++
			if defaults > 1 {
				b.errorf(at("releases", i, "default"), "only one release can be the default")
			}
		}
		if r.UpgradeFrom != "" && r.UpgradeFrom != NoUpgrade {
			if err := checkRange(r.UpgradeFrom); err != nil {
				b.errorf(at("releases", i, "upgradeFrom"), "%v; write a blang/semver range such as \">=1.1.1-rancher.1 <1.1.2-rancher.1\"", err)
			}
		}
		out = append(out, r)
	}
	return out
}

func (b *builder) entry(bp *Blueprint, re rawEntry, i int, library map[string]Question) Entry {
	e := Entry{
		Name:        re.Name,
		Title:       re.Title,
		Description: re.Description,
		Since:       re.Since,
		Images:      re.Images,
		Data:        re.Data,
		Pos:         re.pos,
	}
	e.Pos.File = b.shown
	if e.Title == "" {
		e.Title = bp.App.Title
	}
	if e.Description == "" {
		e.Description = bp.App.Description
	}
	if bp.Templates != "" {
		e.Templates = b.dir(bp.Templates, re.Templates, at("entries", i, "templates"))
	}
	if e.Since != "" && len(bp.ReleasesOf(e)) == 0 {
		b.errorf(at("entries", i, "since"), "%q is not a release of this blueprint; use a release version such as %q", e.Since, bp.Releases[0].Version)
	}
	seen := map[string]bool{}
	for j, rq := range re.Questions {
		qp := at("entries", i, "questions", j)
		if seen[rq.Variable] {
			b.errorf(qp, "question %q is asked twice", rq.Variable)
			continue
		}
		seen[rq.Variable] = true
		base, known := library[rq.Variable]
		if !known && (rq.Label == nil || rq.Type == nil) {
			b.errorf(qp, "question %q is not in the blueprint's questions; define it there or give it at least a label and a type here", rq.Variable)
			continue
		}
		q := rq.applyTo(base)
		q.Pos.File = b.shown
		b.checkQuestion(q, qp)
		e.Questions = append(e.Questions, q)
	}
	return e
}

func (b *builder) questionLibrary(raws []rawQuestion) map[string]Question {
	lib := map[string]Question{}
	for i, rq := range raws {
		if _, dup := lib[rq.Variable]; dup {
			b.errorf(at("questions", i, "variable"), "question %q is defined twice", rq.Variable)
			continue
		}
		q := rq.applyTo(Question{})
		q.Pos.File = b.shown
		b.checkQuestion(q, at("questions", i))
		lib[rq.Variable] = q
	}
	return lib
}

// dir resolves rel against base and checks that it is a folder.
func (b *builder) dir(base, rel string, field []string) string {
	p, ok := b.resolve(base, rel, field)
	if !ok {
		return ""
	}
	if st, err := fs.Stat(b.src.FS, p); err != nil || !st.IsDir() {
		b.errorf(field, "%s is not a folder (paths are relative to %s)", b.src.Show(p), b.src.Show(base))
		return ""
	}
	return p
}

// regularFile resolves rel against base and checks that it is a file.
func (b *builder) regularFile(base, rel string, field []string) string {
	p, ok := b.resolve(base, rel, field)
	if !ok {
		return ""
	}
	if st, err := fs.Stat(b.src.FS, p); err != nil || !st.Mode().IsRegular() {
		b.errorf(field, "%s is not a file (paths are relative to %s)", b.src.Show(p), b.src.Show(base))
		return ""
	}
	return p
}

func (b *builder) resolve(base, rel string, field []string) (string, bool) {
	if path.IsAbs(rel) {
		b.errorf(field, "%q must be relative to the blueprint, not absolute", rel)
		return "", false
	}
	p := path.Join(base, rel)
	// Everything a blueprint reads lies in the blueprint's own folder:
	// `templates: ../../..` would otherwise read (and ship) any folder of
	// the machine.
	home := b.src.Root
	if home == "" {
		home = "."
	}
	if p == ".." || strings.HasPrefix(p, "../") || home != "." && p != home && !strings.HasPrefix(p, home+"/") {
		b.errorf(field, "%q leaves the folder the blueprint is read from (%s); keep templates and the icon inside it", rel, b.src.Show(home))
		return "", false
	}
	if err := b.src.CheckNoLinks(home, p); err != nil {
		b.errorf(field, "%v", err)
		return "", false
	}
	return p, true
}
