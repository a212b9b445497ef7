package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// answers interpolates compose values the way Rancher's executor does when
// the user accepts every default, and says when the result is only a guess.
type answers struct {
	values map[string]string
	// unsure holds variables whose answer the user must type (no default):
	// what they render to in lint is a placeholder, not a value.
	unsure map[string]bool
}

// newAnswers returns the version's answers, built once per version and
// shared by the rules that read values (they only read them).
func newAnswers(v *catalog.Version) *answers {
	return catalog.Derive(v, answersKey, func() *answers {
		a := &answers{values: v.Values(), unsure: map[string]bool{}}
		if v.Catalog != nil {
			for _, q := range v.Catalog.Questions {
				if q.Default == "" {
					a.unsure[q.Variable] = true
				}
			}
		}
		return a
	})
}

var answersKey = catalog.NewKey[*answers]("compose.answers")

// expand interpolates s. sure is false when the result depends on a variable
// without a default, on an undeclared variable (I002) or when s does not
// interpolate at all (I001): rules then stay silent about the value, as
// other rules report the cause.
func (a *answers) expand(s string) (out string, sure bool) {
	if !interp.NeedsEscape(s) {
		return s, !a.placeholder(s)
	}
	sure = true
	out, missing, err := interp.Interpolate(s, func(name string) (string, bool) {
		if a.unsure[name] {
			sure = false
		}
		v, ok := a.values[name]
		return v, ok
	})
	if err != nil || len(missing) > 0 {
		return s, false
	}
	return out, sure && !a.placeholder(out)
}

// placeholder reports whether s holds the text the loader renders for a
// required answer without a default ({{ .Values.X }} templating), which is
// no real value either.
func (a *answers) placeholder(s string) bool {
	return len(a.unsure) > 0 && strings.Contains(s, catalog.Placeholder)
}

// scalar returns a scalar node's value as the executor ends up with it: a
// string interpolated, anything else as yaml.v2 prints it back (`0755` is
// "493"); ok is false for nulls, other nodes and values that are not sure
// (see expand).
func (a *answers) scalar(n *yaml.Node) (string, bool) {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	switch yaml11.KindOf(n) {
	case yaml11.Null:
		return "", false
	case yaml11.String:
		return a.expand(n.Value)
	}
	text := yaml11.Text(n)
	return text, !a.placeholder(text)
}
