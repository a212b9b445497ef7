package metadata

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleQ010 = &lint.Rule{
	ID: "Q010", Slug: "question.unused", Formerly: []string{"q.unused"}, Severity: lint.Info,
	Summary: "every question is used by the compose files",
	Doc: "An answer reaches the stack only through `${NAME}`/`$NAME` interpolation, `.Values.NAME` in a " +
		"template, or an environment entry without a value (`- NAME`), which the executor fills from the " +
		"answers, in docker-compose or rancher-compose. A question that neither file uses asks " +
		"the user for something that has no effect: a leftover from an older version, or a typo in " +
		"the reference. " +
		"Info: nothing fails; the question only asks for nothing.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: http_port     # docker-compose.yml never says ${http_port}
      type: int
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: http_port
      type: int
# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    ports:
      - ${http_port}:80
`,
	Version: checkUnused,
}

func checkUnused(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil || len(info.Questions) == 0 {
		return
	}
	u := newUses(info.Questions)
	for _, f := range filesUsingAnswers(v) {
		if u.done() {
			break // every question is used: nothing to report
		}
		if v.Template.IsCompose() && f.Doc == nil && f.Rendered != nil && f.Rendered.Doc == nil && f.Rendered.YAMLErr != nil {
			// The file is not YAML even once rendered (D009, T005): its
			// bare environment entries cannot be read, so which questions
			// it uses is unknown.
			return
		}
		collectUses(f, info, u)
	}
	if v.Project != nil && !u.done() {
		// The rendered project covers templated files that are not YAML
		// as written.
		for _, s := range v.Project.Services {
			for _, e := range s.Fields("environment") {
				collectEnvLookups(e.Value, u)
			}
		}
	}
	for _, q := range info.Questions {
		if !u.isPending(q.Variable) {
			continue
		}
		p.Report(questionPos(info, q), "%s is not used: neither compose file refers to ${%s}, $%s, .Values.%s or a bare environment entry %s, so its answer has no effect; use it or remove the question", qname(q), q.Variable, q.Variable, q.Variable, q.Variable)
	}
}

// uses tracks which questions the files have not used yet. Only questions
// that can be unused are tracked, so the search stops as soon as the last
// of them is found, which in most versions is well before the end of the
// files.
type uses struct {
	pending map[string]bool // variable -> not used yet
	left    int             // the true entries of pending
	refs    []interp.Ref    // scan's buffer, reused from one string to the next
}

func newUses(qs []*catalog.Question) *uses {
	u := &uses{pending: make(map[string]bool, len(qs))}
	for _, q := range qs {
		if q.Variable != "" && isVariable(q.Variable) && !u.pending[q.Variable] {
			u.pending[q.Variable] = true
			u.left++
		}
	}
	return u
}

func (u *uses) isPending(name string) bool { return u.pending[name] }

// use records that the files use the answer name.
func (u *uses) use(name string) {
	if u.pending[name] {
		u.pending[name] = false
		u.left--
	}
}

func (u *uses) done() bool { return u.left == 0 }

// filesUsingAnswers returns the files an answer can reach: the two compose
// files the UI sends for compose templates; every manifest of the version
// for the other kinds (Kubernetes templates interpolate their manifests).
func filesUsingAnswers(v *catalog.Version) []*catalog.File {
	var out []*catalog.File
	if v.Template.IsCompose() {
		for _, f := range []*catalog.File{v.ComposeFile(), v.RancherComposeFile()} {
			if f != nil {
				out = append(out, f)
			}
		}
		return out
	}
	for _, f := range v.Files {
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".yml", ".yaml", ".tpl", ".json":
			out = append(out, f)
		}
	}
	return out
}

// valuesRe finds `.Values.NAME` and `index .Values "NAME"` in template text
// that does not parse as a template (T001's problem): a pattern over the
// raw text errs on the side of "used".
var valuesRe = regexp.MustCompile(`\.Values\.([A-Za-z_][A-Za-z0-9_]*)|index\s+\.Values\s+"([^"]*)"`)

func collectUses(f *catalog.File, info *catalog.Info, u *uses) {
	if f.ReadErr != nil || f.Data == nil {
		return
	}
	if !tmpl.NoTemplating(f.Data) && bytes.Contains(f.Data, []byte("{{")) {
		if refs, err := f.ValueRefs(); err == nil {
			for _, r := range refs {
				u.use(r.Name)
			}
		} else {
			for _, m := range valuesRe.FindAllSubmatch(f.Data, -1) {
				u.use(string(m[1]) + string(m[2]))
			}
		}
	}
	if f.Doc != nil {
		// Every scalar of the raw document, keys included (a reference in a
		// key is I003's problem, not an unused question), except the
		// `.catalog` block itself; aliases are not followed.
		u.walk(f.Doc, info.Node)
		return
	}
	// Templates and files that are not YAML as written: scan the text,
	// leaving out comment lines.
	for data := f.Data; len(data) > 0 && !u.done(); {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) == 0 || t[0] == '#' || bytes.IndexByte(t, '$') < 0 {
			continue
		}
		u.scan(string(line))
	}
}

// scan records the references of s.
func (u *uses) scan(s string) {
	u.refs, _ = interp.AppendScan(u.refs[:0], nil, s)
	for _, r := range u.refs {
		u.use(r.Name)
	}
}

// walk records the uses in n and below, leaving out skip, until every
// question is used.
func (u *uses) walk(n, skip *yaml.Node) {
	yamlnode.Walk(n, func(n, _ *yaml.Node) bool {
		if n == skip || u.done() {
			return false
		}
		switch n.Kind {
		case yaml.ScalarNode:
			if strings.IndexByte(n.Value, '$') >= 0 {
				u.scan(n.Value)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "environment" {
					collectEnvLookups(n.Content[i+1], u)
				}
			}
		}
		return true
	})
}

// collectEnvLookups marks environment entries written without a value
// (`- NAME` or `NAME:`): libcompose fills them from its environment lookup,
// which in Rancher's executor is the answers, so they use the answer NAME.
//
// It reads the entries as yamlnode.KeyValues does, in place: this runs on
// every environment of every compose file. TestEnvLookupsAreKeyValues
// holds the two together.
func collectEnvLookups(env *yaml.Node, u *uses) {
	n := yamlnode.Resolve(env)
	if n == nil {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		c := n.Content
		for i := 0; i+1 < len(c); i += 2 {
			if k := c[i]; k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
				// Merged entries: as KeyValues lists them.
				for _, kv := range yamlnode.KeyValues(n) {
					if !kv.HasValue && kv.Key != "" {
						u.use(kv.Key)
					}
				}
				return
			}
		}
		for i := 0; i+1 < len(c); i += 2 {
			v := yamlnode.Resolve(c[i+1])
			if hasValue := v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null"; !hasValue && c[i].Value != "" {
				u.use(c[i].Value)
			}
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			item = yamlnode.Resolve(item)
			if item == nil || item.Kind != yaml.ScalarNode {
				continue
			}
			if k, _, hasValue := strings.Cut(item.Value, "="); !hasValue && k != "" {
				u.use(k)
			}
		}
	}
}
