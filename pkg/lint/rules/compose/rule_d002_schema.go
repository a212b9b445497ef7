package compose

import (
	"fmt"
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/schemas"
	"sort"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"github.com/xeipuuv/gojsonschema"
	"gopkg.in/yaml.v3"
)

var ruleD002 = &lint.Rule{
	ID:       "D002",
	Slug:     "compose.schema",
	Formerly: []string{"dc.schema"},
	Severity: lint.Error,
	Summary:  "every service of both compose files is valid against Rancher's compose schema (known keys, right types)",
	Doc: "Rancher's executor templates each compose file, interpolates ${VAR}s, then validates every service " +
		"against its JSON schema (one for version 1 files, one for version '2'); an unknown key or a wrong type " +
		"rejects the whole stack with \"Unsupported config option\" or a type error. catalogen validates the " +
		"rendered files with the defaults a user gets, using schemas/compose-v1.schema.json and compose-v2.schema.json; " +
		"numeric strings are accepted where numbers are, as the executor converts them. " +
		"Error: the executor (v1.6) rejects the stack.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    privilige: true     # not a compose key
    volume:             # the key is volumes
      - /data:/data`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    privileged: true
    volumes:
      - /data:/data`,
	Version: checkSchema,
}

func checkSchema(p *lint.Pass, v *catalog.Version) {
	files := composeFiles(v)
	if len(files) == 0 {
		return
	}
	v1, v2, err := composeSchemas()
	if err != nil {
		panic(err) // the embedded schemas are part of catalogen
	}
	a := newAnswers(v)
	for _, f := range files {
		if !f.readable() {
			continue
		}
		s := v1
		if f.isV2() {
			s = v2
		}
		validateFile(p, f, s, a)
	}
}

// service is one service body to validate.
type service struct {
	name       string
	key, value *yaml.Node
}

func validateFile(p *lint.Pass, f composeFile, s *serviceSchema, a *answers) {
	root := yamlnode.Resolve(f.doc.Root)
	if !yamlnode.IsMap(root) {
		if !f.rc && root != nil && !yamlnode.IsNull(root) { // K001 covers rancher-compose
			p.Report(f.at(root), "%s must be a mapping: service names to services (version 1) or version: '2' with services:", f.name())
		}
		return
	}
	var services []service
	if f.isV2() {
		k, body := yamlnode.Get(root, "services")
		if k != nil && !yamlnode.IsNull(body) && !yamlnode.IsMap(body) {
			p.Report(f.at(body), "services: in %s must be a mapping of service names to services", f.name())
			return
		}
		for _, pr := range yamlnode.Pairs(body) {
			if composefile.NotService(pr.Key.Value, f.rc, false) {
				continue // K003: the executor rejects it, reported there
			}
			services = append(services, service{pr.Key.Value, pr.Key, pr.Value})
		}
	} else {
		for _, pr := range yamlnode.Pairs(root) {
			name := pr.Key.Value
			switch {
			case f.skipTopLevel(name):
				continue
			case name == "volumes":
				continue // V001
			case isV2Section(name):
				p.Report(f.at(pr.Key), "top-level %s: needs version: '2' at the top of %s; without it Rancher reads %q as a service and rejects it", name, f.name(), name)
				continue
			case f.rc && !yamlnode.IsMap(pr.Value) && !yamlnode.IsNull(pr.Value):
				continue // K001: catalog-service cannot even read the file
			}
			services = append(services, service{name, pr.Key, pr.Value})
		}
	}
	if len(services) == 0 {
		return
	}
	if quickServices(s, a, services, f.isV2()) {
		return // nothing to report, found without building the document
	}

	conv := &converter{answers: a}
	body := make(map[string]any, len(services))
	byName := make(map[string]service, len(services))
	for _, svc := range services {
		val := conv.service(svc.value)
		if val == nil {
			val = map[string]any{} // a null body is an empty service
		}
		body[svc.name] = val
		byName[svc.name] = svc
	}
	if conv.exceeded {
		return // too deep or too large to be a real compose file; not worth validating
	}
	var doc any = body
	if f.isV2() {
		doc = map[string]any{"version": "2", "services": body}
	}
	errs, err := s.validate(doc)
	if err != nil {
		panic(err)
	}
	errs = append(errs, duplicateItems(s, body, f.isV2())...)
	seen := map[string]bool{}
	for _, e := range errs {
		path := e.path
		if f.isV2() {
			if len(path) == 0 || path[0] != "services" {
				continue
			}
			path = path[1:]
		}
		if len(path) == 0 {
			continue
		}
		svc, ok := byName[path[0]]
		if !ok {
			continue
		}
		pos, msg, ok := schemaFinding(f, s, conv, svc, path[1:], e)
		if !ok {
			continue
		}
		k := fmt.Sprintf("%d:%d:%s", pos.Line, pos.Col, msg)
		if seen[k] {
			continue
		}
		seen[k] = true
		p.Report(pos, "%s", msg)
	}
}

