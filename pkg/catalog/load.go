package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/blang/semver/v4"
)

// MaxFileSize is the largest file the loader reads. Catalog files are small;
// anything bigger is refused with a finding rather than read into memory.
const MaxFileSize = 8 << 20

// Options tune loading.
type Options struct {
	// Workers reads and parses files in parallel (default: GOMAXPROCS).
	Workers int
	// Exclude reports whether a slash path (relative to the root) is skipped.
	Exclude func(path string) bool
	// Streaming defers the reading of template folders: the loader lists
	// the tree and reads the files outside template folders, and each
	// template's files are read, parsed and rendered by Template.Read and
	// their parses and renders dropped by Template.Release. A consumer that
	// goes template by template (lint.Run does) then holds the YAML and
	// rendered text of the templates in progress only, so memory grows with
	// the largest template rather than with the catalog.
	Streaming bool
}

// ErrNoCatalog means the path holds nothing that looks like a catalog.
var ErrNoCatalog = errors.New("no Rancher catalog here")

// Load reads the catalog at dir: a catalog root (holding templates/ or
// *-templates/), a template folder, or a version folder. Paths in the model
// are relative to the catalog root that holds dir.
func Load(dir string, opts Options) (*Catalog, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is a file: give a catalog root, a template folder or a version folder", dir)
	}
	root, sel, err := locate(dir)
	if err != nil {
		return nil, err
	}
	c, err := LoadFS(newOSDir(root), sel, opts)
	if err != nil {
		return nil, err
	}
	c.Root = root
	return c, nil
}

// LoadFiles reads an in-memory catalog (slash paths relative to its root).
func LoadFiles(files map[string][]byte, opts Options) (*Catalog, error) {
	m, err := NewMemFS(files)
	if err != nil {
		return nil, err
	}
	return LoadFS(m, ".", opts)
}

var templateTopRe = regexp.MustCompile(`^(\w+-templates|templates)$`)

// IsTemplateTop reports whether a top-level folder holds template folders.
func IsTemplateTop(name string) bool { return templateTopRe.MatchString(name) }

// locate finds the catalog root above dir and the part of it to load.
func locate(dir string) (root, sel string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return "", "", err
	}
	var hasTop, hasCompose, hasTemplate bool
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir() && IsTemplateTop(name):
			hasTop = true
		case name == "rancher-compose.yml" || name == "docker-compose.yml" || name == "docker-compose.yml.tpl" || name == "rancher-compose.yml.tpl":
			hasCompose = true
		case name == "config.yml" || strings.HasPrefix(name, "catalogIcon"):
			hasTemplate = true
		case e.IsDir() && isInt(name):
			hasTemplate = true
		}
	}
	switch {
	case hasTop:
		return dir, ".", nil
	case hasCompose:
		r := filepath.Dir(filepath.Dir(filepath.Dir(abs)))
		rel, _ := filepath.Rel(r, abs)
		return relDisplay(dir, r), filepath.ToSlash(rel), nil
	case hasTemplate:
		r := filepath.Dir(filepath.Dir(abs))
		rel, _ := filepath.Rel(r, abs)
		return relDisplay(dir, r), filepath.ToSlash(rel), nil
	}
	return "", "", fmt.Errorf("%s: %w: expected templates/ or <kind>-templates/ (a catalog root), config.yml (a template folder) or rancher-compose.yml (a version folder)", dir, ErrNoCatalog)
}

