package catalog

import (
	"bytes"

	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

// Placeholder is the answer given to a required question without a default
// when rendering for lint, as a user would have to type something.
const Placeholder = "placeholder"

// Values returns the answers Rancher's executor would template with when the
// user accepts every default: each question's default as a string, and a
// placeholder suited to the type for required questions without one.
// The map is shared: callers must not modify it.
func (v *Version) Values() map[string]string {
	return Derive(v, valuesKey, v.values)
}

var valuesKey = NewKey[map[string]string]("values")

func (v *Version) values() map[string]string {
	values := map[string]string{}
	if v.Catalog == nil {
		return values
	}
	for _, q := range v.Catalog.Questions {
		if q.Variable == "" {
			continue
		}
		val := q.Default
		if val == "" && q.Required {
			val = placeholderFor(q)
		}
		values[q.Variable] = val
	}
	return values
}

func placeholderFor(q *Question) string {
	switch q.Type {
	case "int", "float":
		return "1"
	case "boolean":
		return "false"
	case "enum":
		if len(q.Options) > 0 {
			return q.Options[0]
		}
	case "service":
		return "stack/service"
	}
	return Placeholder
}

func templateData(v *Version) tmpl.Data {
	d := tmpl.Data{Values: v.Values()}
	d.Stack.Name = v.Template.Name
	if v.Catalog != nil {
		d.Stack.Version = v.Catalog.Version
	}
	d.Release = d.Stack
	d.Environment.Name = "Default"
	return d
}

// renderFile templates a compose file as the executor does and parses the
// result. Files without template actions are passed through unchanged and
// keep their raw parse.
func renderFile(f *File, data tmpl.Data) *Doc {
	if f == nil || f.ReadErr != nil {
		return nil
	}
	r := &Rendered{Data: f.Data}
	f.Rendered = r
	switch {
	case tmpl.NoTemplating(f.Data):
		r.NoTemplating = true
	case bytes.Contains(f.Data, []byte("{{")):
		out, trees, perr, eerr := tmpl.RenderTrees(f.Name, f.Data, data)
		r.Templated, r.ParseErr, r.ExecErr = true, perr, eerr
		if perr != nil {
			return nil
		}
		// The rules that read the template's structure use this parse
		// rather than parse the file again.
		f.treesOnce.Do(func() { f.trees = trees })
		r.Data = out
		if !bytes.Equal(out, f.Data) {
			r.source = f.Data
		}
	}
	if !r.Templated || bytes.Equal(r.Data, f.Data) {
		if parsedRaw(f.Name) {
			r.Doc, r.YAMLErr = f.Doc, f.ParseErr
		} else {
			r.Doc, r.YAMLErr = parseYAML(r.Data)
		}
		if r.Doc == nil {
			return nil
		}
		return &Doc{File: f, Root: r.Doc}
	}
	r.Doc, r.YAMLErr = parseYAML(r.Data)
	if r.Doc == nil {
		return nil
	}
	return &Doc{File: f, Root: r.Doc, Rendered: true}
}
