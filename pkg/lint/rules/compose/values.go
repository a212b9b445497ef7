package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// answers interpolates compose values the way Rancher's executor does when
// the user accepts every default (catalog.Answers), and also treats the
// placeholder that a typed answer renders to in templates as no value.
type answers struct{ *catalog.Answers }

// newAnswers returns the version's answers (shared by the rules that read
// values, which only read them).
func newAnswers(v *catalog.Version) *answers {
	return catalog.Derive(v, answersKey, func() *answers { return &answers{v.DefaultAnswers()} })
}

var answersKey = catalog.NewKey[*answers]("compose.answers")

// expand interpolates s. sure is false when the result depends on a variable
// without a default, on an undeclared variable (I002) or when s does not
// interpolate at all (I001): rules then stay silent about the value, as
// other rules report the cause.
func (a *answers) expand(s string) (out string, sure bool) {
	out, sure = a.Expand(s)
	return out, sure && !a.placeholder(out)
}

// placeholder reports whether s holds the text the loader renders for a
// required answer without a default ({{ .Values.X }} templating), which is
// no real value either.
func (a *answers) placeholder(s string) bool {
	return a.AnyTyped() && strings.Contains(s, catalog.Placeholder)
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
