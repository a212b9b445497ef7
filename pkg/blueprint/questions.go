package blueprint

import (
	"slices"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/rancher/version"
)

// secretTypes are question types whose answer is a secret.
var secretTypes = []string{"password", "masked", "secret"}

// checkQuestion enforces what Rancher's UI and executor expect of each
// question type, beyond what the schema can say.
func (b *builder) checkQuestion(q Question, path []string) {
	field := func(name string) []string { return append(slices.Clone(path), name) }
	if q.Since != "" && q.Until != "" && !versionLess(q.Since, q.Until) {
		b.errorf(field("until"), "%q is not after since (%q): no release would ask the question", q.Until, q.Since)
	}
	switch {
	case q.Type == "enum" && len(q.Options) == 0:
		b.errorf(field("options"), "an enum question needs options")
	case q.Type != "enum" && len(q.Options) > 0:
		b.errorf(field("options"), "options only apply to enum questions (this one is %s)", q.Type)
	}
	if q.Default == "" {
		return
	}
	switch q.Type {
	case "password", "masked", "secret":
		b.errorf(field("default"), "a %s question must not have a default: every stack deployed without changing it would share the secret; remove the default and set required: true", q.Type)
	case "enum":
		if len(q.Options) > 0 && !slices.Contains(q.Options, q.Default) {
			b.errorf(field("default"), "default %q is not one of the options (%s)", q.Default, strings.Join(q.Options, ", "))
		}
	case "boolean":
		if q.Default != "true" && q.Default != "false" {
			b.errorf(field("default"), "a boolean default must be true or false, not %q", q.Default)
		}
	case "int":
		n, err := strconv.Atoi(q.Default)
		switch {
		case err != nil:
			b.errorf(field("default"), "an int default must be a whole number, not %q", q.Default)
		case q.Min != nil && n < *q.Min, q.Max != nil && n > *q.Max:
			b.errorf(field("default"), "default %d is outside min/max", n)
		}
	case "float":
		if _, err := strconv.ParseFloat(q.Default, 64); err != nil {
			b.errorf(field("default"), "a float default must be a number, not %q", q.Default)
		}
	}
}

// IsSecret reports whether the question's answer is a secret.
func (q Question) IsSecret() bool { return slices.Contains(secretTypes, q.Type) }

// checkRange parses an upgrade_from range as the catalog service does.
func checkRange(r string) error {
	_, err := version.ParseRange(r)
	return err
}
