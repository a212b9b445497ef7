package yamlnode

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &n))
	return Resolve(&n)
}

func TestGetMergesAndDuplicates(t *testing.T) {
	root := parse(t, `
base: &base
  image: nginx:1
  restart: always
web:
  <<: *base
  image: nginx:2
dup:
  a: 1
  a: 2
multi:
  <<: [*base, {extra: x, restart: never}]
`)
	web := Value(root, "web")
	img, _ := Scalar(web, "image")
	assert.Equal(t, "nginx:2", img, "explicit keys win over merged ones")
	restart, _ := Scalar(web, "restart")
	assert.Equal(t, "always", restart)
	a, _ := Scalar(Value(root, "dup"), "a")
	assert.Equal(t, "2", a, "the last duplicate wins, as in Rancher's decoder")
	multi := Value(root, "multi")
	restart, _ = Scalar(multi, "restart")
	assert.Equal(t, "always", restart, "earlier merge sources win")
	extra, _ := Scalar(multi, "extra")
	assert.Equal(t, "x", extra)

	keys := []string{}
	for _, p := range Pairs(web) {
		keys = append(keys, p.Key.Value)
	}
	assert.Equal(t, []string{"image", "restart"}, keys)
	assert.Nil(t, Value(root, "missing"))
	assert.Nil(t, Value(img2node(t), "x"), "scalars have no keys")
}

func img2node(t *testing.T) *yaml.Node { return parse(t, "just a scalar") }

func TestKeyValues(t *testing.T) {
	list := parse(t, "- A=1\n- B\n- C=x=y\n")
	kv := KeyValues(list)
	require.Len(t, kv, 3)
	assert.Equal(t, KeyValue{Key: "A", Value: "1", HasValue: true}, strip(kv[0]))
	assert.Equal(t, KeyValue{Key: "B"}, strip(kv[1]))
	assert.Equal(t, "x=y", kv[2].Value)

	m := parse(t, "a: 1\nb:\nc: true\n")
	kv = KeyValues(m)
	require.Len(t, kv, 3)
	assert.False(t, kv[1].HasValue, "null values have none")
	assert.Equal(t, "true", kv[2].Value)
}

func strip(kv KeyValue) KeyValue { kv.KeyNode, kv.ValueNode = nil, nil; return kv }

func TestAliasBombIsCheap(t *testing.T) {
	src := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		src += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	root := parse(t, src)
	visited := 0
	Walk(root, func(n, _ *yaml.Node) bool { visited++; return true })
	assert.Less(t, visited, 200, "Walk never expands aliases")
	assert.Len(t, Strings(Value(root, "a")), 9)
}

func TestHelpers(t *testing.T) {
	root := parse(t, "n: ~\ns: 'x'\nl: [a, b]\nm: {}\ni: 3\n")
	assert.True(t, IsNull(Value(root, "n")))
	assert.True(t, IsNull(nil))
	assert.True(t, IsSeq(Value(root, "l")))
	assert.True(t, IsMap(Value(root, "m")))
	assert.Equal(t, []string{"a", "b"}, Strings(Value(root, "l")))
	assert.Equal(t, []string{"x"}, Strings(Value(root, "s")))
	assert.Nil(t, Strings(Value(root, "n")))
}
