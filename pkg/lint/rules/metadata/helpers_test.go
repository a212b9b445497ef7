package metadata

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
)

// TestEachPairIsPairs: every mapping of a document with merges, repeats,
// aliases, complex keys and long mappings yields the same entries through
// eachPair as through pairs.
func TestEachPairIsPairs(t *testing.T) {
	src := `base: &base {type: enum, default: a}
q1: {variable: A, type: string, default: x}
q2: {variable: B, type: int, type: float}
q3: {<<: *base, variable: C}
q4: {<<: [*base], type: string}
q5: {variable: *base}
q6: {? [a]: 1, ? [b]: 2}
q7: {? [a]: 1, x: 2}
q8: {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17}
q9: {}
q10: {"<<": 1, a: 2}
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	yamlnode.Walk(&doc, func(m, _ *yaml.Node) bool {
		if m.Kind != yaml.MappingNode {
			return true
		}
		n++
		var got []yamlnode.Pair
		eachPair(m, func(p yamlnode.Pair) { got = append(got, p) })
		if want := pairs(m); !slices.Equal(got, want) {
			t.Errorf("mapping at line %d: eachPair gives %d entries, pairs %d", m.Line, len(got), len(want))
		}
		return true
	})
	if n < 12 {
		t.Fatalf("walked %d mappings", n)
	}
}

// secretLikeBySplit is secretLike without its early return: every name is
// split into parts.
func secretLikeBySplit(variable string) bool {
	parts := strings.FieldsFunc(strings.ToLower(variable), func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	for i := len(parts) - 1; i >= 0; i-- {
		part := parts[i]
		isKey := part == "key" && i == len(parts)-1 && i > 0
		if !isKey && !containsSecretWord(part) {
			continue
		}
		for _, after := range parts[i+1:] {
			if notSecretParts[after] {
				return false
			}
		}
		return !isKey || !notSecretKeys[parts[i-1]]
	}
	return false
}

func TestSecretLikeEarlyReturn(t *testing.T) {
	names := []string{"", "key", "KEY", "api_key", "API_KEY", "public_key", "keyring", "monkey_key", "db_password",
		"DB_PASSWORD", "password_length", "user_password", "admin-passwd", "secret.name", "my_token", "TOKEN_TTL",
		"port", "host_name", "keycloak_url", "turnkey", "access_key_id", "x.key", "a-key", "S3_SECRET_KEY", "ŞECRET"}
	seen := map[bool]int{}
	for _, n := range names {
		want := secretLikeBySplit(n)
		seen[want]++
		if got := secretLike(n); got != want {
			t.Errorf("secretLike(%q) = %v, splitting every name gives %v", n, got, want)
		}
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("the names cover only one answer: %v", seen)
	}
}

// TestUses: the questions tracked are the valid variables, each once,
// until used.
func TestUses(t *testing.T) {
	for _, n := range []int{3, 80} {
		var qs []*catalog.Question
		for i := range n {
			qs = append(qs, &catalog.Question{Variable: fmt.Sprintf("q%d", i)})
		}
		qs = append(qs, &catalog.Question{Variable: "q0"}, &catalog.Question{Variable: "1bad"}, &catalog.Question{})
		u := newUses(qs)
		if u.left != n {
			t.Errorf("%d questions: %d tracked", n, u.left)
		}
		if u.isPending("1bad") || u.isPending("") {
			t.Errorf("%d questions: an unusable variable is tracked", n)
		}
		for i := range n {
			if u.done() {
				t.Fatalf("%d questions: done after %d uses", n, i)
			}
			u.use(fmt.Sprintf("q%d", i))
			u.use(fmt.Sprintf("q%d", i)) // a second use changes nothing
			u.use("unknown")
			if u.isPending(fmt.Sprintf("q%d", i)) || i+1 < n && !u.isPending(fmt.Sprintf("q%d", i+1)) {
				t.Fatalf("%d questions: wrong pending set after using q%d", n, i)
			}
		}
		if !u.done() {
			t.Errorf("%d questions: not done after using every one", n)
		}
	}
}

// TestEnvLookupsAreKeyValues: the entries collectEnvLookups takes for
// lookups are those yamlnode.KeyValues reads without a value.
func TestEnvLookupsAreKeyValues(t *testing.T) {
	src := `base: &base {B1: , B2: x, A: ~}
envs:
  - {A: , B: x, C: ~, D: null, E: "", F: !!null , G: [x], H: {x: y}}
  - {<<: *base, A: set, C: }
  - [A, B=x, C=, =D, E, [F], {G: x}, "H"]
  - *base
  - {? [x]: , I: }
  - [A, *base]
  - A
  - ~
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	names := []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "B1", "B2", "x"}
	envs := yamlnode.Value(doc.Content[0], "envs")
	for i, env := range envs.Content {
		var qs []*catalog.Question
		for _, n := range names {
			qs = append(qs, &catalog.Question{Variable: n})
		}
		u := newUses(qs)
		collectEnvLookups(env, u)
		want := map[string]bool{}
		for _, kv := range yamlnode.KeyValues(env) {
			if !kv.HasValue && kv.Key != "" {
				want[kv.Key] = true
			}
		}
		for _, n := range names {
			if used := !u.isPending(n); used != want[n] {
				t.Errorf("environment %d: %s used %v, KeyValues says %v", i, n, used, want[n])
			}
		}
	}
}
