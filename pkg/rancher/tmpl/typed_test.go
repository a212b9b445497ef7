package tmpl

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// An argument maker builds a fresh value on each call, since some
// functions change their arguments (set, push). Heavy arguments are at or
// past the size limits; they are given to probes (below) only, one per
// call, since real functions would spend seconds on them.
type maker struct {
	make  func() any
	heavy bool
}

func light(x func() any) maker { return maker{make: x} }
func heavy(x func() any) maker { return maker{make: x, heavy: true} }

// candidates are the arguments tried per parameter type: ordinary values,
// and values at and past the limits (too large, nested too deep, holding
// themselves).
var candidates = map[reflect.Type][]maker{
	reflect.TypeFor[string](): {
		light(func() any { return "" }),
		light(func() any { return "a,b,c" }),
		light(func() any { return "%05d|%s" }),
		light(func() any { return ">=1.1.0" }),
		heavy(func() any { return halfPlus() }),
		heavy(func() any { return past() }),
	},
	reflect.TypeFor[int](): {
		light(func() any { return 0 }),
		light(func() any { return 3 }),
		light(func() any { return -2 }),
		light(func() any { return 1 << 30 }),
	},
	reflect.TypeFor[bool](): {
		light(func() any { return true }),
		light(func() any { return false }),
	},
	reflect.TypeFor[any](): {
		light(func() any { return nil }),
		light(func() any { return "x" }),
		light(func() any { return 7 }),
		light(func() any { return 2.5 }),
		light(func() any { return []any{"a", 1, nil, []string{"b"}} }),
		light(func() any { return map[string]any{"k": "v", "n": map[string]string{"a": "b"}} }),
		light(func() any { return []byte("bytes") }),
		light(func() any { return &struct{ A, b string }{"a", "b"} }),
		light(selfHolding),
		light(func() any { return nested(MaxValueDepth/2 - 1) }),
		light(func() any { return nested(MaxValueDepth / 2) }),
		light(func() any { return nested(MaxValueDepth/2 + 1) }),
		heavy(func() any { return past() }),
		heavy(func() any { return []any{halfPlus(), halfPlus()} }),
	},
	reflect.TypeFor[map[string]any](): {
		light(func() any { return map[string]any(nil) }),
		light(func() any { return map[string]any{"a": 1, "b": []any{"c"}} }),
		light(selfHolding),
		light(func() any { return map[string]any{"deep": nested(MaxValueDepth / 2)} }),
		heavy(func() any { return map[string]any{"big": full()} }),
	},
}

// The large strings are made once: strings do not change.
var (
	halfPlus = sync.OnceValue(func() string { return strings.Repeat("h", MaxValue/2+1) })
	full     = sync.OnceValue(func() string { return strings.Repeat("f", MaxValue) })
	past     = sync.OnceValue(func() string { return strings.Repeat("p", MaxValue+1) })
)

func selfHolding() any {
	m := map[string]any{"a": "b"}
	m["self"] = m
	return m
}

// nested is a string inside n levels of []any.
func nested(n int) any {
	var v any = "leaf"
	for range n {
		v = []any{v}
	}
	return v
}

// variadic are argument lists for a ...any parameter.
var variadic = []struct {
	args  []func() any
	heavy bool
}{
	{nil, false},
	{[]func() any{func() any { return "a" }}, false},
	{[]func() any{func() any { return "k" }, func() any { return "v" }, func() any { return "n" }, func() any { return 2 }}, false},
	{[]func() any{func() any { return "k" }, selfHolding}, false},
	{[]func() any{func() any { return nested(MaxValueDepth/2 - 1) }}, false},
	{[]func() any{func() any { return nested(MaxValueDepth / 2) }}, false},
	{[]func() any{func() any { return []any{"a", "b"} }, func() any { return []any{"c"} }}, false},
	{[]func() any{func() any { return full() }, func() any { return "k" }}, true},
	{[]func() any{ // past 4*MaxValue in all
		func() any { return full() }, func() any { return full() },
		func() any { return full() }, func() any { return full() }, func() any { return "5" },
	}, true},
}

