package compose

import (
	"encoding/json"
	"errors"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// quickSchema answers one question about a compose document, fast: does
// gojsonschema find nothing wrong with it? Most documents are valid, and
// gojsonschema spends most of D002's time finding that out (a context, a
// result and reflection per value); quickSchema walks the same schema
// without allocating. It answers true only when gojsonschema would report no
// error: it implements the keywords the compose schemas use with
// gojsonschema's semantics (the number tests, the enum comparison of
// re-marshalled JSON, `$ref` ignoring its siblings) and answers false for any
// other keyword, any value it does not know and anything it cannot decide,
// so that the validator, which words the findings, runs then.
type quickSchema struct {
	// unknown marks a schema with a keyword quickSchema does not
	// implement: no document passes it here.
	unknown bool
	// boolean is set for the schemas true and false, whose verdict is pass.
	boolean, pass bool

	ref     string       // "#/definitions/NAME", resolved into refTo
	refTo   *quickSchema // validation goes there and nowhere else
	types   []string     // empty: any type
	enum    []string     // the allowed values, re-marshalled (see sameJSON)
	hasEnum bool
	pattern *regexp.Regexp
	minimum *big.Rat
	maximum *big.Rat
	allOf   []*quickSchema

	properties map[string]*quickSchema
	// additional applies to the keys not in properties; nil allows them.
	additional   *quickSchema
	required     []string
	dependencies map[string][]string

	items *quickSchema // nil: any items
}

// annotations are keywords that do not constrain a document.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "title": true,
	"description": true, "default": true, "examples": true, "definitions": true,
}

// compileQuick builds the quick form of a schema document as it reaches
// gojsonschema (uniqueItems already stripped).
func compileQuick(doc map[string]any) *quickSchema {
	defs := map[string]*quickSchema{}
	var all []*quickSchema
	var compile func(v any) *quickSchema
	compile = func(v any) *quickSchema {
		s := &quickSchema{}
		all = append(all, s)
		switch x := v.(type) {
		case bool:
			s.boolean, s.pass = true, x
			return s
		case map[string]any:
			for k, val := range x {
				if !s.keyword(k, val, compile) {
					s.unknown = true
				}
			}
		default:
			s.unknown = true
		}
		return s
	}
	root := compile(doc)
	if d, ok := doc["definitions"].(map[string]any); ok {
		for name, def := range d {
			defs[name] = compile(def)
		}
	}
	for _, s := range all {
		if s.ref == "" {
			continue
		}
		name, ok := strings.CutPrefix(s.ref, "#/definitions/")
		if s.refTo = defs[name]; !ok || s.refTo == nil {
			s.unknown = true
		}
	}
	return root
}

// keyword reads one keyword of a schema; false for one not implemented.
func (s *quickSchema) keyword(k string, val any, compile func(any) *quickSchema) bool {
	if annotations[k] {
		return true
	}
	switch k {
	case "$ref":
		s.ref, _ = val.(string)
		return s.ref != ""
	case "type":
		switch t := val.(type) {
		case string:
			s.types = []string{t}
		case []any:
			for _, e := range t {
				name, ok := e.(string)
				if !ok {
					return false
				}
				s.types = append(s.types, name)
			}
		default:
			return false
		}
		for _, t := range s.types {
			switch t {
			case "null", "boolean", "integer", "number", "string", "array", "object":
			default:
				return false
			}
		}
		return len(s.types) > 0
	case "enum":
		list, ok := val.([]any)
		if !ok || len(list) == 0 {
			return false
		}
		for _, e := range list {
			text, ok := normalJSON(e)
			if !ok {
				return false
			}
			s.enum = append(s.enum, text)
		}
		s.hasEnum = true
		return true
	case "pattern":
		p, ok := val.(string)
		if !ok {
			return false
		}
		re, err := regexp.Compile(p)
		s.pattern = re
		return err == nil
	case "minimum", "maximum":
		r, ok := schemaNumber(val)
		if k == "minimum" {
			s.minimum = r
		} else {
			s.maximum = r
		}
		return ok
	case "allOf":
		list, ok := val.([]any)
		if !ok || len(list) == 0 {
			return false
		}
		for _, e := range list {
			s.allOf = append(s.allOf, compile(e))
		}
		return true
	case "properties":
		m, ok := val.(map[string]any)
		if !ok {
			return false
		}
		s.properties = make(map[string]*quickSchema, len(m))
		for name, e := range m {
			s.properties[name] = compile(e)
		}
		return true
	case "additionalProperties":
		switch val.(type) {
		case bool, map[string]any:
			s.additional = compile(val)
			return true
		}
		return false
	case "required":
		list, ok := val.([]any)
		if !ok {
			return false
		}
		for _, e := range list {
			name, ok := e.(string)
			if !ok {
				return false
			}
			s.required = append(s.required, name)
		}
		return true
	case "dependencies":
		m, ok := val.(map[string]any)
		if !ok {
			return false
		}
		s.dependencies = map[string][]string{}
		for name, e := range m {
			list, ok := e.([]any) // a schema dependency is not implemented
			if !ok {
				return false
			}
			for _, d := range list {
				dep, ok := d.(string)
				if !ok {
					return false
				}
				s.dependencies[name] = append(s.dependencies[name], dep)
			}
		}
		return true
	case "items":
		if _, ok := val.(map[string]any); !ok {
			if _, ok := val.(bool); !ok {
				return false // a list of item schemas is not implemented
			}
		}
		s.items = compile(val)
		return true
	}
	return false
}

