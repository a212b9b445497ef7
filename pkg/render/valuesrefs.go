package render

import (
	"text/template"

	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

// valuesRefs returns the answers a Rancher-side template reads: `.Values.X`,
// `$.Values.X` and `index .Values "X"` in its actions (text that only looks
// like a reference, in a YAML value or escaped as {{`{{`}}, does not count).
// It fails when Rancher could not parse the template, unknown functions
// included.
func valuesRefs(name string, content []byte) ([]string, error) {
	if err := tmpl.CheckSource(name, content); err != nil {
		return nil, err
	}
	if _, err := template.New(name).Funcs(tmpl.FuncMap()).Parse(string(content)); err != nil {
		return nil, err
	}
	refs, err := tmpl.UsedValues(name, content)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, r := range refs {
		names = append(names, r.Name)
	}
	return names, nil
}