// argLists lists the argument lists tried on a function of type t: every
// combination of the candidates of its parameters (a variadic one takes
// each list of variadic) with at most one heavy argument, none unless
// withHeavy.
func argLists(t reflect.Type, withHeavy bool) [][]func() any {
	type partial struct {
		args  []func() any
		heavy bool
	}
	lists := []partial{{}}
	for i := 0; i < t.NumIn(); i++ {
		var next []partial
		for _, l := range lists {
			add := func(args []func() any, h bool) {
				if h && (l.heavy || !withHeavy) {
					return
				}
				next = append(next, partial{append(append([]func() any{}, l.args...), args...), l.heavy || h})
			}
			if t.IsVariadic() && i == t.NumIn()-1 {
				for _, v := range variadic {
					add(v.args, v.heavy)
				}
				continue
			}
			for j, c := range candidates[t.In(i)] {
				if j > 0 && l.heavy && !c.heavy {
					continue // with a heavy argument, the others vary no more
				}
				add([]func() any{c.make}, c.heavy)
			}
		}
		lists = next
	}
	out := make([][]func() any, len(lists))
	for i, l := range lists {
		out[i] = l.args
	}
	return out
}

// probe is a function of type t that builds its result from its
// arguments, so that results can be as large or as deep as they are: a
// string result joins its string arguments twice, an any result is its
// last argument, a list result holds them all, a map result maps their
// positions to them. An error result is set when the first argument is
// "%05d|%s".
func probe(t reflect.Type) any {
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		var all []any
		var text strings.Builder
		for i, a := range args {
			if t.IsVariadic() && i == len(args)-1 {
				for j := 0; j < a.Len(); j++ {
					all = append(all, a.Index(j).Interface())
				}
				continue
			}
			all = append(all, a.Interface())
			if a.Kind() == reflect.String {
				text.WriteString(a.String())
			}
		}
		out := make([]reflect.Value, t.NumOut())
		for i := range out {
			rt := t.Out(i)
			out[i] = reflect.New(rt).Elem()
			switch {
			case rt == reflect.TypeFor[error]():
				if len(all) > 0 && all[0] == "%05d|%s" {
					out[i].Set(reflect.ValueOf(fmt.Errorf("probe fails")))
				}
			case rt.Kind() == reflect.String:
				out[i].SetString(text.String() + text.String())
			case rt.Kind() == reflect.Interface:
				if len(all) > 0 && all[len(all)-1] != nil {
					out[i].Set(reflect.ValueOf(all[len(all)-1]))
				}
			case rt == reflect.TypeFor[[]any]():
				out[i].Set(reflect.ValueOf(all))
			case rt == reflect.TypeFor[[]string]():
				out[i].Set(reflect.ValueOf([]string{text.String()}))
			case rt == reflect.TypeFor[map[string]any]():
				m := map[string]any{}
				for j, a := range all {
					m[fmt.Sprint(j)] = a
				}
				out[i].Set(reflect.ValueOf(m))
			}
		}
		return out
	}).Interface()
}

// outcome is what one call did: its results, or the panic that stopped
// it, and what it added to the budget's allocation.
type outcome struct {
	results []any
	panic   string
	alloc   int64
}

func callWith(b *Budget, fn any, makers []func() any) (o outcome) {
	b.Start()
	return callOn(b, fn, makers)
}

// callOn calls fn on the budget as it is.
func callOn(b *Budget, fn any, makers []func() any) (o outcome) {
	v := reflect.ValueOf(fn)
	t := v.Type()
	args := make([]reflect.Value, len(makers))
	for i, m := range makers {
		in := t.In(min(i, t.NumIn()-1))
		if t.IsVariadic() && i >= t.NumIn()-1 {
			in = in.Elem()
		}
		args[i] = reflect.New(in).Elem()
		if x := m(); x != nil {
			args[i].Set(reflect.ValueOf(x))
		}
	}
	defer func() {
		o.alloc = b.alloc
		if r := recover(); r != nil {
			o.panic = fmt.Sprint(r)
		}
	}()
	for _, r := range v.Call(args) {
		o.results = append(o.results, r.Interface())
	}
	return o
}

// clockFunctions read the clock when given something that is not a time:
// their results differ between two calls.
var clockFunctions = map[string]bool{"date": true, "htmlDate": true}

