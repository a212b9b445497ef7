package lintconfig

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/spelling"
	"gopkg.in/yaml.v3"
)

// The fields and values a configuration may hold, for messages.
var (
	topFields     = []string{"exclude", "fail-level", "profile", "rules"}
	ruleSettings  = []string{"off", "on", "info", "warning", "error"}
	ruleFields    = []string{"enabled", "severity"}
	severities    = []string{"info", "warning", "error"}
	failLevelVals = []string{"info", "warning", "error", "none"}
)

// validate checks the shape of a configuration document and explains each
// problem with its line and column, the field, what is allowed and, for a
// near miss, the likely intended word. The JSON schema stays the reference
// (editors use it); this gives the messages a person can act on.
func validate(name string, doc *yaml.Node) []string {
	var errs []string
	fail := func(n *yaml.Node, field, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if field != "" {
			msg = field + ": " + msg
		}
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", name, n.Line, n.Column, msg))
	}
	if doc.Kind != yaml.MappingNode {
		fail(doc, "", "the configuration is a mapping with the keys %s", strings.Join(topFields, ", "))
		return errs
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		key, val := doc.Content[i], doc.Content[i+1]
		switch key.Value {
		case "rules":
			if val.Kind != yaml.MappingNode {
				if val.Tag != "!!null" {
					fail(val, "rules", "must be a mapping of rule ID or slug to a setting, as in `rules: {D005: off}`")
				}
				continue
			}
			for j := 0; j+1 < len(val.Content); j += 2 {
				validateRule(val.Content[j], val.Content[j+1], fail)
			}
		case "exclude":
			if val.Kind != yaml.SequenceNode {
				if val.Tag != "!!null" {
					fail(val, "exclude", "must be a list of path patterns, as in `exclude: [\"templates/legacy-*\"]`")
				}
				continue
			}
			for j, item := range val.Content {
				if item.Kind != yaml.ScalarNode || item.Value == "" {
					fail(item, fmt.Sprintf("exclude[%d]", j), "must be a non-empty path pattern such as templates/legacy-*")
				}
			}
		case "profile":
			validateProfile(val, fail)
		case "fail-level":
			if val.Kind != yaml.ScalarNode || !contains(failLevelVals, strings.ToLower(val.Value)) && val.Value != "warn" {
				fail(val, "fail-level", "%q is not a level; allowed: %s%s", val.Value, strings.Join(failLevelVals, ", "), spelling.DidYouMean(val.Value, failLevelVals))
			}
		default:
			fail(key, "", "unknown field %q; allowed: %s%s", key.Value, strings.Join(topFields, ", "), spelling.DidYouMean(key.Value, topFields))
		}
	}
	return errs
}

func validateRule(key, val *yaml.Node, fail func(*yaml.Node, string, string, ...any)) {
	field := "rules." + key.Value
	allowed := strings.Join(ruleSettings, ", ") + ", or {enabled: true|false, severity: " + strings.Join(severities, "|") + "}"
	switch val.Kind {
	case yaml.ScalarNode:
		v := strings.ToLower(val.Value)
		if !contains(ruleSettings, v) && v != "warn" && v != "true" && v != "false" {
			fail(val, field, "%q is not a setting; allowed: %s%s", val.Value, allowed, spelling.DidYouMean(val.Value, ruleSettings))
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(val.Content); i += 2 {
			k, v := val.Content[i], val.Content[i+1]
			switch k.Value {
			case "enabled":
				if v.Tag != "!!bool" {
					fail(v, field+".enabled", "%q is not a boolean; write true or false", v.Value)
				}
			case "severity":
				if !contains(severities, strings.ToLower(v.Value)) && v.Value != "warn" {
					fail(v, field+".severity", "%q is not a severity; allowed: %s%s", v.Value, strings.Join(severities, ", "), spelling.DidYouMean(v.Value, severities))
				}
			default:
				fail(k, field, "unknown field %q; allowed: %s%s", k.Value, strings.Join(ruleFields, ", "), spelling.DidYouMean(k.Value, ruleFields))
			}
		}
	default:
		fail(val, field, "must be a setting; allowed: %s", allowed)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggestRule returns the hint for the rule one of whose names (ID, slug,
// former slug) name is a near miss of; it always names the current slug.
func suggestRule(name string) string {
	if r := rules.Closest(name); r != nil {
		return spelling.Hint(r.Slug)
	}
	return ""
}
