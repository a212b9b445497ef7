package plan

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint/rules/scheduling/stack"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
	"gopkg.in/yaml.v3"
)

// deployed is a version as Rancher's executor deploys it with one set of
// answers: both compose files templated and `$`-interpolated, read through
// the stack view the lint rules use.
type deployed struct {
	view     *stack.View
	values   map[string]string
	problems []Problem
}

// answerValues merges answers over the question defaults, as Rancher does.
// A required question left without a value is planned with a placeholder
// and reported; an answer to no question is reported and ignored.
func answerValues(v *catalog.Version, answers map[string]string) (map[string]string, []Problem) {
	values := map[string]string{}
	var probs []Problem
	known := map[string]bool{}
	if v.Catalog != nil {
		for _, q := range v.Catalog.Questions {
			if q.Variable == "" {
				continue
			}
			known[q.Variable] = true
			val, answered := answers[q.Variable]
			if !answered {
				val = q.Default
			}
			if val == "" && q.Required {
				val = catalog.Placeholder
				probs = append(probs, Problem{Kind: KindAnswer, Severity: Warning,
					Message: fmt.Sprintf("question %s is required and has no default: planned with %q; give it in --answers", q.Variable, val)})
			}
			values[q.Variable] = val
		}
	}
	var extra []string
	for k := range answers {
		if !known[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		probs = append(probs, Problem{Kind: KindAnswer, Severity: Warning,
			Message: fmt.Sprintf("the answers give %s, which is no question of this version: Rancher ignores it", k)})
	}
	return values, probs
}

// deployFor returns v as deployed with answers under a stack name. With no
// answers and the template's own name as stack name this is how the
// catalog model already reads the version (question defaults, rendered as
// Rancher does), so its view is used as it is; otherwise v is rendered
// again with the answers.
func deployFor(v *catalog.Version, answers map[string]string, stackName string) (*deployed, error) {
	if len(answers) > 0 || stackName != v.Template.Name {
		return deploy(v, answers, stackName)
	}
	values, probs := answerValues(v, nil)
	d := &deployed{values: values, problems: probs, view: stack.New(v)}
	if d.view == nil {
		return nil, fmt.Errorf("%s: no docker-compose project to plan (missing, or not valid YAML after templating)", v.Dir)
	}
	for _, f := range []*catalog.File{v.ComposeFile(), v.RancherComposeFile()} {
		if f == nil || f.Rendered == nil {
			continue
		}
		if f.Rendered.ExecErr != nil {
			d.problems = append(d.problems, Problem{Kind: KindRender, Severity: Error,
				Message: fmt.Sprintf("%s: templating stops with %v; Rancher deploys the output up to that point, which is what is planned", f.Path, f.Rendered.ExecErr)})
		}
		if root := f.Rendered.Doc; root != nil {
			if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
				root = root.Content[0]
			}
			if root.Kind == yaml.MappingNode {
				d.interpolateDoc(f, root, false)
			}
		}
	}
	return d, nil
}

// deploy renders v with answers and stack name as Rancher would and returns
// the stack view of the result.
func deploy(v *catalog.Version, answers map[string]string, stackName string) (*deployed, error) {
	if v.ComposeFile() == nil || v.ComposeFile().ReadErr != nil {
		return nil, fmt.Errorf("%s: no readable docker-compose.yml or docker-compose.yml.tpl: nothing to plan", v.Dir)
	}
	values, probs := answerValues(v, answers)
	d := &deployed{values: values, problems: probs}
	data := tmpl.Data{Values: values}
	data.Stack.Name = stackName
	if v.Catalog != nil {
		data.Stack.Version = v.Catalog.Version
	}
	data.Release = data.Stack
	data.Environment.Name = "Default"

	files := map[string][]byte{"templates/" + stackName + "/config.yml": []byte("name: plan\nversion: plan\n")}
	for _, f := range []*catalog.File{v.ComposeFile(), v.RancherComposeFile()} {
		if f == nil || f.ReadErr != nil {
			continue
		}
		out, err := d.render(f, data)
		if err != nil {
			return nil, err
		}
		name := "docker-compose.yml"
		if f == v.RancherComposeFile() {
			name = "rancher-compose.yml"
		}
		files["templates/"+stackName+"/0/"+name] = out
	}
	cat, err := catalog.LoadFiles(files, catalog.Options{Workers: 1})
	if err != nil {
		return nil, err
	}
	if len(cat.Templates) == 0 || len(cat.Templates[0].Versions) == 0 {
		return nil, fmt.Errorf("%s: the rendered version does not load", v.Dir)
	}
	d.view = stack.New(cat.Templates[0].Versions[0])
	if d.view == nil {
		return nil, fmt.Errorf("%s: the rendered docker-compose file is not a compose project", v.Dir)
	}
	return d, nil
}