// schemaFinding turns a validation error into a position and a message; ok
// is false for errors that are not worth a finding (a combinator whose parts
// are reported on their own, a value that depends on an unknown answer).
func schemaFinding(f composeFile, s *serviceSchema, conv *converter, svc service, path []string, e schemaError) (catalog.Pos, string, bool) {
	key, node := svc.key, yamlnode.Resolve(svc.value)
	for _, seg := range path {
		k, n := child(node, seg)
		if n == nil && k == nil {
			break
		}
		if k != nil {
			key = k
		}
		node = n
	}
	field := schemas.FieldName(path)
	where := fmt.Sprintf("service %q", svc.name)
	if field != "" {
		where = fmt.Sprintf("%s of service %q", field, svc.name)
	}
	valuePos := func() catalog.Pos {
		if node == nil || node.Line == 0 {
			return f.at(key)
		}
		return f.at(node)
	}
	var details gojsonschema.ErrorDetails
	if e.err != nil {
		details = e.err.Details()
	}
	switch e.kind {
	case "additional_property_not_allowed":
		prop, _ := details["property"].(string)
		k, _ := yamlnode.Get(node, prop)
		if k == nil {
			k = key
		}
		if len(path) == 0 {
			return f.at(k), unknownServiceKey(f, s, svc.name, prop), true
		}
		msg := fmt.Sprintf("%s: %q is not allowed here", where, prop)
		if allowed := nestedKeys[nestedKind(path)]; len(allowed) > 0 {
			if hint := spelling.Closest(prop, allowed); hint != "" {
				msg += spelling.Hint(hint)
			} else {
				msg += " (allowed: " + strings.Join(allowed, ", ") + ")"
			}
		}
		return f.at(k), msg, true
	case "invalid_type", "pattern", "enum":
		if conv.unsureUnder(node) && !(e.kind == "invalid_type" && onlyCollections(details) && node != nil && node.Kind == yaml.ScalarNode) {
			// A guessed answer may well fit; but no answer turns a
			// scalar into the mapping or list the schema wants.
			return catalog.Pos{}, "", false
		}
		got := describe(e.err.Value())
		var want string
		switch e.kind {
		case "invalid_type":
			want = expectedType(details)
		case "pattern":
			want = "a number"
		case "enum":
			want = "one of " + strings.TrimSuffix(fmt.Sprint(details["allowed"]), ", null")
		}
		if len(path) == 0 {
			return valuePos(), fmt.Sprintf("service %q must be a mapping of service keys (image:, ports:, ...), not %s", svc.name, got), true
		}
		msg := fmt.Sprintf("%s must be %s, not %s", where, want, got)
		if conv.unsureUnder(node) {
			return valuePos(), fmt.Sprintf("%s must be %s, not a string: %q interpolates to text whatever the answer, and the executor rejects the stack", where, want, node.Value), true
		}
		if node != nil && node.Kind == yaml.ScalarNode && strings.Contains(node.Value, "$") {
			msg += fmt.Sprintf(" (what %q interpolates to with the questions' defaults)", node.Value)
		}
		if s, ok := e.err.Value().(string); ok && e.kind == "invalid_type" && strings.Contains(want, "boolean") && (s == "true" || s == "false") {
			msg += "; Rancher does not convert strings to booleans: write the value unquoted"
		}
		return valuePos(), msg, true
	case "unique":
		if conv.unsureUnder(node) {
			return catalog.Pos{}, "", false
		}
		item := node
		if node != nil && node.Kind == yaml.SequenceNode && e.index >= 0 && e.index < len(node.Content) {
			item = yamlnode.Resolve(node.Content[e.index])
		}
		text := ""
		if item != nil && item.Kind == yaml.ScalarNode {
			text = fmt.Sprintf(" %q", item.Value)
		}
		pos := f.at(item)
		if item == nil || item.Line == 0 {
			pos = valuePos()
		}
		if item != nil && item.Kind == yaml.ScalarNode && !rawRepeat(node, e.index) {
			// The items differ as written and only become equal once
			// interpolated with the default answers.
			return pos, fmt.Sprintf("%s lists%s twice after interpolation with the default answers (the entries differ as written); Rancher's schema requires unique items: make the answers differ or drop one entry", where, text), true
		}
		return pos, fmt.Sprintf("%s lists%s twice; Rancher's schema requires unique items: remove the duplicate", where, text), true
	case "required":
		prop, _ := details["property"].(string)
		return valuePos(), fmt.Sprintf("%s needs %q", where, prop), true
	case "missing_dependency":
		dep, _ := details["dependency"].(string)
		if k, _ := yamlnode.Get(node, dependents[dep]); k != nil {
			return f.at(k), fmt.Sprintf("%s of service %q needs %s: Rancher's schema rejects one without the other", k.Value, svc.name, dep), true
		}
		return valuePos(), fmt.Sprintf("%s needs %s", where, dep), true
	case "number_all_of", "number_any_of", "number_one_of":
		return catalog.Pos{}, "", false
	}
	if conv.unsureUnder(node) {
		return catalog.Pos{}, "", false
	}
	return valuePos(), fmt.Sprintf("%s: %s", where, e.err.Description()), true
}