// TestTypedWrappersCheckAsReflectWrapper: a typed wrapper refuses exactly
// what the reflect wrapper refuses, with the same error, returns the same
// results and charges the same allocation: for every function of
// Rancher's map that has one, on ordinary arguments and on arguments past
// the depth limits; and for a probe of each of their signatures, whose
// results grow with its arguments, on arguments at and past the size
// limits too.
func TestTypedWrappersCheckAsReflectWrapper(t *testing.T) {
	maxDuration = time.Minute
	defer func() { maxDuration = MaxDuration }()
	funcs := SafeFuncMap()
	for k, v := range builtinOverrides {
		funcs[k] = v
	}
	typedB, reflectB := NewBudget(), NewBudget()
	compare := func(name string, fn any, withHeavy bool) {
		typed := typedB.typedWrap(name, fn)
		slow := reflectB.reflectWrap(name, reflect.ValueOf(fn))
		if reflect.TypeOf(typed) != reflect.TypeOf(fn) {
			t.Errorf("%s: typed wrapper of type %T for %T", name, typed, fn)
			return
		}
		for _, args := range argLists(reflect.TypeOf(fn), withHeavy) {
			got := callWith(typedB, typed, args)
			want := callWith(reflectB, slow, args)
			desc := fmt.Sprintf("%s %s", name, describeArgs(args))
			if got.panic != want.panic {
				t.Errorf("%s: typed wrapper stopped with %q, reflect wrapper with %q", desc, got.panic, want.panic)
				continue
			}
			if got.alloc != want.alloc {
				t.Errorf("%s: typed wrapper charged %d bytes, reflect wrapper %d", desc, got.alloc, want.alloc)
			}
			if !clockFunctions[name] && !reflect.DeepEqual(got.results, want.results) {
				t.Errorf("%s: typed wrapper returned %.200v, reflect wrapper %.200v", desc, got.results, want.results)
			}
		}
	}
	signatures := map[reflect.Type]string{}
	for name, fn := range funcs {
		if typedB.typedWrap(name, fn) == nil {
			continue
		}
		compare(name, fn, false)
		signatures[reflect.TypeOf(fn)] = name
	}
	if len(signatures) == 0 {
		t.Fatal("no function has a typed wrapper")
	}
	for sig := range signatures {
		compare("probe", probe(sig), true)
	}
}

// The run's allocation limit stops a typed wrapper at the same call as the
// reflect wrapper.
func TestTypedWrapperAllocationLimit(t *testing.T) {
	maxDuration = time.Minute
	defer func() { maxDuration = MaxDuration }()
	fn := probe(reflect.TypeFor[func(string) string]())
	arg := []func() any{func() any { return strings.Repeat("a", MaxValue/4) }}
	stops := map[string]int{}
	for kind, b := range map[string]*Budget{"typed": NewBudget(), "reflect": NewBudget()} {
		wrapped := b.typedWrap("probe", fn)
		if kind == "reflect" {
			wrapped = b.reflectWrap("probe", reflect.ValueOf(fn))
		}
		b.Start()
		for i := 1; i <= 2*MaxAlloc/(MaxValue/2); i++ {
			if o := callOn(b, wrapped, arg); o.panic != "" {
				if !strings.Contains(o.panic, "in all") {
					t.Errorf("%s wrapper stopped with %q", kind, o.panic)
				}
				stops[kind] = i
				break
			}
		}
	}
	if stops["typed"] == 0 || stops["typed"] != stops["reflect"] {
		t.Errorf("the allocation limit stopped the typed wrapper at call %d, the reflect wrapper at call %d", stops["typed"], stops["reflect"])
	}
}

