package blueprint

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/schemas"
)

// SchemaFile is the embedded schema that blueprints are validated against,
// and the file an editor's `# yaml-language-server: $schema=` line names.
const SchemaFile = "blueprint.schema.json"

var compiled = sync.OnceValues(func() (*compiledSchema, error) {
	raw, err := schemas.Load(SchemaFile)
	if err != nil {
		return nil, err
	}
	s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SchemaFile, err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	return &compiledSchema{schema: s, doc: doc}, nil
})

type compiledSchema struct {
	schema *gojsonschema.Schema
	doc    map[string]any // the raw schema, to explain what a field allows
}

// pathSep separates context segments: no YAML key of a blueprint contains it,
// where "." (gojsonschema's default) appears in image and label names.
const pathSep = "\x00"

// validateSchema checks a parsed blueprint against the JSON schema and maps
// every violation back to the YAML node it is about.
func validateSchema(root *yaml.Node, file string) Errors {
	cs, err := compiled()
	if err != nil {
		return Errors{{Pos: Pos{File: file}, Msg: "internal: " + err.Error()}}
	}
	value, verr := jsonValue(root, file)
	if verr != nil {
		return Errors{verr}
	}
	res, err := cs.schema.Validate(gojsonschema.NewGoLoader(value))
	if err != nil {
		return Errors{{Pos: Pos{File: file}, Msg: err.Error()}}
	}
	var out Errors
	seen := map[string]bool{}
	for _, re := range res.Errors() {
		e := cs.explain(re, root, file)
		if key := e.Error(); !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}

func (cs *compiledSchema) explain(re gojsonschema.ResultError, root *yaml.Node, file string) *Error {
	path := strings.Split(re.Context().String(pathSep), pathSep)[1:] // drop "(root)"
	node, _ := lookup(root, path)
	d := re.Details()
	e := &Error{Pos: posOf(node, file), Field: schemas.FieldName(path)}
	switch re.Type() {
	case "required":
		e.Msg = fmt.Sprintf("missing required field %q", d["property"])
	case "additional_property_not_allowed":
		prop := fmt.Sprint(d["property"])
		if _, key := lookup(root, append(path, prop)); key != nil {
			e.Pos = posOf(key, file)
		}
		e.Msg = fmt.Sprintf("unknown field %q", prop)
		if allowed := cs.fieldsAt(path); len(allowed) > 0 {
			e.Msg += "; allowed: " + strings.Join(allowed, ", ")
		}
	case "invalid_type":
		e.Msg = fmt.Sprintf("must be %s, not %s", d["expected"], d["given"])
	case "enum":
		e.Msg = fmt.Sprintf("%s is not allowed; use one of %s", quoteValue(re.Value()), d["allowed"])
	case "pattern":
		e.Msg = fmt.Sprintf("%s is not allowed", quoteValue(re.Value()))
		if desc := cs.describe(path); desc != "" {
			e.Msg += ": " + desc
		} else {
			e.Msg += fmt.Sprintf(" (must match %s)", d["pattern"])
		}
	default:
		e.Msg = re.Description()
	}
	return e
}

func quoteValue(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// subschema walks the raw schema along a data path (object properties,
// additionalProperties and array items, following local $refs).
func (cs *compiledSchema) subschema(path []string) map[string]any {
	s := cs.resolve(cs.doc)
	for _, seg := range path {
		if s == nil {
			return nil
		}
		if props, ok := s["properties"].(map[string]any); ok {
			if p, ok := props[seg].(map[string]any); ok {
				s = cs.resolve(p)
				continue
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			s = cs.resolve(items)
			continue
		}
		ap, _ := s["additionalProperties"].(map[string]any)
		s = cs.resolve(ap)
	}
	return s
}

func (cs *compiledSchema) resolve(s map[string]any) map[string]any {
	for range 8 { // local refs only; the bound guards against a ref cycle
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		defs, _ := cs.doc["definitions"].(map[string]any)
		s, _ = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
	}
	return s
}

func (cs *compiledSchema) fieldsAt(path []string) []string {
	props, _ := cs.subschema(path)["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// describe returns the schema's description of the field at path, which for
// pattern-checked fields says in words what the pattern allows.
func (cs *compiledSchema) describe(path []string) string {
	s := cs.subschema(path)
	if d, ok := s["description"].(string); ok {
		return d
	}
	// A description written next to a $ref is ignored by validators but
	// still the best explanation we have.
	if len(path) > 0 {
		parent := cs.subschema(path[:len(path)-1])
		if props, ok := parent["properties"].(map[string]any); ok {
			if p, ok := props[path[len(path)-1]].(map[string]any); ok {
				d, _ := p["description"].(string)
				return d
			}
		}
	}
	return ""
}
