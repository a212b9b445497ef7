package render

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

// composeFiles are the files Rancher templates, parses and interpolates.
var composeFiles = []string{"docker-compose.yml", "docker-compose.yml.tpl", "rancher-compose.yml", "rancher-compose.yml.tpl"}

// finishVersion completes a rendered version folder and checks it as Rancher
// will read it.
func finishVersion(e blueprint.Entry, r blueprint.Release, catalog string, files map[string][]byte) error {
	rc, ok := files["rancher-compose.yml"]
	if !ok {
		return fmt.Errorf("no rancher-compose.yml rendered; Rancher ignores a version folder without one (its template must contain {{ .Catalog }})")
	}
	if strings.Contains(catalog, "{{") {
		// Rancher would run the question texts through its templating
		// (rancher/rancher-compose-executor templates rancher-compose.yml too).
		if strings.Count(string(rc), "{{") > strings.Count(catalog, "{{") {
			return fmt.Errorf("rancher-compose.yml uses Rancher templating and its questions contain \"{{\"; Rancher cannot have both (remove one)")
		}
		files["rancher-compose.yml"] = append([]byte("# notemplating\n"), rc...)
	}
	used := map[string]bool{}
	defaults := map[string]string{}
	for _, q := range e.Questions {
		defaults[q.Variable] = q.Default
	}
	for _, name := range composeFiles {
		content, ok := files[name]
		if !ok {
			continue
		}
		view, err := rancherView(name, content, r.CatalogVersion(), defaults, used)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := collectRefs(name, view, used); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return checkQuestionsUsed(e, used)
}

// checkCatalogVersion reads `.catalog.version` from the raw file, as
// catalog-service does (before any templating).
func checkCatalogVersion(doc *yaml.Node, want string) error {
	got := ""
	if root := doc.Content; len(root) > 0 && root[0].Kind == yaml.MappingNode {
		for _, key := range []string{".catalog", "catalog"} {
			if block := mapValue(root[0], key); block != nil {
				if v := mapValue(block, "version"); v != nil {
					got = v.Value
				}
				break
			}
		}
	}
	if got != want {
		return fmt.Errorf(".catalog.version is %q, want %q (put {{ .Catalog }} at the top level)", got, want)
	}
	return nil
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// rancherView parses content the way Rancher's executor reads it with every
// question at its default: templated (unless it opts out or has no action),
// then YAML. It records each answer the template code reads as used. The raw
// rancher-compose.yml must also carry the right .catalog.version, since
// catalog-service reads that before any templating.
func rancherView(name string, content []byte, version string, defaults map[string]string, used map[string]bool) (*yaml.Node, error) {
	templated := !tmpl.NoTemplating(content) && bytes.Contains(content, []byte("{{"))
	if templated {
		refs, err := valuesRefs(name, content)
		if err != nil {
			return nil, fmt.Errorf("templating as Rancher does it would fail: %v", err)
		}
		for _, r := range refs {
			used[r] = true
		}
	}
	if name == "rancher-compose.yml" {
		var raw yaml.Node
		if err := yaml.Unmarshal(content, &raw); err != nil {
			return nil, fmt.Errorf("not valid YAML before templating, which catalog-service needs: %v", err)
		}
		if err := checkCatalogVersion(&raw, version); err != nil {
			return nil, err
		}
		if !templated {
			return &raw, nil
		}
	}
	view := content
	if templated {
		out, parseErr, execErr := tmpl.Render(name, content, tmpl.Data{Values: defaults})
		if parseErr != nil {
			return nil, fmt.Errorf("templating as Rancher does it would fail: %v", parseErr)
		}
		if execErr != nil {
			return nil, fmt.Errorf("templating as Rancher does it would stop early: %v", execErr)
		}
		view = out
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(view, &doc); err != nil {
		return nil, fmt.Errorf("not valid YAML as Rancher reads it: %v", err)
	}
	return &doc, nil
}

// collectRefs records each `$` reference in a value (keys and the .catalog
// block are not interpolated).
func collectRefs(name string, doc *yaml.Node, used map[string]bool) error {
	var errs []string
	walkValues(doc, "", func(where, s string) {
		refs, ierrs := interp.Scan(s)
		for _, r := range refs {
			used[r.Name] = true
		}
		for _, ie := range ierrs {
			errs = append(errs, fmt.Sprintf("line %s: %s", where, ie.Msg))
		}
	})
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// walkValues calls f for every scalar value (not key) outside the top-level
// catalog block, with its line number.
func walkValues(n *yaml.Node, parentKey string, f func(where, s string)) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			walkValues(c, parentKey, f)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if parentKey == "" && (k == ".catalog" || k == "catalog") {
				continue
			}
			walkValues(n.Content[i+1], k, f)
		}
	case yaml.ScalarNode:
		f(fmt.Sprint(n.Line), n.Value)
	}
}

// checkQuestionsUsed requires the references and the questions to match: a
// reference without a question silently becomes "", a question nobody uses
// asks the user for nothing.
func checkQuestionsUsed(e blueprint.Entry, used map[string]bool) error {
	var asked []string
	var problems []string
	for _, q := range e.Questions {
		asked = append(asked, q.Variable)
		if !used[q.Variable] {
			problems = append(problems, fmt.Sprintf("question %q (%s) is not used by any compose file", q.Variable, q.Pos))
		}
	}
	var names []string
	for name := range used {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !slices.Contains(asked, name) {
			problems = append(problems, fmt.Sprintf("${%s} is used but entry %s asks no such question (Rancher would substitute an empty string)", name, e.Name))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}