func describeArgs(makers []func() any) string {
	var parts []string
	for _, m := range makers {
		// %v would print a collection that holds itself forever.
		switch x := m().(type) {
		case string:
			parts = append(parts, fmt.Sprintf("%.20q (%d bytes)", x, len(x)))
		case int, bool, nil:
			parts = append(parts, fmt.Sprint(x))
		default:
			parts = append(parts, fmt.Sprintf("%T", x))
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// The functions templates call most have a typed wrapper: without it they
// still work, only slower, which nothing else would notice.
func TestCommonFunctionsHaveTypedWrappers(t *testing.T) {
	funcs := SafeFuncMap()
	for k, v := range builtinOverrides {
		funcs[k] = v
	}
	b := NewBudget()
	for _, name := range []string{
		"list", "dict", "get", "set", "hasKey", "has", "append", "concat", "first", "ternary",
		"printf", "print", "upper", "lower", "trim", "quote", "toString", "default",
		"splitList", "join", "replace", "indent", "nindent", "contains", "semverCompare",
		"sortAlpha", "uniq", "toJson", "b64enc", "fail",
	} {
		if b.typedWrap(name, funcs[name]) == nil {
			t.Errorf("%s (%T) has no typed wrapper", name, funcs[name])
		}
	}
}

// referenceSize is sizeOf as a plain reflect walk: what the walk without
// reflect must count alike.
func referenceSize(v reflect.Value, limit int64) (int64, error) {
	var n int64
	var walk func(v reflect.Value, depth int) error
	walk = func(v reflect.Value, depth int) error {
		if n > limit {
			return nil
		}
		if depth > MaxValueDepth {
			return errTooDeep
		}
		switch v.Kind() {
		case reflect.Invalid:
		case reflect.String:
			n += int64(v.Len())
		case reflect.Interface, reflect.Pointer:
			if !v.IsNil() {
				return walk(v.Elem(), depth+1)
			}
		case reflect.Slice, reflect.Array:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				n += int64(v.Len())
				return nil
			}
			n += 16 * int64(v.Len())
			for i := 0; i < v.Len() && n <= limit; i++ {
				if err := walk(v.Index(i), depth+1); err != nil {
					return err
				}
			}
		case reflect.Map:
			n += 16 * int64(v.Len())
			it := v.MapRange()
			for it.Next() && n <= limit {
				if err := walk(it.Key(), depth+1); err != nil {
					return err
				}
				if err := walk(it.Value(), depth+1); err != nil {
					return err
				}
			}
		case reflect.Struct:
			for i := 0; i < v.NumField() && n <= limit; i++ {
				if err := walk(v.Field(i), depth+1); err != nil {
					return err
				}
			}
		default:
			n += 8
		}
		return nil
	}
	err := walk(v, 0)
	return n, err
}

// sizeOf and sizeOfAny count as the plain reflect walk: the same size up
// to the limit (past it, both only need to be past it), the same error.
func TestSizeOfCountsAsReflectWalk(t *testing.T) {
	type inner struct {
		M    map[string]any
		L    []any
		s    string
		p    *inner
		Strs map[string]string
	}
	var values []any
	for _, cs := range candidates {
		for _, c := range cs {
			values = append(values, c.make())
		}
	}
	values = append(values,
		inner{M: map[string]any{"a": []any{1, "b"}}, L: []any{nil, 2.5, true}, s: "unexported", Strs: map[string]string{"k": "v"}},
		&inner{p: &inner{s: "deeper"}, L: []any{&inner{}}},
		map[string]map[string]any{"x": {"y": "z"}},
		map[int]string{1: "one"},
		[]string{"a", "bb"}, [2]string{"c", "dd"}, []int{1, 2}, int8(3), uint(4), complex(1, 2),
		map[string]any{"n": nested(MaxValueDepth/2 - 1)}, []any{nested(MaxValueDepth / 2)},
	)
	for _, x := range values {
		for _, limit := range []int64{-1, 0, 10, 100, MaxValue} {
			// As a value (what emit sees) and as an interface-typed place
			// (what an `any` parameter is).
			for _, v := range []reflect.Value{reflect.ValueOf(x), reflect.ValueOf(&x).Elem()} {
				want, wantErr := referenceSize(v, limit)
				got, err := sizeOf(v, limit)
				if v.Kind() != reflect.Interface {
					gotAny, errAny := sizeOfAny(x, limit)
					past := int64(gotAny) > limit && int64(got) > limit // map order decides by how much
					if (gotAny != got && !past) || (errAny == nil) != (err == nil) {
						t.Errorf("%T: sizeOfAny gives %d, %v; sizeOf %d, %v", x, gotAny, errAny, got, err)
					}
				}
				if (err == nil) != (wantErr == nil) {
					t.Errorf("%T (%s, limit %d): error %v, the reflect walk's %v", x, v.Kind(), limit, err, wantErr)
					continue
				}
				if err == nil && (want <= limit || int64(got) <= limit) && int64(got) != want {
					t.Errorf("%T (%s, limit %d): %d bytes, the reflect walk counts %d", x, v.Kind(), limit, got, want)
				}
			}
		}
	}
}
