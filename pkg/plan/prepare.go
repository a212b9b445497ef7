package plan

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/pkg/rancher/deploy"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"gopkg.in/yaml.v3"
)

// deployed is a version as Rancher's executor deploys it with one set of
// answers, read through the stack view the lint rules use.
type deployed struct {
	view     *stack.View
	problems []Problem
}

// placeholders returns, for each required question with neither an answer
// nor a default, the value the catalog model gives it (a placeholder suited
// to its type), with a problem saying so: Rancher's form would ask for it.
func placeholders(v *catalog.Version, answers map[string]string) (map[string]string, []Problem) {
	out := map[string]string{}
	var probs []Problem
	if v.Catalog == nil {
		return out, nil
	}
	for _, q := range v.Catalog.Questions {
		if _, answered := answers[q.Variable]; answered || q.Variable == "" || !q.Required || q.Default != "" {
			continue
		}
		val := v.Values()[q.Variable]
		out[q.Variable] = val
		probs = append(probs, Problem{Kind: KindAnswer, Severity: Warning,
			Message: fmt.Sprintf("question %s is required and has no default: planned with %q; give it in --answers", q.Variable, val)})
	}
	return out, probs
}

// deployFor returns v as deployed with answers under a stack name. With no
// answers and the template's own name as stack name this is how the
// catalog model already reads the version (question defaults, rendered as
// Rancher does), so its view is used as it is; otherwise the version is
// rendered again by pkg/rancher/deploy, the library behind catalogen render.
// Both report the same warnings.
func deployFor(v *catalog.Version, answers map[string]string, stackName string) (*deployed, error) {
	if len(answers) > 0 || stackName != v.Template.Name {
		return redeploy(v, answers, stackName)
	}
	// TypicalInventory and New both ask for this when a drawing is made:
	// it is worked out once per version. Each caller gets its own list of
	// problems, since New adds to it.
	r := catalog.Derive(v, asReadKey, func() asRead {
		d, err := asModelReads(v, stackName)
		return asRead{d, err}
	})
	if r.err != nil {
		return nil, r.err
	}
	return &deployed{view: r.d.view, problems: slices.Clone(r.d.problems)}, nil
}

// asRead is deployFor's result for the version as the model reads it.
type asRead struct {
	d   *deployed
	err error
}

var asReadKey = catalog.NewKey[asRead]("plan.as-read")

// asModelReads is deployFor without answers, under the template's name.
func asModelReads(v *catalog.Version, stackName string) (*deployed, error) {
	_, probs := placeholders(v, nil)
	d := &deployed{problems: probs, view: stack.New(v)}
	if d.view == nil {
		return nil, noProject(v)
	}
	values := v.Values()
	for _, f := range []*catalog.File{v.ComposeFile(), v.RancherComposeFile()} {
		if f == nil || f.Rendered == nil {
			continue
		}
		if f.Rendered.ExecErr != nil {
			d.warn("%s: %v; Rancher ignores this error and deploys the output cut off here", f.Path, f.Rendered.ExecErr)
		}
		root := f.Rendered.Doc
		if root != nil && root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
			root = root.Content[0]
		}
		if root == nil || root.Kind != yaml.MappingNode {
			continue
		}
		bad := false
		eachValue(root, func(n *yaml.Node) {
			if !strings.Contains(n.Value, "$") {
				return
			}
			_, missing, err := interp.Interpolate(n.Value, func(name string) (string, bool) {
				val, ok := values[name]
				return val, ok
			})
			bad = bad || err != nil
			for _, m := range missing {
				d.warn("%s:%d: the %s variable is not set; Rancher substitutes a blank string", f.Path, n.Line, m)
			}
		})
		if bad {
			// Rancher rejects the stack; the deploy library says where.
			return redeploy(v, nil, stackName)
		}
	}
	return d, nil
}

func (d *deployed) warn(format string, args ...any) {
	d.problems = append(d.problems, Problem{Kind: KindRender, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// noProject says why v has no compose project to plan.
func noProject(v *catalog.Version) error {
	f := v.ComposeFile()
	switch {
	case f == nil:
		return fmt.Errorf("%s: no docker-compose.yml or docker-compose.yml.tpl: nothing to plan", v.Dir)
	case f.ReadErr != nil:
		return fmt.Errorf("%s: %v", f.Path, f.ReadErr)
	case f.Rendered != nil && f.Rendered.ParseErr != nil:
		return fmt.Errorf("%s: Go templating fails, so Rancher cannot deploy this version: %v", f.Path, f.Rendered.ParseErr)
	case f.Rendered != nil && f.Rendered.ExecErr != nil && f.Rendered.Doc == nil:
		return fmt.Errorf("%s: templating stops with %v, and what it wrote is no compose file", f.Path, f.Rendered.ExecErr)
	case f.Rendered != nil && f.Rendered.YAMLErr != nil:
		return fmt.Errorf("%s: not YAML after templating: %v", f.Path, f.Rendered.YAMLErr)
	}
	return fmt.Errorf("%s: no docker-compose project to plan", v.Dir)
}

// redeploy renders v with pkg/rancher/deploy and reads the result back into
// the catalog model, `$` doubled and `# notemplating` first, so that the
// model's own templating and interpolation leave it as deployed.
func redeploy(v *catalog.Version, answers map[string]string, stackName string) (*deployed, error) {
	extra, probs := placeholders(v, answers)
	all := map[string]string{}
	for k, val := range answers {
		all[k] = val
	}
	for k, val := range extra {
		all[k] = val
	}
	res, err := deploy.Render(v, all, deploy.Options{StackName: stackName})
	var missing *deploy.MissingAnswersError
	if errors.As(err, &missing) {
		return nil, fmt.Errorf("%s: required questions without a value: %s", v.Dir, strings.Join(missing.Variables, ", "))
	}
	if err != nil {
		return nil, err
	}
	d := &deployed{problems: probs}
	for _, w := range res.Warnings {
		d.warn("%s", w)
	}
	files := map[string][]byte{"templates/" + stackName + "/config.yml": []byte("name: plan\nversion: plan\n")}
	for _, f := range res.Files {
		data, err := literal(f.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.From, err)
		}
		files["templates/"+stackName+"/0/"+f.Name] = data
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
		return nil, fmt.Errorf("%s: the deployed docker-compose file is no compose project", v.Dir)
	}
	return d, nil
}

// literal turns a deployed compose file into one whose values read back as
// themselves: every `$` doubled, and no templating.
func literal(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("# notemplating\n")
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return buf.Bytes(), nil
	}
	eachValue(doc.Content[0], func(n *yaml.Node) {
		if strings.Contains(n.Value, "$") {
			n.Value = strings.ReplaceAll(n.Value, "$", "$$")
			n.Tag = "!!str"
		}
	})
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// eachValue calls fn on every scalar value the executor interpolates:
// values under the top-level keys composefile.Interpolated names, not
// keys.
func eachValue(root *yaml.Node, fn func(*yaml.Node)) {
	v2 := composefile.IsV2(root)
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		switch n.Kind {
		case yaml.ScalarNode:
			fn(n)
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		if composefile.Interpolated(k.Value, v2) {
			walk(val)
		}
	}
}
