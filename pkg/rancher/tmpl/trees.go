package tmpl

import (
	"sort"
	"text/template/parse"
)

// ParseTrees parses a template into its parse trees (the main one and every
// `define`), sorted by name, without checking function names: callers that
// need to know whether Rancher accepts the template use Render. Templates
// beyond CheckSource's limits are refused.
func ParseTrees(name string, content []byte) ([]*parse.Tree, error) {
	if err := CheckSource(name, content); err != nil {
		return nil, err
	}
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck
	set := map[string]*parse.Tree{}
	if _, err := t.Parse(string(content), "", "", set); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	trees := make([]*parse.Tree, 0, len(names))
	for _, n := range names {
		if set[n] != nil && set[n].Root != nil {
			trees = append(trees, set[n])
		}
	}
	return trees, nil
}
