package labels

import (
	"fmt"
	"strings"
)

// Requirement is one ANDed term of a selector. Op is "=", "!=", "exists",
// "in" or "notin"; Values has one element for = and !=, none for exists.
type Requirement struct {
	Key, Op string
	Values  []string
}

// Cattle tries the operators in this order and takes the first that splits
// the term; that is why `k in (a=b)` reads as an = term with key "k in a".
var selectorOps = []struct{ sym, op string }{
	{"!=", "!="},
	{"=", "="},
	{" notin ", "notin"},
	{" in ", "in"},
}

// ParseSelector parses a selector label value (`k = v, k2 != v, k3,
// k4 in (a, b), k5 notin (c)`) as Cattle's SelectorUtils does: the value
// is split on commas outside parentheses, parentheses are dropped, and each
// term is split at the first operator found. Cattle rejects a term whose
// key contains a space. This also rejects other whitespace in a key, an
// empty selector and an empty term: Cattle accepts them, but they can never
// match anything.
func ParseSelector(s string) ([]Requirement, error) {
	var terms []string
	var term strings.Builder
	inList := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			inList = true
		case c == ')':
			inList = false
		case c == ',' && !inList:
			terms = append(terms, term.String())
			term.Reset()
			continue
		default:
			term.WriteByte(c)
		}
		if i == len(s)-1 {
			terms = append(terms, term.String())
		}
	}
	if len(terms) == 0 {
		return nil, fmt.Errorf("empty selector matches nothing")
	}
	reqs := make([]Requirement, 0, len(terms))
	for _, t := range terms {
		r := parseTerm(t)
		switch {
		case r.Key == "":
			return nil, fmt.Errorf("invalid selector %q: empty term or key in %q, which matches nothing", s, strings.TrimSpace(t))
		case strings.ContainsAny(r.Key, " \t\r\n"):
			return nil, fmt.Errorf("invalid selector %q: Cattle rejects the key %q; terms are `k=v`, `k!=v`, `k`, `k in (a, b)`, `k notin (a, b)`", s, r.Key)
		}
		reqs = append(reqs, r)
	}
	return reqs, nil
}

func parseTerm(t string) Requirement {
	for _, o := range selectorOps {
		k, v, found := strings.Cut(t, o.sym)
		if !found {
			continue
		}
		r := Requirement{Key: strings.TrimSpace(k), Op: o.op}
		v = strings.TrimSpace(v)
		if o.op == "in" || o.op == "notin" {
			for _, x := range javaSplit(v, ",") {
				r.Values = append(r.Values, strings.ToLower(strings.TrimSpace(x)))
			}
		} else {
			r.Values = []string{v}
		}
		return r
	}
	return Requirement{Key: strings.TrimSpace(t), Op: "exists"}
}
