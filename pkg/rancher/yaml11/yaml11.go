// Package yaml11 types YAML scalars the way Rancher 1.6 reads them.
//
// catalog-service, the compose executor and libcompose decode YAML with
// yaml.v2, a YAML 1.1 decoder, into generic maps, then marshal those maps and
// unmarshal them into typed structs. The project parses with yaml.v3, which
// follows YAML 1.2 for plain scalars: `yes` is a string there and a boolean
// for Rancher. Everything that needs Rancher's reading of a scalar asks this
// package, which follows yaml.v2's resolution rules:
//
//   - only plain (unquoted, untagged) scalars are resolved; quoted and block
//     scalars are strings;
//   - y, yes, true, on (in lower, Title or UPPER case) are true; n, no,
//     false, off are false; "", ~, null, Null, NULL are null; .inf, -.inf,
//     .nan (three spellings each) are floats;
//   - a scalar that starts with a digit or a sign, with every '_' removed,
//     is an integer if Go's base-0 integer syntax of Rancher's time accepts
//     it (0x hex, a leading 0 for octal, decimal; `0o` was not yet known),
//     else a float if it has YAML's float shape, else a 0b binary integer;
//   - a scalar that starts with '.' is a float if Go parses it as one;
//   - everything else, including sexagesimals (22:22) and timestamps, which
//     yaml.v2 keeps as strings in generic maps, is a string.
//
// Values out of range (1e999) stay strings, as they do for yaml.v2.
package yaml11

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// Kind is the type a value gets from yaml.v2.
type Kind int

// The kinds, in the order the zero value (Null) suggests.
const (
	Null Kind = iota
	Bool
	Int
	Float
	String
	Map
	Seq
)

// String names the kind in messages.
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Int:
		return "integer"
	case Float:
		return "float"
	case String:
		return "string"
	case Map:
		return "mapping"
	case Seq:
		return "list"
	}
	return "value"
}

// WithArticle names the kind with its article ("an integer", "a list").
func (k Kind) WithArticle() string {
	if k == Int {
		return "an integer"
	}
	return "a " + k.String()
}

// IsCollection reports whether k is a mapping or a list.
func (k Kind) IsCollection() bool { return k == Map || k == Seq }

// IsNumber reports whether k is an integer or a float.
func (k Kind) IsNumber() bool { return k == Int || k == Float }

// words are the plain scalars yaml.v2 looks up before anything else.
var words = map[string]struct {
	kind Kind
	text string
}{}

