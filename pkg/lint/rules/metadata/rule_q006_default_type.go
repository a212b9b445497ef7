package metadata

import (
	"math"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleQ006 = &lint.Rule{
	ID: "Q006", Slug: "question.default-type", Formerly: []string{"q.default-type"}, Severity: lint.Warning,
	Summary: "a question's default fits its type and its own limits",
	Doc: "The default is what the UI pre-fills and what the executor substitutes when the user keeps it. " +
		"An int or float question needs a number (the number input shows nothing otherwise); a boolean " +
		"default is selected as Yes only when it is exactly \"true\", anything else means No. A default " +
		"that breaks the question's min/max, min_length/max_length or valid_chars/invalid_chars " +
		"contradicts the limits the question declares (Rancher 1.6 does not enforce them). " +
		"Warning: the UI (v1.6) pre-fills a value that its own input then rejects, or the stack gets a value of the wrong kind.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: replicas
      type: int
      default: three
    - variable: tls
      type: boolean
      default: "True"
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: replicas
      type: int
      default: 3
    - variable: tls
      type: boolean
      default: true
`,
	Version: checkDefaultType,
}

var intRe = regexp.MustCompile(`^[-+]?[0-9]+$`)

func checkDefaultType(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		dn := q.Field("default")
		if yaml11.KindOf(dn).IsCollection() {
			continue // K004
		}
		def := q.Default // yaml11.Text(dn), read by the loader
		if def == "" {
			continue
		}
		pos := at(info, dn)
		switch q.Type {
		case "int", "float":
			num, err := strconv.ParseFloat(def, 64)
			switch {
			case q.Type == "int" && !intRe.MatchString(def):
				p.Report(pos, "%s is an int, but its default %q is not an integer, so the number input starts empty; write a whole number", qname(q), def)
				continue
			case err != nil || !numericText(def) || math.IsNaN(num):
				p.Report(pos, "%s is a float, but its default %q is not a number, so the number input starts empty", qname(q), def)
				continue
			}
			if lo, ok := intLimit(q, "min"); ok && num < float64(lo) {
				p.Report(pos, "%s: default %s is below its min %d", qname(q), def, lo)
			}
			if hi, ok := intLimit(q, "max"); ok && num > float64(hi) {
				p.Report(pos, "%s: default %s is above its max %d", qname(q), def, hi)
			}
			continue
		case "boolean":
			if def != "true" && def != "false" {
				p.Report(pos, "%s is a boolean, but its default %q is neither true nor false: the UI selects Yes only for exactly \"true\", so this means No; write true or false", qname(q), def)
			}
			continue
		}
		n := utf8.RuneCountInString(def)
		if lo, ok := intLimit(q, "min_length"); ok && n < lo {
			p.Report(pos, "%s: default %q is %d characters, shorter than its min_length %d", qname(q), def, n, lo)
		}
		if hi, ok := intLimit(q, "max_length"); ok && n > hi {
			p.Report(pos, "%s: default %q is %d characters, longer than its max_length %d", qname(q), def, n, hi)
		}
		if set := yaml11.Text(q.Field("valid_chars")); set != "" {
			if re, err := regexp.Compile("[^" + set + "]"); err == nil {
				if bad := re.FindString(def); bad != "" {
					p.Report(pos, "%s: default %q contains %q, which its valid_chars %q does not allow", qname(q), def, bad, set)
				}
			}
		}
		if set := yaml11.Text(q.Field("invalid_chars")); set != "" {
			if re, err := regexp.Compile("[" + set + "]"); err == nil {
				if bad := re.FindString(def); bad != "" {
					p.Report(pos, "%s: default %q contains %q, which its invalid_chars %q forbids", qname(q), def, bad, set)
				}
			}
		}
	}
}

// intLimit reads an integer question key as Rancher decodes it (a float is
// truncated). Zero counts as unset: Rancher cannot tell it from a missing key.
func intLimit(q *catalog.Question, key string) (int, bool) {
	n := q.Field(key)
	if !yaml11.KindOf(n).IsNumber() {
		return 0, false
	}
	f, err := strconv.ParseFloat(yaml11.Text(n), 64)
	if err != nil || f == 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return int(f), true
}

// numericText reports whether s is written with decimal number characters
// only, as the UI's number input accepts (Go's ParseFloat also takes "Inf",
// hex and '_', which the UI does not).
func numericText(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return false
		}
	}
	return true
}