// render templates and interpolates one compose file. The result holds
// final values with every `$` doubled and starts with `# notemplating`, so
// that reading it back through the catalog model changes nothing.
func (d *deployed) render(f *catalog.File, data tmpl.Data) ([]byte, error) {
	content := f.Data
	if !tmpl.NoTemplating(content) {
		out, perr, eerr := tmpl.Render(f.Name, content, data)
		if perr != nil {
			return nil, fmt.Errorf("%s: the template does not parse, so Rancher cannot deploy this version: %v", f.Path, perr)
		}
		if eerr != nil {
			d.problems = append(d.problems, Problem{Kind: KindRender, Severity: Error,
				Message: fmt.Sprintf("%s: templating stops with %v; Rancher deploys the output up to that point, which is what is planned", f.Path, eerr)})
		}
		content = out
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		return nil, fmt.Errorf("%s: the rendered file is not YAML: %v", f.Path, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return []byte("# notemplating\n"), nil
	}
	root := doc.Content[0]
	d.interpolateDoc(f, root, true)
	var buf bytes.Buffer
	buf.WriteString("# notemplating\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("%s: %v", f.Path, err)
	}
	return buf.Bytes(), nil
}

// interpolateDoc interpolates a compose document as the executor does:
// service values (and v2 volume and network values); keys stay as written,
// and `.catalog` is metadata, dropped when write is set. Without write the
// document is only checked, and problems reported.
func (d *deployed) interpolateDoc(f *catalog.File, root *yaml.Node, write bool) {
	v2 := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "version" && root.Content[i+1].Value == "2" {
			v2 = true
		}
	}
	var kept []*yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case k.Value == ".catalog" || k.Value == "catalog":
			continue
		case !v2 || k.Value == "services" || k.Value == "volumes" || k.Value == "networks":
			d.interpolate(f, v, map[*yaml.Node]bool{}, write)
		}
		kept = append(kept, k, v)
	}
	if write {
		root.Content = kept
	}
}

// interpolate substitutes `$` references in every scalar value under n
// (mapping keys stay), then doubles every `$` so the value reads back as
// itself; without write it only reports problems.
func (d *deployed) interpolate(f *catalog.File, n *yaml.Node, seen map[*yaml.Node]bool, write bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			d.interpolate(f, n.Content[i+1], seen, write)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			d.interpolate(f, c, seen, write)
		}
	case yaml.ScalarNode:
		if !interp.NeedsEscape(n.Value) {
			return
		}
		out, missing, err := interp.Interpolate(n.Value, func(name string) (string, bool) {
			v, ok := d.values[name]
			return v, ok
		})
		if err != nil {
			d.problems = append(d.problems, Problem{Kind: KindRender, Severity: Error,
				Message: fmt.Sprintf("%s:%d: %q does not interpolate (%v): Rancher rejects the stack", f.Path, n.Line, n.Value, err)})
			out = ""
		}
		for _, m := range missing {
			d.problems = append(d.problems, Problem{Kind: KindRender, Severity: Warning,
				Message: fmt.Sprintf("%s:%d: ${%s} is no question of this version: Rancher substitutes a blank string", f.Path, n.Line, m)})
		}
		if !write {
			return
		}
		// Interpolation happens after YAML parsing: the result is a string
		// whatever it looks like.
		n.Value = strings.ReplaceAll(out, "$", "$$")
		n.Tag = "!!str"
		n.Style = yaml.DoubleQuotedStyle
	}
}