// duplicateItems finds the repeated items of the lists that must be
// unique, as errors shaped like the validator's.
func duplicateItems(s *serviceSchema, services map[string]any, v2 bool) []schemaError {
	var out []schemaError
	names := make([]string, 0, len(services))
	for name := range services {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		body, _ := services[name].(map[string]any)
		for _, k := range s.uniqueKeys {
			list, ok := body[k].([]any)
			if !ok || len(list) < 2 {
				continue
			}
			seen := make(map[any]bool, len(list))
			for j, item := range list {
				switch item.(type) {
				case map[string]any, []any:
					continue // not comparable; no compose list holds them
				}
				if seen[item] {
					path := []string{name, k}
					if v2 {
						path = append([]string{"services"}, path...)
					}
					out = append(out, schemaError{path: path, kind: "unique", index: j})
				}
				seen[item] = true
			}
		}
	}
	return out
}

// child steps from node into a map key or a list index.
func child(node *yaml.Node, seg string) (key, value *yaml.Node) {
	node = yamlnode.Resolve(node)
	if node == nil {
		return nil, nil
	}
	switch node.Kind {
	case yaml.MappingNode:
		return yamlnode.Get(node, seg)
	case yaml.SequenceNode:
		i, err := strconv.Atoi(seg)
		if err != nil || i < 0 || i >= len(node.Content) {
			return nil, nil
		}
		return nil, yamlnode.Resolve(node.Content[i])
	}
	return nil, nil
}

