package catalog

import (
	"math"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// DefaultString returns a question default the way Rancher ends up with it.
// catalog-service and the executor decode `.catalog` with yaml.v2 (YAML 1.1)
// into a generic map, marshal it and unmarshal it into a string field, so an
// unquoted scalar is first resolved as YAML 1.1 and then printed: `yes` and
// `on` become "true", `0755` becomes "493", `0x1F` "31", `1.10` "1.1",
// `1e3` "1000", and `~` or nothing "".
func DefaultString(n *yaml.Node) string {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 || n.Tag == "!!str" && n.Style != 0 {
		return n.Value
	}
	v, _ := ResolveYAML11(n.Value)
	return v
}

// ResolveYAML11 returns how an unquoted scalar prints after a YAML 1.1
// round trip, and whether that differs from its text.
func ResolveYAML11(s string) (string, bool) {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return "", s != ""
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE":
		return "true", s != "true"
	case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE":
		return "false", s != "false"
	}
	plain := strings.ReplaceAll(s, "_", "")
	sign := ""
	body := plain
	if strings.HasPrefix(body, "-") || strings.HasPrefix(body, "+") {
		if body[0] == '-' {
			sign = "-"
		}
		body = body[1:]
	}
	switch {
	case strings.HasPrefix(body, "0x"):
		if i, err := strconv.ParseInt(sign+body[2:], 16, 64); err == nil {
			return strconv.FormatInt(i, 10), true
		}
	case strings.HasPrefix(body, "0b"):
		if i, err := strconv.ParseInt(sign+body[2:], 2, 64); err == nil {
			return strconv.FormatInt(i, 10), true
		}
	case len(body) > 1 && body[0] == '0' && isDigits(body):
		if i, err := strconv.ParseInt(sign+body[1:], 8, 64); err == nil {
			return strconv.FormatInt(i, 10), true
		}
	}
	if isDigits(body) && body != "" {
		if i, err := strconv.ParseInt(sign+body, 10, 64); err == nil {
			out := strconv.FormatInt(i, 10)
			return out, out != s
		}
		return s, false
	}
	if looksFloat(body) {
		if f, err := strconv.ParseFloat(sign+body, 64); err == nil && !math.IsInf(f, 0) {
			out := strconv.FormatFloat(f, 'g', -1, 64)
			return out, out != s
		}
	}
	return s, false
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// looksFloat matches YAML 1.1's float form: digits with a '.' and/or an
// exponent (yaml.v2 also demands a digit before any exponent).
func looksFloat(s string) bool {
	if s == "" || s == "." {
		return false
	}
	seenDigit, seenDot, seenExp := false, false, false
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			seenDigit = true
		case c == '.' && !seenDot && !seenExp:
			seenDot = true
		case (c == 'e' || c == 'E') && seenDigit && !seenExp:
			seenExp = true
			if i+1 < len(s) && (s[i+1] == '+' || s[i+1] == '-') {
				continue
			}
		case (c == '+' || c == '-') && i > 0 && (s[i-1] == 'e' || s[i-1] == 'E'):
		default:
			return false
		}
	}
	return seenDigit && (seenDot || seenExp)
}
