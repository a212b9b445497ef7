package catalog

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDeriveOnce: rules running concurrently on one version share one
// computation of an analysis, and two keys of the same type do not collide.
func TestDeriveOnce(t *testing.T) {
	v := &Version{}
	a, b := NewKey[*[]string]("a"), NewKey[*[]string]("b")
	var builds atomic.Int32
	var wg sync.WaitGroup
	results := make([]*[]string, 16)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = Derive(v, a, func() *[]string {
				builds.Add(1)
				return &[]string{"a"}
			})
		}()
	}
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("built %d times, want once", n)
	}
	for _, r := range results[1:] {
		if r != results[0] {
			t.Fatal("callers got different results")
		}
	}
	got := Derive(v, b, func() *[]string { return &[]string{"b"} })
	if (*got)[0] != "b" {
		t.Fatalf("key b returned key a's value %v", *got)
	}
	if other := Derive(&Version{}, a, func() *[]string { return nil }); other != nil {
		t.Fatal("a value derived from one version leaked to another")
	}
}

// TestDerivePanics: a build that panics reaches its caller (the runner
// reports it as an internal error) and later callers get the zero value
// instead of a second crash.
func TestDerivePanics(t *testing.T) {
	v := &Version{}
	k := NewKey[*int]("boom")
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic of build was swallowed")
			}
		}()
		Derive(v, k, func() *int { panic("boom") })
	}()
	if got := Derive(v, k, func() *int { n := 1; return &n }); got != nil {
		t.Fatalf("got %v after a failed build, want nil", *got)
	}
}

// TestAnswers: a question without a default is typed by the user under
// DefaultAnswers, and under BlankAnswers only when it is required; values
// interpolate through them.
func TestAnswers(t *testing.T) {
	c, err := LoadFiles(map[string][]byte{
		"templates/app/config.yml":            []byte("name: app\nversion: 1.0.0\n"),
		"templates/app/0/rancher-compose.yml": []byte(".catalog:\n  version: 1.0.0\n  questions:\n    - variable: TAG\n      type: string\n      default: '1.25'\n    - variable: OPT\n      type: string\n    - variable: REQ\n      type: string\n      required: true\n"),
		"templates/app/0/docker-compose.yml":  []byte("web:\n  image: nginx:${TAG}\n"),
	}, Options{})
	require.NoError(t, err)
	v := c.Templates[0].Versions[0]
	def, blank := v.DefaultAnswers(), v.BlankAnswers()
	assert.Same(t, def, v.DefaultAnswers(), "computed once")
	assert.True(t, def.Typed("OPT") && def.Typed("REQ") && !def.Typed("TAG"))
	assert.True(t, !blank.Typed("OPT") && blank.Typed("REQ"))
	out, sure := def.Expand("nginx:${TAG}")
	assert.Equal(t, "nginx:1.25", out)
	assert.True(t, sure)
	_, sure = def.Expand("x${OPT}")
	assert.False(t, sure, "depends on a typed answer")
	_, sure = blank.Expand("x${OPT}")
	assert.True(t, sure, "left blank")
	out, sure = def.ExpandSymbolic("a=${REQ}")
	assert.Equal(t, "a=${REQ}", out)
	assert.True(t, sure)
	_, sure = def.Expand("${UNDECLARED}")
	assert.False(t, sure)
}
