package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
	"github.com/catalogen/catalogen/pkg/spelling"
)

// templateSuffix marks files that are templates; the suffix is dropped from
// the output name. Other files of an entry folder are copied as they are.
const templateSuffix = ".tmpl"

// templateSet is one entry's parsed templates.
type templateSet struct {
	root    *template.Template
	budget  *tmpl.Budget // bounds each execution (see tmpl's limits)
	outputs []output
	sources map[string][]byte // template file (as shown) → its text
}

type output struct {
	name     string // file name in the version folder
	template string // template name, "" for a file copied verbatim
	source   string // the file it comes from, as shown
	raw      []byte
}

// loadTemplates parses the partials (`_*.tmpl` in the blueprint's templates
// folder and in the entry's folder) and the entry's files.
func loadTemplates(bp *blueprint.Blueprint, e blueprint.Entry) (*templateSet, error) {
	return loadTemplatesWith(bp, e, nil)
}

// loadTemplatesWith is loadTemplates with a hook that may rewrite each
// parsed tree before it is instrumented (Trace marks its lines).
func loadTemplatesWith(bp *blueprint.Blueprint, e blueprint.Entry, mark func(file string, src []byte, tree *parse.Tree)) (*templateSet, error) {
	budget := tmpl.NewBudget()
	set := &templateSet{
		root:    template.New(e.Name).Option("missingkey=error").Funcs(budget.Funcs(funcMap(e))),
		budget:  budget,
		sources: map[string][]byte{},
	}
	for _, dir := range []string{bp.Templates, e.Templates} {
		if err := set.addPartials(bp.Source, dir); err != nil {
			return nil, err
		}
	}
	entries, err := fs.ReadDir(bp.Source.FS, e.Templates)
	if err != nil {
		return nil, fmt.Errorf("%s: templates of entry %s: %w", e.Pos, e.Name, err)
	}
	for _, de := range entries {
		name, file := de.Name(), path.Join(e.Templates, de.Name())
		switch {
		case strings.HasPrefix(name, "_") || strings.HasPrefix(name, "."):
			continue
		case de.IsDir():
			return nil, fmt.Errorf("%s: sub-folders are not supported (Rancher keys version files by base name)", bp.Source.Show(file))
		}
		data, err := bp.Source.ReadFile(file)
		if err != nil {
			return nil, err
		}
		out := output{name: strings.TrimSuffix(name, templateSuffix), source: bp.Source.Show(file)}
		if strings.HasSuffix(name, templateSuffix) {
			out.template = bp.Source.Show(file)
			if err := set.parse(out.template, data); err != nil {
				return nil, err
			}
		} else {
			out.raw = data
		}
		if err := checkName("output file name", out.name); err != nil {
			return nil, fmt.Errorf("%s: %w", bp.Source.Show(file), err)
		}
		set.outputs = append(set.outputs, out)
	}
	if len(set.outputs) == 0 {
		return nil, fmt.Errorf("%s: entry %s: no templates in %s", e.Pos, e.Name, bp.Source.Show(e.Templates))
	}
	for _, t := range set.root.Templates() {
		if mark != nil && t.Tree != nil {
			mark(t.Tree.ParseName, set.sources[t.Tree.ParseName], t.Tree)
		}
		tmpl.Instrument(t.Tree)
	}
	return set, nil
}

// parse adds one template file, refused beforehand when it is beyond the
// limits that keep the parser from exhausting memory or the stack.
func (s *templateSet) parse(name string, data []byte) error {
	if err := tmpl.CheckSource(name, data); err != nil {
		return err
	}
	s.sources[name] = data
	_, err := s.root.New(name).Parse(string(data))
	return withFuncSuggestion(err)
}

var undefinedFuncRe = regexp.MustCompile(`function "([^"]+)" not defined`)

// withFuncSuggestion adds the likely intended function to Go's "function
// not defined" error, for a near miss such as composeScalr.
func withFuncSuggestion(err error) error {
	if err == nil {
		return nil
	}
	m := undefinedFuncRe.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	funcs := funcMap(blueprint.Entry{})
	names := make([]string, 0, len(funcs))
	for name := range funcs {
		names = append(names, name)
	}
	hint := spelling.DidYouMean(m[1], names)
	if hint == "" {
		return err
	}
	return fmt.Errorf("%w%s", err, hint)
}

func (s *templateSet) addPartials(src blueprint.Source, dir string) error {
	matches, err := fs.Glob(src.FS, path.Join(dir, "_*"+templateSuffix))
	if err != nil {
		return err
	}
	for _, m := range matches {
		data, err := src.ReadFile(m)
		if err != nil {
			return err
		}
		if err := s.parse(src.Show(m), data); err != nil {
			return err
		}
	}
	return nil
}

// render executes every output for one release.
func (s *templateSet) render(data *templateData) (map[string][]byte, error) {
	files := make(map[string][]byte, len(s.outputs))
	for _, o := range s.outputs {
		if o.template == "" {
			files[o.name] = o.raw
			continue
		}
		var buf bytes.Buffer
		s.budget.Start()
		err := s.root.ExecuteTemplate(s.budget.Writer(&buf), o.template, data)
		s.budget.Stop()
		if err != nil {
			if !strings.HasPrefix(err.Error(), "template: ") {
				err = fmt.Errorf("%s: %w", o.template, err) // the writer's errors come back bare
			}
			return nil, err
		}
		files[o.name] = buf.Bytes()
	}
	return files, nil
}

// funcMap is sprig's functions minus everything that reads the host (the
// clock, randomness, the environment, the network), so output depends on
// inputs only, plus the quoting functions and `question`.
func funcMap(e blueprint.Entry) template.FuncMap {
	fm := tmpl.DeterministicFuncMap()
	// The quoting functions are pure, and the releases of an entry quote the
	// same image names and settings over and over.
	fm["yamlScalar"] = remembered(YAMLScalar)
	fm["composeScalar"] = remembered(ComposeScalar)
	fm["composeText"] = remembered(ComposeText)
	names := make([]string, len(e.Questions))
	for i, q := range e.Questions {
		names[i] = q.Variable
	}
	fm["question"] = func(variable string) (string, error) {
		if !slices.Contains(names, variable) {
			return "", fmt.Errorf("entry %s asks no question %q (it asks %s)", e.Name, variable, strings.Join(names, ", "))
		}
		return "${" + variable + "}", nil
	}
	return fm
}

// remembered is f with its results kept, up to maxRemembered bytes of
// arguments and results, so that a template quoting in a loop cannot
// make it grow without end. A function map serves one entry's template
// set, which runs one execution at a time, so the map needs no lock.
func remembered(f func(string) string) func(string) string {
	seen := map[string]string{}
	size := 0
	return func(s string) string {
		if out, ok := seen[s]; ok {
			return out
		}
		out := f(s)
		if size += len(s) + len(out); size <= maxRemembered {
			seen[s] = out
		}
		return out
	}
}

const maxRemembered = 1 << 20
