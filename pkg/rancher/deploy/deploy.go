// Package deploy renders a catalog version folder the way Rancher 1.6
// deploys it: the answers merged over the question defaults, Go templating
// of both compose files (unless `# notemplating`), YAML parsing, the
// removal of `.catalog`, and `$` interpolation of every service, volume and
// network value. The result is what the stack really gets, in a form that
// `docker-compose config` can check.
//
// It is the library behind `catalogen render`, and what deployment tests of
// a catalog call to see the compose files a set of answers produces.
package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
	"gopkg.in/yaml.v3"
)

// Options are the deployment's context.
type Options struct {
	// StackName is `.Stack.Name` (default: the template folder's name, which
	// is also Rancher's default stack name).
	StackName string
	// EnvironmentName is `.Environment.Name` (default "Default").
	EnvironmentName string
	// PreviousVersion is `.Stack.PreviousVersion`, set on an upgrade.
	PreviousVersion string
}

// File is one rendered compose file.
type File struct {
	Name string // docker-compose.yml or rancher-compose.yml
	From string // the file of the version folder it was rendered from
	Data []byte
}

// Result is a rendered version.
type Result struct {
	Files []File
	// Values are the answers the templates ran with: the defaults, then
	// the answers given.
	Values map[string]string
	// Warnings are what Rancher would accept silently or log: an execution
	// error that truncates a file, a variable substituted with a blank
	// string, an answer to no question.
	Warnings []string
}

// File returns the rendered file called name, or nil.
func (r *Result) File(name string) *File {
	for i := range r.Files {
		if r.Files[i].Name == name {
			return &r.Files[i]
		}
	}
	return nil
}

// MissingAnswersError lists the required questions that have neither an
// answer nor a default: Rancher's form would not let the stack be deployed.
type MissingAnswersError struct {
	Version   string   // the version folder
	Variables []string // in the order of the questions
}

func (e *MissingAnswersError) Error() string {
	return fmt.Sprintf("%s: required question(s) without an answer or a default: %s; give them with --set %s=VALUE or in --answers FILE",
		e.Version, strings.Join(e.Variables, ", "), e.Variables[0])
}

// RenderDir loads the version folder dir and renders it; see Render.
func RenderDir(dir string, answers map[string]string, opts Options) (*Result, error) {
	v, err := LoadVersion(dir)
	if err != nil {
		return nil, err
	}
	return Render(v, answers, opts)
}

// LoadVersion reads the version folder dir (a folder holding
// rancher-compose.yml inside a template folder).
func LoadVersion(dir string) (*catalog.Version, error) {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist: give a version folder such as templates/app/0", dir)
		}
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is a file: give a version folder such as templates/app/0", dir)
	}
	compose := false
	for _, name := range []string{"rancher-compose.yml", "rancher-compose.yml.tpl", "docker-compose.yml", "docker-compose.yml.tpl"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			compose = true
		}
	}
	if !compose {
		return nil, fmt.Errorf("%s is not a version folder (no rancher-compose.yml or docker-compose.yml in it): give one such as templates/app/0", dir)
	}
	c, err := catalog.Load(dir, catalog.Options{})
	if err != nil {
		return nil, err
	}
	var found []*catalog.Version
	for _, t := range c.Templates {
		found = append(found, t.Versions...)
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("%s is not a version folder (it holds %d versions): give one such as templates/app/0", dir, len(found))
	}
	return found[0], nil
}

