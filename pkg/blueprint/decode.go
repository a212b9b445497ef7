package blueprint

import (
	"gopkg.in/yaml.v3"
)

// The raw* types mirror the YAML; they record where each item was written
// and, for entry questions, which fields an entry overrides.

type rawBlueprint struct {
	App       App               `yaml:"app"`
	Templates string            `yaml:"templates"`
	Icon      string            `yaml:"icon"`
	Images    map[string]string `yaml:"images"`
	Data      map[string]any    `yaml:"data"`
	Releases  []rawRelease      `yaml:"releases"`
	Entries   []rawEntry        `yaml:"entries"`
	Questions []rawQuestion     `yaml:"questions"`
}

type rawRelease struct{ Release }

func (r *rawRelease) UnmarshalYAML(n *yaml.Node) error {
	r.Pos = Pos{Line: n.Line, Col: n.Column}
	return n.Decode(&r.Release)
}

type rawEntry struct {
	Name        string            `yaml:"name"`
	Title       string            `yaml:"title"`
	Description string            `yaml:"description"`
	Templates   string            `yaml:"templates"`
	Since       string            `yaml:"since"`
	Images      map[string]string `yaml:"images"`
	Data        map[string]any    `yaml:"data"`
	Questions   []rawQuestion     `yaml:"questions"`
	pos         Pos
}

func (e *rawEntry) UnmarshalYAML(n *yaml.Node) error {
	type plain rawEntry
	if err := n.Decode((*plain)(e)); err != nil {
		return err
	}
	e.pos = Pos{Line: n.Line, Col: n.Column}
	return nil
}

// rawQuestion is a full question, or in an entry's list either a bare
// variable name or the fields that entry changes.
type rawQuestion struct {
	Variable     string            `yaml:"variable"`
	Label        *string           `yaml:"label"`
	Description  *string           `yaml:"description"`
	Type         *string           `yaml:"type"`
	Required     *bool             `yaml:"required"`
	Default      yaml.Node         `yaml:"default"`
	Options      []yaml.Node       `yaml:"options"`
	Min          *int              `yaml:"min"`
	Max          *int              `yaml:"max"`
	MinLength    *int              `yaml:"minLength"`
	MaxLength    *int              `yaml:"maxLength"`
	ValidChars   *string           `yaml:"validChars"`
	InvalidChars *string           `yaml:"invalidChars"`
	Since        *string           `yaml:"since"`
	Until        *string           `yaml:"until"`
	Ignore       map[string]string `yaml:"ignore"`
	pos          Pos
}

func (q *rawQuestion) UnmarshalYAML(n *yaml.Node) error {
	q.pos = Pos{Line: n.Line, Col: n.Column}
	if n.Kind == yaml.ScalarNode {
		q.Variable = n.Value
		return nil
	}
	type plain rawQuestion
	pos := q.pos
	err := n.Decode((*plain)(q))
	q.pos = pos
	return err
}

// applyTo returns base with the fields q sets replaced. Scalars keep the
// text as written (`default: 1.10` stays "1.10"), which is what Rancher
// should receive.
func (q rawQuestion) applyTo(base Question) Question {
	out := base
	out.Variable = q.Variable
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&out.Label, q.Label)
	set(&out.Description, q.Description)
	set(&out.Type, q.Type)
	set(&out.ValidChars, q.ValidChars)
	set(&out.InvalidChars, q.InvalidChars)
	set(&out.Since, q.Since)
	set(&out.Until, q.Until)
	if q.Ignore != nil {
		out.Ignore = q.Ignore
	}
	if q.Required != nil {
		out.Required = *q.Required
	}
	if q.Default.Kind != 0 {
		out.Default = q.Default.Value
	}
	if q.Options != nil {
		out.Options = make([]string, len(q.Options))
		for i, o := range q.Options {
			out.Options[i] = o.Value
		}
	}
	for _, p := range []struct {
		dst **int
		src *int
	}{
		{&out.Min, q.Min}, {&out.Max, q.Max}, {&out.MinLength, q.MinLength}, {&out.MaxLength, q.MaxLength},
	} {
		if p.src != nil {
			*p.dst = p.src
		}
	}
	out.Pos = q.pos
	return out
}