func init() {
	add := func(kind Kind, text string, spellings ...string) {
		for _, s := range spellings {
			words[s] = struct {
				kind Kind
				text string
			}{kind, text}
		}
	}
	add(Bool, "true", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")
	add(Bool, "false", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")
	add(Null, "", "", "~", "null", "Null", "NULL")
	add(Float, ".nan", ".nan", ".NaN", ".NAN")
	add(Float, ".inf", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF")
	add(Float, "-.inf", "-.inf", "-.Inf", "-.INF")
}

// floatShape is the form yaml.v2 accepts as a decimal float once '_' is
// removed: optional sign, digits with an optional fraction (or a fraction
// alone), optional exponent.
var floatShape = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

// Resolve returns the kind yaml.v2 gives the plain scalar s and the text it
// becomes after Rancher's round trip through a generic map and back into a
// string field: `yes` is (Bool, "true"), `0755` (Int, "493"), `0x1F` (Int,
// "31"), `1.10` (Float, "1.1"), `1e3` (Float, "1000"), `~` (Null, "").
func Resolve(s string) (Kind, string) {
	if w, ok := words[s]; ok {
		return w.kind, w.text
	}
	switch c := s[0]; {
	case c == '.':
		// Go took '_' in floats only from 1.13 on.
		if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.Contains(s, "_") {
			return Float, formatFloat(f)
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		plain := strings.ReplaceAll(s, "_", "")
		if i, ok := parseInt(plain); ok {
			return Int, strconv.FormatInt(i, 10)
		}
		if u, ok := parseUint(plain); ok {
			return Int, strconv.FormatUint(u, 10)
		}
		if floatShape.MatchString(plain) {
			if f, err := strconv.ParseFloat(plain, 64); err == nil {
				return Float, formatFloat(f)
			}
		}
		// yaml.v2 parses what follows a 0b prefix with a signed base-2
		// parser, so even `0b-11` is an integer.
		if rest, ok := strings.CutPrefix(plain, "0b"); ok {
			if i, err := strconv.ParseInt(rest, 2, 64); err == nil {
				return Int, strconv.FormatInt(i, 10)
			}
			if u, err := strconv.ParseUint(rest, 2, 64); err == nil {
				return Int, strconv.FormatUint(u, 10)
			}
		} else if rest, ok := strings.CutPrefix(plain, "-0b"); ok {
			if i, err := strconv.ParseInt("-"+rest, 2, 64); err == nil {
				return Int, strconv.FormatInt(i, 10)
			}
		}
	}
	return String, s
}

// formatFloat prints a float as yaml.v2 marshals it.
func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	case math.IsNaN(f):
		return ".nan"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// parseInt is strconv.ParseInt(s, 0, 64) as the Go releases Rancher 1.6 was
// built with had it: an optional sign, then 0x hex, a leading 0 for octal,
// or decimal digits (no 0o, 0b or '_').
func parseInt(s string) (int64, bool) {
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	digits, base, ok := splitBase(s)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(sign+digits, base, 64)
	return i, err == nil
}

// parseUint is the unsigned counterpart, which takes no sign.
func parseUint(s string) (uint64, bool) {
	digits, base, ok := splitBase(s)
	if !ok {
		return 0, false
	}
	u, err := strconv.ParseUint(digits, base, 64)
	return u, err == nil
}

// splitBase splits an unsigned base-0 integer into its digits and base, and
// checks every digit.
func splitBase(s string) (string, int, bool) {
	base := 10
	switch {
	case len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		s, base = s[2:], 16
	case len(s) > 1 && s[0] == '0':
		s, base = s[1:], 8
	}
	if s == "" {
		return "", 0, false
	}
	for _, c := range s {
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'f':
			d = int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = int(c-'A') + 10
		default:
			return "", 0, false
		}
		if d >= base {
			return "", 0, false
		}
	}
	return s, base, true
}

// IsPlain reports whether n is an unquoted, untagged scalar: the only kind
// of scalar whose type YAML resolves from its text.
func IsPlain(n *yaml.Node) bool {
	n = yamlnode.Resolve(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

// isQuoted reports whether a scalar is quoted or a block scalar.
func isQuoted(n *yaml.Node) bool {
	return n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
}

// KindOf returns the kind yaml.v2 gives a node (aliases followed; nil is
// Null). An explicit standard tag (`!!int 5`) decides the kind; any other
// tag leaves the text a string.
func KindOf(n *yaml.Node) Kind {
	n = yamlnode.Resolve(n)
	if n == nil {
		return Null
	}
	switch n.Kind {
	case yaml.MappingNode:
		return Map
	case yaml.SequenceNode:
		return Seq
	case yaml.ScalarNode:
	default:
		return String
	}
	if n.Style&yaml.TaggedStyle != 0 {
		switch n.Tag {
		case "!!null":
			return Null
		case "!!bool":
			return Bool
		case "!!int":
			return Int
		case "!!float":
			return Float
		}
		return String
	}
	if isQuoted(n) {
		return String
	}
	k, _ := Resolve(n.Value)
	return k
}

// Text returns a scalar as Rancher ends up with it in a string field after
// its map → YAML → struct round trip: quoted and block scalars as written,
// plain ones resolved and printed back (`yes` is "true", `1.10` "1.1"),
// and "" for nulls, collections and nil.
func Text(n *yaml.Node) string {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	tagged := n.Style&yaml.TaggedStyle != 0
	switch {
	case tagged && n.Tag == "!!null":
		return ""
	case !tagged && isQuoted(n), KindOf(n) == String:
		return n.Value
	}
	k, out := Resolve(n.Value)
	if tagged && k != KindOf(n) && !(k == Int && n.Tag == "!!float") {
		// A tag the text does not fit (`!!int abc`) makes yaml.v2 fail;
		// the text is the best that can be shown.
		return n.Value
	}
	return out
}

// Typed reports whether the plain scalar s would be read as something other
// than the same string by some YAML 1.1 reader on a catalog's way: yaml.v2
// (Rancher) or a reader of the full YAML 1.1 type repository such as
// docker-compose's PyYAML, which also types sexagesimals (22:22), binary and
// underscore integers, timestamps, `=` and `<<`. Writers quote such strings.
func Typed(s string) bool {
	if k, _ := Resolve(s); k != String {
		return true
	}
	return specTyped.MatchString(s)
}

// specTyped matches the plain scalars the YAML 1.1 type repository (bool,
// null, int, float, timestamp, merge, value) gives a type.
var specTyped = regexp.MustCompile(`^(?:` +
	`y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF` +
	`|~|null|Null|NULL|<<|=` +
	`|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+` +
	`|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)` +
	`|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+` +
	`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)?.*` +
	`)$`)
