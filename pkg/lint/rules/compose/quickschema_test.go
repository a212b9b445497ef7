package compose

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"github.com/xeipuuv/gojsonschema"
	"gopkg.in/yaml.v3"
)

// TestQuickSchemaComplete: every keyword of the two compose schemas is one
// quickSchema implements; otherwise it could never spare the validator.
func TestQuickSchemaComplete(t *testing.T) {
	v1, v2, err := composeSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*serviceSchema{v1, v2} {
		if !s.quick.complete() {
			t.Errorf("compose-v%s.schema.json uses a keyword quickSchema does not implement", s.version)
		}
	}
}

// TestQuickSchemaUnknownKeyword: a schema with a keyword quickSchema does
// not implement passes no document, so the validator decides.
func TestQuickSchemaUnknownKeyword(t *testing.T) {
	q := compileQuick(map[string]any{"type": "object", "properties": map[string]any{"a": map[string]any{"type": "string", "maxLength": 2.0}}})
	if q.complete() || q.valid(map[string]any{"a": "x"}) {
		t.Error("a schema with maxLength passes a document")
	}
	if !q.valid(map[string]any{}) {
		t.Error("the implemented part of the schema rejects a document it allows")
	}
}

// TestQuickSchemaAgrees: quickSchema finds a document valid exactly when
// gojsonschema does, on the compose documents of the D002 test catalogs
// and the community catalog, and on mutations of them that break each
// kind of constraint the schemas state (types, patterns, enums, bounds,
// required and unknown keys, dependencies).
func TestQuickSchemaAgrees(t *testing.T) {
	v1, v2, err := composeSchemas()
	if err != nil {
		t.Fatal(err)
	}
	var docs []any
	var schemaOf []*serviceSchema
	roots, _ := filepath.Glob("testdata/D002/*")
	if _, err := os.Stat(communityCatalog); err == nil {
		roots = append(roots, communityCatalog)
	}
	for _, root := range roots {
		c, err := catalog.Load(root, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tp := range c.Templates {
			for _, v := range tp.Versions {
				a := newAnswers(v)
				for _, f := range composeFiles(v) {
					if !f.readable() {
						continue
					}
					s := v1
					if f.isV2() {
						s = v2
					}
					for _, doc := range serviceDocs(f, a) {
						docs = append(docs, doc)
						schemaOf = append(schemaOf, s)
					}
				}
			}
		}
	}
	if len(docs) == 0 {
		t.Fatal("no compose documents")
	}
	verdicts := map[bool]int{}
	check := func(s *serviceSchema, doc any, what string) {
		t.Helper()
		quick := s.quick.valid(doc)
		res, err := validateRecovered(s, doc)
		if err != nil {
			// gojsonschema fails on this document (an infinity in an
			// enum): quickSchema must leave it to it all the same.
			if quick {
				b, _ := json.Marshal(doc)
				t.Errorf("%s: quickSchema says valid, gojsonschema fails (%v): %s", what, err, b)
			}
			return
		}
		verdicts[res.Valid()]++
		if quick != res.Valid() {
			b, _ := json.Marshal(doc)
			t.Errorf("%s: quickSchema says valid=%v, gojsonschema %v (%v): %s", what, quick, res.Valid(), res.Errors(), b)
		}
	}
	for i, doc := range docs {
		check(schemaOf[i], doc, "document")
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 4000; i++ {
		k := rng.Intn(len(docs))
		check(schemaOf[k], mutate(rng, docs[k]), "mutation")
	}
	if verdicts[true] == 0 || verdicts[false] == 0 {
		t.Errorf("verdicts %v: the documents should be both valid and not", verdicts)
	}
}

func validateRecovered(s *serviceSchema, doc any) (res *gojsonschema.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.schema.Validate(gojsonschema.NewRawLoader(doc))
}

// serviceDocs converts each service of f into a document of its own, as
// D002 converts the file's services into one.
func serviceDocs(f composeFile, a *answers) []any {
	root := yamlnode.Resolve(f.doc.Root)
	pairs := yamlnode.Pairs(root)
	if f.isV2() {
		pairs = yamlnode.Pairs(yamlnode.Value(root, "services"))
	}
	var out []any
	for _, pr := range pairs {
		if f.skipTopLevel(pr.Key.Value) || !f.isV2() && (pr.Key.Value == "volumes" || isV2Section(pr.Key.Value)) {
			continue
		}
		conv := &converter{answers: a, unsure: map[*yaml.Node]bool{}}
		body := map[string]any{pr.Key.Value: conv.service(pr.Value)}
		if conv.exceeded {
			continue
		}
		if f.isV2() {
			out = append(out, map[string]any{"version": "2", "services": body})
		} else {
			out = append(out, body)
		}
	}
	return out
}

// replacements are values of every kind the converter makes, some of them
// on the edges of the schemas' constraints.
var replacements = []any{
	nil, true, false, "", "x", "12", "-3", "1.5", "2", "none", "recreate",
	json.Number("1"), json.Number("2"), json.Number("2.0"), json.Number("1.5"), json.Number("-1000"),
	json.Number("-1001"), json.Number("1001"), json.Number("1000.5"), json.Number("1e999"),
	[]any{}, []any{"a"}, []any{json.Number("1")}, []any{map[string]any{}}, []any{nil},
	map[string]any{}, map[string]any{"soft": "1", "hard": json.Number("2")}, map[string]any{"soft": "1"},
	map[string]any{"service": "s"}, map[string]any{"file": "f"}, map[string]any{"name": "n"},
}

// addedKeys are keys a mutation adds: unknown, or known with a constraint.
var addedKeys = []string{"zz_unknown", "memswap_limit", "mem_limit", "soft", "hard", "image", "aliases", "oom_score_adj", "scale", "strategy", "health_check", "extends"}

// mutate returns a deep copy of doc with one value replaced, one key added
// or one key removed, somewhere chosen at random.
func mutate(rng *rand.Rand, doc any) any {
	doc = deepCopy(doc)
	var spots []func()
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				spots = append(spots,
					func() { x[k] = replacements[rng.Intn(len(replacements))] },
					func() { delete(x, k) })
				walk(x[k])
			}
			spots = append(spots, func() {
				x[addedKeys[rng.Intn(len(addedKeys))]] = replacements[rng.Intn(len(replacements))]
			})
		case []any:
			for i := range x {
				spots = append(spots, func() { x[i] = replacements[rng.Intn(len(replacements))] })
				walk(x[i])
			}
		}
	}
	walk(doc)
	if len(spots) > 0 {
		spots[rng.Intn(len(spots))]()
	}
	return doc
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := slices.Clone(x)
		for i, e := range out {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

// TestNormalJSON: the shortcuts for plain strings, booleans and null give
// what marshalling twice gives.
func TestNormalJSON(t *testing.T) {
	for _, v := range []any{nil, true, false, "", "2", "none", "a b", `q"`, `b\s`, "<&>", "tab\t", "é", "\xff", "\u2028", json.Number("2.0"), json.Number("2")} {
		got, ok := normalJSON(v)
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back any
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(back)
		if !ok || got != string(want) {
			t.Errorf("normalJSON(%#v) = %q, %v; want %q", v, got, ok, want)
		}
	}
}

// TestQuickServicesAgrees: reading the nodes (quickServices) finds a file's
// services clean exactly when the document validateFile builds is valid and
// repeats no item that must be unique, on the D002 test catalogs, the
// community catalog and mutations of their nodes.
func TestQuickServicesAgrees(t *testing.T) {
	v1, v2, err := composeSchemas()
	if err != nil {
		t.Fatal(err)
	}
	type file struct {
		f        composeFile
		a        *answers
		services []service
	}
	var files []file
	roots, _ := filepath.Glob("testdata/D002/*")
	if _, err := os.Stat(communityCatalog); err == nil {
		roots = append(roots, communityCatalog)
	}
	for _, root := range roots {
		c, err := catalog.Load(root, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tp := range c.Templates {
			for _, v := range tp.Versions {
				for _, f := range composeFiles(v) {
					if f.readable() {
						if svcs := servicesOf(f); len(svcs) > 0 {
							files = append(files, file{f, newAnswers(v), svcs})
						}
					}
				}
			}
		}
	}
	verdicts := map[bool]int{}
	check := func(x file, what string) {
		t.Helper()
		s := v1
		if x.f.isV2() {
			s = v2
		}
		conv := &converter{answers: x.a}
		body := map[string]any{}
		for _, svc := range x.services {
			val := conv.service(svc.value)
			if val == nil {
				val = map[string]any{}
			}
			body[svc.name] = val
		}
		var doc any = body
		if x.f.isV2() {
			doc = map[string]any{"version": "2", "services": body}
		}
		quick := quickServices(s, x.a, x.services, x.f.isV2())
		if conv.exceeded {
			return // validateFile reports nothing either way
		}
		res, err := validateRecovered(s, doc)
		if err != nil {
			if quick {
				t.Errorf("%s %s: quickServices says clean, gojsonschema fails: %v", what, x.f.doc.File.Path, err)
			}
			return
		}
		clean := res.Valid() && len(duplicateItems(s, body, x.f.isV2())) == 0
		verdicts[clean]++
		if quick != clean {
			b, _ := json.Marshal(doc)
			t.Errorf("%s %s: quickServices says clean=%v, the document is clean=%v (%v): %s", what, x.f.doc.File.Path, quick, clean, res.Errors(), b)
		}
	}
	for _, x := range files {
		check(x, "file")
	}
	// Lists longer than shortMapping, which repeatsItem compares through a
	// map rather than pairwise (distinct items, a repeat, items that differ
	// only in type), as a service's dns, in files that have a service body.
	var long []string
	for i := 0; i < shortMapping+4; i++ {
		long = append(long, fmt.Sprintf("a%d", i))
	}
	longChecked := 0
	for _, src := range []string{"[" + strings.Join(long, ", ") + "]", "[" + strings.Join(long, ", ") + ", a3]", "[" + strings.Join(long, ", ") + ", '1', 1]"} {
		var list yaml.Node
		if err := yaml.Unmarshal([]byte(src), &list); err != nil {
			t.Fatal(err)
		}
		for _, x := range files[:min(len(files), 20)] {
			if !yamlnode.IsMap(x.services[0].value) {
				continue
			}
			svcs := slices.Clone(x.services)
			body := copyNode(svcs[0].value, 0)
			body.Content = append(body.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "dns"}, list.Content[0])
			svcs[0].value = body
			x.services = svcs
			check(x, "long dns list in")
			longChecked++
		}
	}
	if longChecked == 0 {
		t.Error("no long list was checked")
	}
	var snippets []*yaml.Node
	for _, src := range []string{"~", "true", "yes", "'yes'", "12", "'12'", "1.5", "-1001", "1001", "0755", "x", "'${X}'", "${UNSET}", ".inf",
		"[]", "[a, a]", "[a, b]", "['1', 1]", "[1, 1]", "[{}]", "{}", "{soft: 1, hard: 2}", "{soft: 1}", "{service: s}", "{zz: 1}",
		"none", "recreate", "{strategy: none}", "{strategy: bad}"} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(src), &n); err != nil {
			t.Fatal(err)
		}
		snippets = append(snippets, n.Content[0])
	}
	keys := []string{"zz_unknown", "memswap_limit", "mem_limit", "oom_score_adj", "scale", "health_check", "ports", "dns", "privileged", "ulimits", "extends", "labels"}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		x := files[rng.Intn(len(files))]
		svcs := slices.Clone(x.services)
		k := rng.Intn(len(svcs))
		svcs[k].value = mutateNode(rng, copyNode(svcs[k].value, 0), snippets, keys)
		x.services = svcs
		check(x, "mutation of")
	}
	if verdicts[true] == 0 || verdicts[false] == 0 {
		t.Errorf("verdicts %v: the files should be both clean and not", verdicts)
	}
}