// relDisplay keeps the root readable when dir was given relative.
func relDisplay(dir, abs string) string {
	if filepath.IsAbs(dir) {
		return abs
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return rel
		}
	}
	return abs
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// LoadFS reads the catalog rooted at fsys, restricted to the sub-tree sel
// ("." for everything).
func LoadFS(fsys fs.FS, sel string, opts Options) (*Catalog, error) {
	c := &Catalog{Root: "."}
	var paths []string
	err := fs.WalkDir(fsys, sel, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == sel {
				return err
			}
			c.Problems = append(c.Problems, Problem{Kind: "unreadable", Pos: FolderPos(p), Msg: "cannot read: " + cleanErr(err)})
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if opts.Exclude != nil && p != "." && p != sel && opts.Exclude(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			c.Problems = append(c.Problems, Problem{Kind: "symlink", Pos: FolderPos(p), Msg: "symbolic link not followed (Rancher's catalog service ignores symlinks)"})
		case d.IsDir():
		case !d.Type().IsRegular():
			c.Problems = append(c.Problems, Problem{Kind: "not-regular", Pos: FolderPos(p), Msg: "not a regular file; skipped"})
		default:
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	c.FilesRead = len(paths)
	if !opts.Streaming {
		files := readAll(fsys, paths, opts.Workers)
		assemble(c, files, sel)
		processVersions(c, opts.Workers)
		return c, nil
	}
	files := make([]*File, len(paths))
	for i, p := range paths {
		files[i] = &File{Path: p, Name: path.Base(p)}
	}
	assemble(c, files, sel)
	for _, f := range c.Stray {
		fill(fsys, f)
	}
	for _, t := range c.Templates {
		t.stream = &stream{fsys: fsys}
	}
	return c, nil
}

func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func workers(n int) int {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return n
}

// readAll reads and YAML-parses files in parallel; results keep paths' order.
func readAll(fsys fs.FS, paths []string, n int) []*File {
	files := make([]*File, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers(n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				files[i] = readFile(fsys, paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return files
}

func readFile(fsys fs.FS, p string) *File {
	f := &File{Path: p, Name: path.Base(p)}
	fill(fsys, f)
	return f
}

// fill reads and parses the file f names.
func fill(fsys fs.FS, f *File) {
	data, err := readCapped(fsys, f.Path, isText(f.Name))
	if err != nil {
		f.ReadErr = err
		return
	}
	if data == nil {
		return // an icon or image: no rule reads its bytes
	}
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		f.ReadErr = errors.New("binary content (NUL bytes) in a text file")
		return
	}
	f.Data = data
	f.Suppressions = scanSuppressions(data)
	f.parse()
}

// parse builds what the loader derives from f.Data alone.
func (f *File) parse() {
	if parsedRaw(f.Name) {
		f.Doc, f.ParseErr = parseYAML(f.Data)
	}
}

// readCapped opens p once: a file above MaxFileSize is refused before any
// of it is read; without wantData it only checks that p can be opened.
func readCapped(fsys fs.FS, p string, wantData bool) ([]byte, error) {
	if d, isDir := fsys.(osDir); isDir {
		if data, handled, err := d.readDirect(p, wantData); handled {
			return data, err
		}
	}
	fh, err := fsys.Open(p)
	if err != nil {
		return nil, errors.New("cannot read: " + cleanErr(err))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, errors.New("cannot read: " + cleanErr(err))
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes, above the %d MiB limit for catalog files; remove it or exclude it in .catalogen.yaml", st.Size(), MaxFileSize>>20)
	}
	if !wantData {
		return nil, nil
	}
	data := make([]byte, 0, st.Size()+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := fh.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > MaxFileSize {
			return nil, fmt.Errorf("file is above the %d MiB limit for catalog files", MaxFileSize>>20)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, errors.New("cannot read: " + cleanErr(err))
		}
	}
}

// isText reports whether catalogen reads the file as text.
func isText(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range []string{".yml", ".yaml", ".tpl", ".md", ".txt"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return name == "url" || name == "uiUrl" || name == "checksum"
}

// parsedRaw lists the files Rancher YAML-parses before any templating.
func parsedRaw(name string) bool {
	return name == "config.yml" || name == "rancher-compose.yml" || name == "docker-compose.yml"
}

// assemble sorts files into templates and versions by their path.
func assemble(c *Catalog, files []*File, sel string) {
	templates := map[string]*Template{}
	versions := map[string]*Version{}
	partial := strings.Count(sel, "/") >= 2
	for _, f := range files {
		parts := strings.Split(f.Path, "/")
		if len(parts) < 3 || !IsTemplateTop(parts[0]) {
			if len(parts) == 3 && parts[2] == "config.yml" && !IsTemplateTop(parts[0]) {
				c.Problems = append(c.Problems, Problem{Kind: "misplaced-template", Pos: FilePos(f), Msg: fmt.Sprintf("template folder %s/%s is not under templates/ or <kind>-templates/, so Rancher ignores it", parts[0], parts[1])})
			}
			c.Stray = append(c.Stray, f)
			continue
		}
		dir := parts[0] + "/" + parts[1]
		t := templates[dir]
		if t == nil {
			t = &Template{Dir: dir, Top: parts[0], Base: TemplateBase(parts[0]), Name: parts[1], Partial: partial}
			templates[dir] = t
			c.Templates = append(c.Templates, t)
		}
		if len(parts) == 3 {
			switch lower := strings.ToLower(f.Name); {
			case f.Name == "config.yml":
				t.Config = f
			case strings.HasPrefix(f.Name, "catalogIcon"):
				t.Icons = append(t.Icons, f)
			case strings.HasPrefix(lower, "readme.md") && t.Readme == nil:
				t.Readme = f
			default:
				t.Files = append(t.Files, f)
			}
			continue
		}
		folder := parts[2]
		if !isVersionFolder(folder) {
			if len(t.Ignored) == 0 || t.Ignored[len(t.Ignored)-1] != folder {
				t.Ignored = append(t.Ignored, folder)
			}
			continue
		}
		vdir := dir + "/" + folder
		v := versions[vdir]
		if v == nil {
			v = &Version{Template: t, Dir: vdir, Folder: folder}
			versions[vdir] = v
			t.Versions = append(t.Versions, v)
		}
		v.Files = append(v.Files, f)
		if len(parts) == 4 {
			switch lower := strings.ToLower(f.Name); {
			case f.Name == "rancher-compose.yml":
				v.RancherCompose = f
			case f.Name == "rancher-compose.yml.tpl":
				v.RancherComposeTpl = f
			case f.Name == "docker-compose.yml":
				v.DockerCompose = f
			case f.Name == "docker-compose.yml.tpl":
				v.DockerComposeTpl = f
			case strings.HasPrefix(lower, "readme.md"):
				v.Readme = f
			}
		}
	}
	for _, t := range c.Templates {
		sort.SliceStable(t.Versions, func(i, j int) bool { return folderLess(t.Versions[i].Folder, t.Versions[j].Folder) })
	}
}

// isVersionFolder: Rancher takes integer folders as revisions, and folders
// that parse as semver (after trimming 'v') as version strings.
func isVersionFolder(name string) bool {
	if isInt(name) {
		return true
	}
	_, err := semver.Parse(strings.Trim(name, "v"))
	return err == nil
}

func folderLess(a, b string) bool {
	ai, aerr := strconv.Atoi(a)
	bi, berr := strconv.Atoi(b)
	switch {
	case aerr == nil && berr == nil:
		return ai < bi
	case aerr == nil:
		return true
	case berr == nil:
		return false
	}
	return a < b
}

// processVersions reads `.catalog`, renders compose files and builds the
// project view of every version, in parallel.
func processVersions(c *Catalog, n int) {
	var all []*Version
	for _, t := range c.Templates {
		all = append(all, t.Versions...)
	}
	var wg sync.WaitGroup
	next := make(chan *Version)
	for w := 0; w < workers(n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range next {
				processVersion(v)
			}
		}()
	}
	for _, v := range all {
		next <- v
	}
	close(next)
	wg.Wait()
}

func processVersion(v *Version) {
	if rc := v.RancherCompose; rc != nil && rc.Doc != nil {
		v.Catalog = readInfo(&Doc{File: rc, Root: rc.Doc})
	}
	if !v.Template.IsCompose() {
		return
	}
	data := templateData(v)
	dc := renderFile(v.ComposeFile(), data)
	rc := renderFile(v.RancherComposeFile(), data)
	v.Project = buildProject(dc, rc)
}
