package deploy

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// ParseAnswers reads an answers file: a YAML (or JSON) mapping of variable
// to value, or `KEY=value` lines as in an env file (blank lines and lines
// starting with # are skipped). Values become strings as Rancher passes
// them: `true`, `8080` and `"8080"` all give the text as written.
func ParseAnswers(name string, data []byte) (map[string]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
		out := map[string]string{}
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if v.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s:%d:%d: answer %s: a value must be a string, number or boolean", name, v.Line, v.Column, k.Value)
			}
			if v.Tag == "!!null" {
				out[k.Value] = ""
				continue
			}
			out[k.Value] = v.Value
		}
		return out, nil
	}
	out := map[string]string{}
	for i, line := range bytes.Split(data, []byte("\n")) {
		l := strings.TrimSpace(string(line))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("%s:%d: expected KEY=value or a YAML mapping (key: value), not %q", name, i+1, l)
		}
		out[strings.TrimSpace(k)] = v
	}
	return out, nil
}

// ParseSet reads a `--set var=value` argument.
func ParseSet(s string) (key, value string, err error) {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return "", "", fmt.Errorf("--set %q: write --set VARIABLE=value", s)
	}
	return k, v, nil
}
