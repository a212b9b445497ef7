package compose

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/catalogen/catalogen/schemas"
	"github.com/xeipuuv/gojsonschema"
)

// serviceSchema is one compiled compose schema with what the messages need.
type serviceSchema struct {
	schema *gojsonschema.Schema
	// keys are the service keys the schema accepts, for did-you-mean hints.
	keys []string
	// uniqueKeys are the service keys whose lists must not repeat an item,
	// sorted; they are checked here rather than by the validator, whose
	// uniqueItems check marshals every item to JSON and dominated lint time.
	uniqueKeys []string
	version    string // "1" or "2"
	// quick tells the documents the validator would find valid without
	// running it.
	quick *quickSchema
}

var (
	schemaOnce sync.Once
	schemaV1   *serviceSchema
	schemaV2   *serviceSchema
	schemaErr  error
)

// composeSchemas compiles the embedded compose schemas once per process.
func composeSchemas() (v1, v2 *serviceSchema, err error) {
	schemaOnce.Do(func() {
		schemaV1, schemaErr = compileSchema("compose-v1.schema.json", "1")
		if schemaErr == nil {
			schemaV2, schemaErr = compileSchema("compose-v2.schema.json", "2")
		}
	})
	return schemaV1, schemaV2, schemaErr
}

func compileSchema(name, version string) (*serviceSchema, error) {
	data, err := schemas.Load(name)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	ss := &serviceSchema{version: version}
	defs, _ := doc["definitions"].(map[string]any)
	service, _ := defs["service"].(map[string]any)
	props, _ := service["properties"].(map[string]any)
	for k, prop := range props {
		ss.keys = append(ss.keys, k)
		if def, ok := prop.(map[string]any); ok {
			if ref, ok := def["$ref"].(string); ok {
				def, _ = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
			}
			if u, _ := def["uniqueItems"].(bool); u {
				ss.uniqueKeys = append(ss.uniqueKeys, k)
			}
		}
	}
	stripUniqueItems(doc)
	ss.quick = compileQuick(doc)
	s, err := gojsonschema.NewSchema(gojsonschema.NewGoLoader(doc))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	ss.schema = s
	sort.Strings(ss.keys)
	sort.Strings(ss.uniqueKeys)
	return ss, nil
}

// stripUniqueItems removes every uniqueItems keyword (see serviceSchema.unique).
func stripUniqueItems(v any) {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "uniqueItems")
		for _, c := range x {
			stripUniqueItems(c)
		}
	case []any:
		for _, c := range x {
			stripUniqueItems(c)
		}
	}
}

// schemaError is one validation error with its path below the document root.
type schemaError struct {
	path  []string
	kind  string
	err   gojsonschema.ResultError // nil for "unique" errors, found in Go
	index int                      // the repeated item of a "unique" error, else -1
}

// validate checks doc (the generic form of a compose file) and returns its
// errors in a stable order.
func (s *serviceSchema) validate(doc any) ([]schemaError, error) {
	if s.quick.valid(doc) {
		return nil, nil // what the validator would say, sooner
	}
	res, err := s.schema.Validate(gojsonschema.NewRawLoader(doc))
	if err != nil {
		return nil, err
	}
	var out []schemaError
	for _, e := range res.Errors() {
		path := splitContext(e.Context().String("\x00"))
		out = append(out, schemaError{path: path, kind: e.Type(), err: e, index: -1})
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.Join(out[i].path, "\x00") < strings.Join(out[j].path, "\x00")
	})
	return out, nil
}

func splitContext(ctx string) []string {
	parts := strings.Split(ctx, "\x00")
	if len(parts) > 0 && parts[0] == gojsonschema.STRING_CONTEXT_ROOT {
		parts = parts[1:]
	}
	return parts
}

// expectedType renders a schema's expected types for a message.
func expectedType(details gojsonschema.ErrorDetails) string {
	raw, _ := details["expected"].(string)
	raw = strings.Trim(raw, "[]")
	var names []string
	for _, t := range strings.Split(raw, ",") {
		t = strings.TrimSpace(t)
		switch t {
		case "object":
			names = append(names, "a mapping")
		case "array":
			names = append(names, "a list")
		case "string":
			names = append(names, "a string")
		case "integer":
			names = append(names, "an integer")
		case "number":
			names = append(names, "a number")
		case "boolean":
			names = append(names, "a boolean (true or false)")
		case "null":
		case "":
		default:
			names = append(names, t)
		}
	}
	switch len(names) {
	case 0:
		return "a different type"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// describe renders a generic value for a message.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "the boolean " + strconv.FormatBool(x)
	case json.Number:
		return "the number " + string(x)
	case string:
		return "the string " + strconv.Quote(clip(x, 40))
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
