package catalog

import (
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Catalog is a loaded catalog: its template folders and what could not be read.
type Catalog struct {
	Root      string // the root as given (for display)
	Templates []*Template
	// Stray holds files that belong to no template folder (top-level README,
	// scripts, files directly inside a top folder).
	Stray []*File
	// Problems are loading problems that are not a file's own (a symlink
	// skipped, a folder given where a file was expected).
	Problems []Problem
	// FilesRead counts every file read.
	FilesRead int
}

// Problem is something the loader noticed about the tree itself.
type Problem struct {
	Kind string // "symlink", "unreadable", "not-regular", "misplaced-template" (file refusals are File.ReadErr)
	Pos  Pos
	Msg  string
}

// Template is a template folder `<top>/<name>/`.
type Template struct {
	Dir  string // slash path relative to the catalog root: "templates/harbor"
	Top  string // "templates", "infra-templates", ...
	Base string // Rancher's template base: "" for templates/, "infra" for infra-templates/
	Name string // folder name

	// Partial is set when only some version folders were loaded (the linted
	// path was a version folder): template-level rules then stay silent.
	Partial bool

	Config   *File   // config.yml (nil if missing)
	Icons    []*File // catalogIcon* files
	Readme   *File
	Files    []*File // every other file directly in the folder
	Versions []*Version
	// Ignored are sub-folders Rancher ignores (names neither integer nor semver).
	Ignored []string

	stream *stream // set when loaded with Options.Streaming (load.go)
}

// Version is a version folder `<top>/<name>/<folder>/`.
type Version struct {
	Template *Template
	Dir      string // slash path relative to the catalog root
	Folder   string // folder name ("0", "1", ...)
	Files    []*File

	RancherCompose    *File // rancher-compose.yml (the metadata source)
	RancherComposeTpl *File // rancher-compose.yml.tpl
	DockerCompose     *File // docker-compose.yml
	DockerComposeTpl  *File // docker-compose.yml.tpl
	Readme            *File

	// Catalog is the `.catalog` block read from the raw rancher-compose.yml,
	// as catalog-service reads it; nil when absent.
	Catalog *Info

	// Project is the compose project as the executor sees it after templating:
	// docker-compose merged with rancher-compose by service name.
	Project *Project

	memo
}

// memo holds the values derived from one part of the model (a version, a
// `.catalog` block), each computed once however many rules ask; see Derive.
type memo struct {
	mu   sync.Mutex
	vals map[any]*derivation
}

type derivation struct {
	once sync.Once
	val  any
}

func (m *memo) derived() *memo { return m }

// Part is a part of the model that values are derived from: a *Version or
// an *Info.
type Part interface{ derived() *memo }

// Key names a value of type T derived from a part of the model: an
// analysis that several rules share, computed once (go/analysis calls it a
// ResultType). An analysis declares its key once, in its own package, so
// that two analyses cannot collide:
//
//	var viewKey = catalog.NewKey[*View]("stack")
type Key[T any] struct{ name string }

// NewKey returns a new key; name is for debugging.
func NewKey[T any](name string) *Key[T] { return &Key[T]{name: name} }

func (k *Key[T]) String() string { return k.name }

// Derive returns the value of key for part, computing it with build the
// first time. Concurrent callers wait for that one computation rather than
// repeating it. If build panics, the panic reaches the first caller and
// later callers get T's zero value.
func Derive[T any](part Part, key *Key[T], build func() T) T {
	m := part.derived()
	m.mu.Lock()
	d, ok := m.vals[key]
	if !ok {
		if m.vals == nil {
			m.vals = map[any]*derivation{}
		}
		d = &derivation{}
		m.vals[key] = d
	}
	m.mu.Unlock()
	d.once.Do(func() { d.val = build() })
	val, _ := d.val.(T)
	return val
}

// Revision returns the folder number, or -1 when the folder is not an integer.
func (v *Version) Revision() int {
	n, err := strconv.Atoi(v.Folder)
	if err != nil {
		return -1
	}
	return n
}

// ComposeFile returns the docker-compose file Rancher's UI sends: the .tpl
// when present, else docker-compose.yml.
func (v *Version) ComposeFile() *File {
	if v.DockerComposeTpl != nil {
		return v.DockerComposeTpl
	}
	return v.DockerCompose
}

// RancherComposeFile returns the rancher-compose file the UI sends.
func (v *Version) RancherComposeFile() *File {
	if v.RancherComposeTpl != nil {
		return v.RancherComposeTpl
	}
	return v.RancherCompose
}

// IsCompose reports whether the template's top folder holds compose entries
// (templates, infra, swarm, mesos) rather than kubernetes or machine ones.
func (t *Template) IsCompose() bool {
	switch t.Base {
	case "", "infra", "swarm", "mesos":
		return true
	}
	return false
}

// TemplateBase returns Rancher's base for a top folder name: the part before
// the first '-', or "" when there is none.
func TemplateBase(top string) string {
	if i := strings.IndexByte(top, '-'); i >= 0 {
		return top[:i]
	}
	return ""
}

// Doc is a YAML document of a file, raw or rendered.
type Doc struct {
	File     *File
	Root     *yaml.Node
	Rendered bool
}