// Render renders version v with answers (variable → value, as strings).
func Render(v *catalog.Version, answers map[string]string, opts Options) (*Result, error) {
	res := &Result{Values: map[string]string{}}
	var missing []string
	if v.Catalog != nil {
		for _, q := range v.Catalog.Questions {
			if q.Variable == "" {
				continue
			}
			a, answered := answers[q.Variable]
			switch {
			case answered:
				res.Values[q.Variable] = a
			case q.HasDefault:
				res.Values[q.Variable] = q.Default
			case q.Required:
				missing = append(missing, q.Variable)
			default:
				res.Values[q.Variable] = ""
			}
		}
	}
	if len(missing) > 0 {
		return nil, &MissingAnswersError{Version: v.Dir, Variables: missing}
	}
	extra := make([]string, 0)
	for k, a := range answers {
		if v.Catalog == nil || v.Catalog.Question(k) == nil {
			extra = append(extra, k)
			res.Values[k] = a
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: the answer %s is not a question of this version; it is passed on as Rancher does", v.Dir, k))
	}

	data := tmpl.Data{Values: res.Values}
	data.Stack.Name = opts.StackName
	if data.Stack.Name == "" {
		data.Stack.Name = v.Template.Name
	}
	if v.Catalog != nil {
		data.Stack.Version = v.Catalog.Version
	}
	data.Stack.PreviousVersion = opts.PreviousVersion
	data.Release = data.Stack
	data.Environment.Name = opts.EnvironmentName
	if data.Environment.Name == "" {
		data.Environment.Name = "Default"
	}

	for _, pick := range []struct {
		name      string
		tpl, file *catalog.File
	}{
		{"docker-compose.yml", v.DockerComposeTpl, v.DockerCompose},
		{"rancher-compose.yml", v.RancherComposeTpl, v.RancherCompose},
	} {
		// The UI sends the .tpl file when there is one.
		src := pick.tpl
		if src == nil {
			src = pick.file
		}
		if src == nil {
			continue
		}
		if src.ReadErr != nil {
			return nil, fmt.Errorf("%s: %v", src.Path, src.ReadErr)
		}
		out, warnings, err := renderFile(src, data)
		if err != nil {
			return nil, err
		}
		res.Warnings = append(res.Warnings, warnings...)
		res.Files = append(res.Files, File{Name: pick.name, From: src.Path, Data: out})
	}
	if len(res.Files) == 0 {
		return nil, fmt.Errorf("%s has no docker-compose.yml or rancher-compose.yml (or .tpl) to render", v.Dir)
	}
	return res, nil
}

// renderFile runs one file through Rancher's pipeline.
func renderFile(f *catalog.File, data tmpl.Data) ([]byte, []string, error) {
	var warnings []string
	text := f.Data
	if !tmpl.NoTemplating(f.Data) {
		out, parseErr, execErr := tmpl.Render(f.Path, f.Data, data)
		if parseErr != nil {
			return nil, nil, fmt.Errorf("%s: Go templating fails, so Rancher cannot deploy this version: %v", f.Path, parseErr)
		}
		if execErr != nil {
			warnings = append(warnings, fmt.Sprintf("%s: %v; Rancher ignores this error and deploys the output cut off here", f.Path, execErr))
		}
		text = out
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, nil, fmt.Errorf("%s: the templated file is not YAML, so Rancher cannot deploy it: %v", f.Path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return text, warnings, nil
	}
	root := doc.Content[0]
	lookup := func(name string) (string, bool) {
		v, ok := data.Values[name]
		return v, ok
	}
	var interpErr error
	interpolate := func(where string, n *yaml.Node) {
		walkValues(n, func(s *yaml.Node) {
			if interpErr != nil || s.Tag == "!!binary" || !strings.Contains(s.Value, "$") {
				return
			}
			out, missing, err := interp.Interpolate(s.Value, lookup)
			if err != nil {
				interpErr = fmt.Errorf("%s:%d:%d: %s: invalid interpolation format: %v", f.Path, s.Line, s.Column, where, err)
				return
			}
			for _, m := range missing {
				warnings = append(warnings, fmt.Sprintf("%s:%d: the %s variable is not set; Rancher substitutes a blank string", f.Path, s.Line, m))
			}
			s.Value, s.Tag, s.Style = out, "!!str", styleFor(out, s.Style)
		})
	}
	v2 := composefile.IsV2(root)
	kept := root.Content[:0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		if !composefile.Deployed(key.Value) {
			continue // catalog metadata, never deployed
		}
		switch {
		case !composefile.Interpolated(key.Value, v2):
		case v2:
			for j := 0; j+1 < len(val.Content); j += 2 {
				interpolate(key.Value+"."+val.Content[j].Value, val.Content[j+1])
			}
		default:
			interpolate(key.Value, val) // version 1: every top-level key is a service
		}
		kept = append(kept, key, val)
	}
	root.Content = kept
	if interpErr != nil {
		return nil, nil, interpErr
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", f.Path, err)
	}
	if err := enc.Close(); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), warnings, nil
}

// walkValues calls fn on every scalar value under n; mapping keys are not
// values (Rancher interpolates values only).
func walkValues(n *yaml.Node, fn func(*yaml.Node)) {
	switch n.Kind {
	case yaml.ScalarNode:
		fn(n)
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			walkValues(n.Content[i], fn)
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			walkValues(c, fn)
		}
	}
}

// styleFor keeps a quoted style, and lets the encoder choose otherwise
// (it quotes a string that would read back as another type).
func styleFor(s string, old yaml.Style) yaml.Style {
	if strings.Contains(s, "\n") {
		return yaml.LiteralStyle
	}
	return old &^ (yaml.LiteralStyle | yaml.FoldedStyle)
}