// schemaNumber is a number of the schema as gojsonschema reads it: from its
// JSON text.
func schemaNumber(v any) (*big.Rat, bool) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, false
	}
	if _, isNumber := v.(float64); !isNumber {
		return nil, false
	}
	return new(big.Rat).SetString(string(b))
}

// normalJSON is gojsonschema's form of a value for enum comparisons: its
// JSON, decoded without json.Number and encoded again, so that 2 and 2.0
// are one value.
func normalJSON(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "null", true
	case bool:
		return strconv.FormatBool(x), true
	case string:
		if plainJSON(x) {
			return `"` + x + `"`, true // what the two rounds give
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", false
	}
	var back any
	if err := json.Unmarshal(b, &back); err != nil {
		return "", false
	}
	if b, err = json.Marshal(back); err != nil {
		return "", false
	}
	return string(b), true
}

// decimalInteger reports whether s is an integer written in decimal
// digits, with an optional minus sign: a number big.Rat reads, as an
// integer, whatever its length.
func decimalInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainJSON reports whether s is printable ASCII that JSON writes as is
// between quotes (no quote, backslash or HTML character to escape).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

func (s *quickSchema) allows(t string) bool {
	for _, x := range s.types {
		if x == t {
			return true
		}
	}
	return false
}

// valid reports whether gojsonschema certainly finds v valid against s
// (false: it may not).
func (s *quickSchema) valid(v any) bool {
	switch {
	case s == nil:
		return true
	case s.unknown:
		return false
	case s.boolean:
		return s.pass
	case s.refTo != nil:
		return s.refTo.valid(v)
	}
	typed := len(s.types) > 0
	switch x := v.(type) {
	case nil:
		if typed && !s.allows("null") {
			return false
		}
	case json.Number:
		// Most numbers are short decimal integers, which need no big.Rat
		// unless a bound is to be compared.
		integer := decimalInteger(string(x))
		if !integer || s.minimum != nil || s.maximum != nil {
			r, ok := new(big.Rat).SetString(string(x))
			if !ok {
				return false // gojsonschema has no number to compare
			}
			if s.minimum != nil && r.Cmp(s.minimum) < 0 || s.maximum != nil && r.Cmp(s.maximum) > 0 {
				return false
			}
			integer = r.IsInt()
		}
		if typed && !s.allows("number") && !(integer && s.allows("integer")) {
			return false
		}
	case bool:
		if typed && !s.allows("boolean") {
			return false
		}
	case string:
		if typed && !s.allows("string") {
			return false
		}
		if s.pattern != nil && !s.pattern.MatchString(x) {
			return false
		}
	case []any:
		if typed && !s.allows("array") {
			return false
		}
		for _, item := range x {
			if !s.items.valid(item) {
				return false
			}
		}
	case map[string]any:
		if !s.validObject(plainMap(x)) {
			return false
		}
	case serviceMap:
		if !s.validObject(x) {
			return false
		}
	case v2Document:
		if !s.validObject(x) {
			return false
		}
	default:
		return false // not a value the converter makes
	}
	for _, sub := range s.allOf {
		if !sub.valid(v) {
			return false
		}
	}
	if s.hasEnum {
		text, ok := normalJSON(v)
		if !ok {
			return false
		}
		found := false
		for _, e := range s.enum {
			found = found || e == text
		}
		if !found {
			return false
		}
	}
	return true
}

