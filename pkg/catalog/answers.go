package catalog

import "github.com/catalogen/catalogen/pkg/rancher/interp"

// Answers are the answers a version deploys with when the user accepts
// every default: each question's default (Values), and the variables whose
// question has no default, which the user must type. Rules and plan read
// interpolated values through them; computed once per version.
type Answers struct {
	values map[string]string
	unsure map[string]bool
}

// DefaultAnswers returns v's default answers: every question without a
// default is one the user types.
func (v *Version) DefaultAnswers() *Answers {
	return Derive(v, answersKey, func() *Answers { return newAnswers(v, false) })
}

// BlankAnswers are the default answers of a user who leaves every optional
// question without a default blank: only a required question without a
// default is typed. Readers of values that break when blank use them.
func (v *Version) BlankAnswers() *Answers {
	return Derive(v, blankAnswersKey, func() *Answers { return newAnswers(v, true) })
}

// NewAnswers returns answers with the given values, where the variables
// named by typed must be typed by the user.
func NewAnswers(values map[string]string, typed ...string) *Answers {
	a := &Answers{values: values, unsure: map[string]bool{}}
	for _, name := range typed {
		a.unsure[name] = true
	}
	return a
}

var (
	answersKey      = NewKey[*Answers]("answers")
	blankAnswersKey = NewKey[*Answers]("blank-answers")
)

func newAnswers(v *Version, onlyRequired bool) *Answers {
	a := &Answers{values: v.Values(), unsure: map[string]bool{}}
	if v.Catalog != nil {
		for _, q := range v.Catalog.Questions {
			if q.Default == "" && (q.Required || !onlyRequired) {
				a.unsure[q.Variable] = true
			}
		}
	}
	return a
}

// Lookup returns the answer for a variable and whether a question declares
// it.
func (a *Answers) Lookup(name string) (string, bool) {
	v, ok := a.values[name]
	return v, ok
}

// Typed reports whether the user must type the variable's answer (its
// question has no default): in lint it renders as a placeholder.
func (a *Answers) Typed(name string) bool { return a.unsure[name] }

// AnyTyped reports whether some answer must be typed.
func (a *Answers) AnyTyped() bool { return len(a.unsure) > 0 }

// Expand interpolates s as the executor does. sure is false when the result
// depends on an answer the user must type, on an undeclared variable (I002)
// or when s does not interpolate at all (I001): readers then say nothing
// about the value, since other rules report the cause.
func (a *Answers) Expand(s string) (out string, sure bool) {
	if !interp.NeedsEscape(s) {
		return s, true
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
	return out, sure
}

// ExpandSymbolic interpolates s like Expand, but a variable whose answer the
// user types stays as its `${NAME}` reference instead of a placeholder, so
// that values can still be compared: two pins written `${HOST_LABEL}` are
// equal whatever the user types. sure is false only when s does not
// interpolate or uses an undeclared variable.
func (a *Answers) ExpandSymbolic(s string) (out string, sure bool) {
	if !interp.NeedsEscape(s) {
		return s, true
	}
	out, missing, err := interp.Interpolate(s, func(name string) (string, bool) {
		if a.unsure[name] {
			return "${" + name + "}", true
		}
		v, ok := a.values[name]
		return v, ok
	})
	if err != nil || len(missing) > 0 {
		return s, false
	}
	return out, true
}