// unsureUnder reports whether n or anything below it holds a guessed value.
func (c *converter) unsureUnder(n *yaml.Node) bool {
	if len(c.unsure) == 0 || n == nil {
		return false
	}
	found := false
	yamlnode.Walk(n, func(x, _ *yaml.Node) bool {
		if c.unsure[x] {
			found = true
		}
		return !found
	})
	return found
}

// nestedKind names the closed objects below a service whose keys the
// schema lists, so that a typo there gets a hint.
func nestedKind(path []string) string {
	switch {
	case len(path) == 1:
		return path[0]
	case len(path) == 2 && path[0] == "networks":
		return "networks.*"
	case len(path) == 2 && path[0] == "ulimits":
		return "ulimits.*"
	}
	return ""
}

// dependents names the key that requires another (the schema's
// "dependencies"), to put the finding on it.
var dependents = map[string]string{"mem_limit": "memswap_limit"}

var nestedKeys = map[string][]string{
	"build":      {"args", "context", "dockerfile"},
	"extends":    {"file", "service"},
	"logging":    {"driver", "options"},
	"networks.*": {"aliases", "ipv4_address", "ipv6_address"},
	"ulimits.*":  {"hard", "soft"},
}

// keyHints explain keys that exist, but not in this kind of file or not in
// Rancher 1.6.
var keyHints = map[string]map[string]string{
	"1": {
		"network_mode": `network_mode needs version: '2'; in a version 1 file write net: (host, bridge, none or container:NAME)`,
		"depends_on":   `depends_on needs version: '2'; version 1 files have links: only`,
		"logging":      `logging needs version: '2'; in a version 1 file write log_driver: and log_opt:`,
		"networks":     `networks needs version: '2'`,
		"tmpfs":        `tmpfs needs version: '2'`,
		"secrets":      `secrets needs version: '2'`,
	},
	"2": {
		"net":        `net is a version 1 key; in a version '2' file write network_mode:`,
		"log_driver": `log_driver is a version 1 key; in a version '2' file write logging: {driver: ...}`,
		"log_opt":    `log_opt is a version 1 key; in a version '2' file write logging: {options: ...}`,
		"dockerfile": `dockerfile is a version 1 key; in a version '2' file write build: {context: ., dockerfile: ...}`,
	},
	"": {
		"healthcheck": `Rancher 1.6 does not read Docker's healthcheck; write health_check: (port, request_line, interval, ...) in rancher-compose.yml`,
		"deploy":      `deploy is a compose version 3 key that Rancher 1.6 does not read; set scale: in rancher-compose.yml and scheduling labels instead`,
	},
}

func unknownServiceKey(f composeFile, s *serviceSchema, name, key string) string {
	msg := fmt.Sprintf("service %q: %q is not a key Rancher's executor accepts (it rejects the stack: Unsupported config option)", name, key)
	if hint, ok := keyHints[s.version][key]; ok {
		return msg + "; " + hint
	}
	if hint, ok := keyHints[""][key]; ok {
		return msg + "; " + hint
	}
	if hint := spelling.Closest(key, s.keys); hint != "" {
		return msg + spelling.Hint(hint)
	}
	return msg
}

// onlyCollections reports whether an invalid_type error expects a mapping or
// a list and no scalar type.
func onlyCollections(details gojsonschema.ErrorDetails) bool {
	raw, _ := details["expected"].(string)
	for _, t := range strings.Split(strings.Trim(raw, "[]"), ",") {
		switch strings.TrimSpace(t) {
		case "object", "array", "null", "":
		default:
			return false
		}
	}
	return true
}

// rawRepeat reports whether item i of a list is written, as is, like an
// earlier item.
func rawRepeat(list *yaml.Node, i int) bool {
	if list == nil || list.Kind != yaml.SequenceNode || i < 0 || i >= len(list.Content) {
		return true
	}
	item := yamlnode.Resolve(list.Content[i])
	for _, prev := range list.Content[:i] {
		if prev = yamlnode.Resolve(prev); prev != nil && prev.Kind == yaml.ScalarNode && prev.Value == item.Value {
			return true
		}
	}
	return false
}