// servicesOf lists a file's services as validateFile does, leaving out the
// entries it reports rather than validates.
func servicesOf(f composeFile) []service {
	root := yamlnode.Resolve(f.doc.Root)
	if !yamlnode.IsMap(root) {
		return nil
	}
	var out []service
	if f.isV2() {
		body := yamlnode.Value(root, "services")
		if !yamlnode.IsNull(body) && !yamlnode.IsMap(body) {
			return nil
		}
		for _, pr := range yamlnode.Pairs(body) {
			if !(f.rc && (pr.Key.Value == ".catalog" || pr.Key.Value == "catalog")) {
				out = append(out, service{pr.Key.Value, pr.Key, pr.Value})
			}
		}
		return out
	}
	for _, pr := range yamlnode.Pairs(root) {
		name := pr.Key.Value
		if f.skipTopLevel(name) || name == "volumes" || isV2Section(name) || f.rc && !yamlnode.IsMap(pr.Value) && !yamlnode.IsNull(pr.Value) {
			continue
		}
		out = append(out, service{name, pr.Key, pr.Value})
	}
	return out
}

// copyNode copies a node tree (aliases are resolved into copies, a few
// levels deep).
func copyNode(n *yaml.Node, depth int) *yaml.Node {
	n = yamlnode.Resolve(n)
	if n == nil || depth > 20 {
		return n
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, e := range n.Content {
		c.Content[i] = copyNode(e, depth+1)
	}
	return &c
}

// mutateNode replaces one node of the tree by a snippet, or adds a key to
// one of its mappings, chosen at random; it returns the new root.
func mutateNode(rng *rand.Rand, root *yaml.Node, snippets []*yaml.Node, keys []string) *yaml.Node {
	var spots []func()
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			spots = append(spots, func() {
				k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: keys[rng.Intn(len(keys))]}
				n.Content = append(n.Content, k, copyNode(snippets[rng.Intn(len(snippets))], 0))
			})
			for i := 1; i < len(n.Content); i += 2 {
				i := i
				spots = append(spots, func() { n.Content[i] = copyNode(snippets[rng.Intn(len(snippets))], 0) })
				walk(n.Content[i])
			}
		case yaml.SequenceNode:
			for i := range n.Content {
				spots = append(spots, func() { n.Content[i] = copyNode(snippets[rng.Intn(len(snippets))], 0) })
				walk(n.Content[i])
			}
		}
	}
	walk(root)
	if len(spots) == 0 {
		return copyNode(snippets[rng.Intn(len(snippets))], 0)
	}
	spots[rng.Intn(len(spots))]()
	return root
}

// TestDecimalIntegerFastPath: the numbers valid and number read without
// big.Rat or strconv are read by them as the same integers.
func TestDecimalIntegerFastPath(t *testing.T) {
	for _, text := range []string{"0", "7", "-1001", "493", "123456789012345", "1234567890123456789012345678901234567890",
		"", "-", "1.5", "1e3", "+1", "0x1f", "1_000", "- 1", "١٢"} {
		fast := decimalInteger(text)
		r, ok := new(big.Rat).SetString(text)
		if fast && (!ok || !r.IsInt()) {
			t.Errorf("decimalInteger(%q) = true, big.Rat reads ok=%v", text, ok)
		}
		if fast && len(text) <= 15 {
			if _, err := strconv.ParseFloat(text, 64); err != nil {
				t.Errorf("%q: a short decimal integer that ParseFloat refuses (%v)", text, err)
			}
		}
		if want := ok && r.IsInt() && !strings.ContainsAny(text, ".eE+_xX") && text != ""; fast != want {
			t.Errorf("decimalInteger(%q) = %v, want %v", text, fast, want)
		}
	}
}