func (s *quickSchema) validObject(m object) bool {
	if len(s.types) > 0 && !s.allows("object") {
		return false
	}
	for _, name := range s.required {
		if !m.has(name) {
			return false
		}
	}
	switch m := m.(type) {
	case plainMap:
		for k, v := range m {
			if !s.entry(k).valid(v) || !s.depsMet(k, m) {
				return false
			}
		}
	case nodeMap:
		if merges(m.n) {
			ok := true
			eachPair(m.n, func(k, v *yaml.Node) { ok = ok && s.validEntry(m, k, v) })
			return ok
		}
		// No merge: the entries are the node's pairs, read in place (the
		// usual case, on the hot path of every service key).
		for i := 0; i+1 < len(m.n.Content); i += 2 {
			if !s.validEntry(m, m.n.Content[i], yamlnode.Resolve(m.n.Content[i+1])) {
				return false
			}
		}
		return true
	case v2Document:
		if !s.entry("version").valid("2") || !s.depsMet("version", m) ||
			!s.entry("services").valid(m.services) || !s.depsMet("services", m) {
			return false
		}
	case serviceMap:
		for _, svc := range m.services {
			if !s.entry(svc.name).validNode(node{c: m.c, n: svc.value, depth: 1, service: true}) || !s.depsMet(svc.name, m) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// validEntry checks the entry k: v of mapping m.
func (s *quickSchema) validEntry(m nodeMap, k, v *yaml.Node) bool {
	if m.service && opaqueKey(k.Value) {
		return s.entry(k.Value).valid(m.c.shallow(v)) && s.depsMet(k.Value, m)
	}
	return s.entry(k.Value).validNode(node{c: m.c, n: v, depth: m.depth + 1}) && s.depsMet(k.Value, m)
}

// entry is the schema of an object's entry named k.
func (s *quickSchema) entry(k string) *quickSchema {
	if p, ok := s.properties[k]; ok {
		return p
	}
	return s.additional
}

// depsMet reports whether the keys that entry k needs are there.
func (s *quickSchema) depsMet(k string, m object) bool {
	for _, dep := range s.dependencies[k] {
		if !m.has(dep) {
			return false
		}
	}
	return true
}

// validNode is valid for the value the converter makes of x, made only as
// far as the schema looks (see quickServices).
func (s *quickSchema) validNode(x node) bool {
	switch {
	case s == nil:
		return true
	case s.unknown:
		return false
	case s.boolean:
		return s.pass
	case s.refTo != nil:
		return s.refTo.validNode(x)
	}
	typed := len(s.types) > 0
	n := yamlnode.Resolve(x.n)
	var kind yaml11.Kind // a scalar's, typed once for both uses below
	if n != nil && n.Kind == yaml.ScalarNode {
		kind = yaml11.KindOf(n)
		if s.pattern == nil && !s.hasEnum && len(s.allOf) == 0 && stringKind(kind) {
			// Only the type of a string matters here: spare its
			// interpolation.
			return !typed || s.allows("string")
		}
	}
	x.c.nodes++
	if n != nil && (x.depth > maxConvertDepth || x.c.nodes > maxConvertNodes) {
		return false
	}
	var v any
	if n != nil {
		switch n.Kind {
		case yaml.MappingNode, yaml.SequenceNode:
			if s.hasEnum {
				return false // no JSON to compare before conversion
			}
			for _, sub := range s.allOf {
				if !sub.validNode(x) {
					return false
				}
			}
			if n.Kind == yaml.MappingNode {
				return s.validObject(nodeMap{c: x.c, n: n, depth: x.depth, service: x.service})
			}
			if typed && !s.allows("array") {
				return false
			}
			for _, item := range n.Content {
				if !s.items.validNode(node{c: x.c, n: item, depth: x.depth + 1}) {
					return false
				}
			}
			return true
		case yaml.ScalarNode:
			v = x.c.scalarOf(n, kind)
		}
	}
	if v == nil && x.service {
		v = emptyService
	}
	return s.valid(v)
}

// emptyService is what a null service body becomes; valid only reads it.
var emptyService = map[string]any{}

// object is a mapping as validObject reads it. Beside the converter's
// maps, it reads YAML nodes as the maps the converter would make of them,
// without making them (see quickServices): where a mapping repeats a key
// the converter keeps the last value, and validObject checks every one,
// which can only make it more cautious.
type object interface {
	has(key string) bool
}

type plainMap map[string]any

func (m plainMap) has(key string) bool {
	_, ok := m[key]
	return ok
}

// node stands for the value the converter makes of n at depth (for a
// service body: converter.service, where a null body is an empty service).
type node struct {
	c       *converter
	n       *yaml.Node
	depth   int
	service bool
}

// nodeMap stands for the map the converter makes of a resolved mapping
// node.
type nodeMap node

// stringKind reports whether the converter makes a string of a scalar
// of kind k.
func stringKind(k yaml11.Kind) bool {
	switch k {
	case yaml11.Null, yaml11.Bool, yaml11.Int, yaml11.Float:
		return false
	}
	return true
}

func (m nodeMap) has(key string) bool {
	found := false
	eachPair(m.n, func(k, _ *yaml.Node) { found = found || k.Value == key })
	return found
}

// serviceMap stands for the map of service names to service bodies that
// validateFile builds.
type serviceMap struct {
	c        *converter
	services []service
}

func (m serviceMap) has(key string) bool {
	for _, s := range m.services {
		if s.name == key {
			return true
		}
	}
	return false
}

// MarshalJSON fails: the services are not converted, so no enum can
// match them.
func (serviceMap) MarshalJSON() ([]byte, error) { return nil, errNotConverted }

var errNotConverted = errors.New("not converted")

// v2Document stands for the document validateFile builds for a version 2
// file, {"version": "2", "services": services}, without making the map.
type v2Document struct{ services serviceMap }

func (v2Document) has(key string) bool { return key == "version" || key == "services" }

// MarshalJSON fails, as serviceMap's does.
func (v2Document) MarshalJSON() ([]byte, error) { return nil, errNotConverted }

// quickServices reports whether validateFile would find nothing to report
// about services: the document it would build is certainly valid and no
// list that must be unique repeats an item. It reads the nodes as the
// converter would convert them, without building the document, which
// most files never need.
func quickServices(s *serviceSchema, a *answers, services []service, v2 bool) bool {
	c := &converter{answers: a}
	var doc any = serviceMap{c: c, services: services}
	if v2 {
		doc = v2Document{services: doc.(serviceMap)}
	}
	if !s.quick.valid(doc) {
		return false
	}
	for _, svc := range services {
		body := yamlnode.Resolve(svc.value)
		if body == nil || body.Kind != yaml.MappingNode {
			continue
		}
		repeats := false
		eachPair(body, func(k, v *yaml.Node) {
			if _, unique := slices.BinarySearch(s.uniqueKeys, k.Value); repeats || !unique || opaqueKey(k.Value) {
				return
			}
			repeats = repeatsItem(c, v)
		})
		if repeats {
			return false
		}
	}
	return true
}

// repeatsItem reports whether the list the converter makes of n may repeat
// an item (as duplicateItems compares them).
func repeatsItem(c *converter, n *yaml.Node) bool {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode || len(n.Content) < 2 {
		return false
	}
	// Short lists, the usual ones, are compared pairwise; long ones
	// through a map.
	var seen map[any]bool
	var short []any
	if len(n.Content) > shortMapping {
		seen = make(map[any]bool, len(n.Content))
	} else {
		short = make([]any, 0, len(n.Content))
	}
	for _, item := range n.Content {
		item = yamlnode.Resolve(item)
		var v any
		switch {
		case item == nil:
		case item.Kind == yaml.MappingNode || item.Kind == yaml.SequenceNode:
			continue // not comparable
		case item.Kind == yaml.ScalarNode:
			v = c.scalar(item)
		}
		if seen != nil {
			if seen[v] {
				return true
			}
			seen[v] = true
			continue
		}
		if slices.Contains(short, v) {
			return true
		}
		short = append(short, v)
	}
	return false
}

// complete reports whether every part of s is implemented, so that valid
// can say yes at all.
func (s *quickSchema) complete() bool {
	seen := map[*quickSchema]bool{}
	var walk func(*quickSchema) bool
	walk = func(s *quickSchema) bool {
		if s == nil || seen[s] {
			return true
		}
		seen[s] = true
		if s.unknown {
			return false
		}
		ok := walk(s.refTo) && walk(s.additional) && walk(s.items)
		for _, p := range s.properties {
			ok = ok && walk(p)
		}
		for _, a := range s.allOf {
			ok = ok && walk(a)
		}
		return ok
	}
	return walk(s)
}
