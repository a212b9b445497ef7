package tmpl

import (
	"fmt"
	"reflect"
)

// Typed wrappers. text/template calls every function through reflect; a
// function wrapped by reflect.MakeFunc is called through reflect a second
// time, with its arguments boxed into a fresh []reflect.Value on each call.
// The signatures most of sprig's functions share (and the ones templates
// call most: list, dict, get, printf, upper, ...) get a wrapper of their own
// type instead, a plain closure that makes exactly the checks of the
// reflect wrapper, in the same order and with the same sizes:
//
//   - the time;
//   - each argument's size as sizeOf counts the reflect.Value MakeFunc
//     would pass for it (a parameter of an interface type one level
//     deeper), within what the arguments before it left of 4*MaxValue;
//   - the amplifier check, on the same []reflect.Value, built only for the
//     functions that have one;
//   - the result's size against MaxValue and the run's allocation.
//
// Any other signature keeps the reflect wrapper.

// typedWrap returns the typed wrapper of fn, or nil if its signature has
// none.
func (b *Budget) typedWrap(name string, fn any) any {
	pre := amplifiers[name]
	switch f := fn.(type) {
	case func(string) string:
		return wrap1(b, pre, f)
	case func(string) bool:
		return wrap1(b, pre, f)
	case func(string) []string:
		return wrap1(b, pre, f)
	case func(string) (string, error):
		return wrap1E(b, pre, f)
	case func(int) string:
		return wrap1(b, pre, f)
	case func(any) string:
		return wrap1(b, pre, f)
	case func(any) bool:
		return wrap1(b, pre, f)
	case func(any) any:
		return wrap1(b, pre, f)
	case func(any) int64:
		return wrap1(b, pre, f)
	case func(any) float64:
		return wrap1(b, pre, f)
	case func(any) []any:
		return wrap1(b, pre, f)
	case func(any) []string:
		return wrap1(b, pre, f)
	case func(any) (string, error):
		return wrap1E(b, pre, f)
	case func(any) (any, error):
		return wrap1E(b, pre, f)
	case func(any) ([]any, error):
		return wrap1E(b, pre, f)
	case func(string, string) string:
		return wrap2(b, pre, f)
	case func(string, string) bool:
		return wrap2(b, pre, f)
	case func(string, string) []string:
		return wrap2(b, pre, f)
	case func(string, string) (string, error):
		return wrap2E(b, pre, f)
	case func(string, string) (bool, error):
		return wrap2E(b, pre, f)
	case func(string, any) string:
		return wrap2(b, pre, f)
	case func(string, any) bool:
		return wrap2(b, pre, f)
	case func(int, string) string:
		return wrap2(b, pre, f)
	case func(any, any) bool:
		return wrap2(b, pre, f)
	case func(any, any) int64:
		return wrap2(b, pre, f)
	case func(any, any) []any:
		return wrap2(b, pre, f)
	case func(any, any) ([]any, error):
		return wrap2E(b, pre, f)
	case func(map[string]any, string) any:
		return wrap2(b, pre, f)
	case func(map[string]any, string) bool:
		return wrap2(b, pre, f)
	case func(map[string]any, string, any) map[string]any:
		return wrap3(b, pre, f)
	case func(map[string]any, string) map[string]any:
		return wrap2(b, pre, f)
	case func(string, string, string) string:
		return wrap3(b, pre, f)
	case func(string, string, string) (string, error):
		return wrap3E(b, pre, f)
	case func(any, any, bool) any:
		return wrap3(b, pre, f)
	case func(...any) string:
		return wrapV(b, pre, f)
	case func(...any) bool:
		return wrapV(b, pre, f)
	case func(...any) any:
		return wrapV(b, pre, f)
	case func(...any) []any:
		return wrapV(b, pre, f)
	case func(...any) map[string]any:
		return wrapV(b, pre, f)
	case func(string, ...any) string:
		return wrapSV(b, pre, f)
	case func(any, ...any) any:
		return wrapAV(b, pre, f)
	}
	return nil
}

// sizer counts a value of type T as sizeOf counts the reflect.Value of
// type T that holds it.
type sizer[T any] func(x T, limit int64) (int, error)

// sizerOf picks T's sizer once, when the function is wrapped.
func sizerOf[T any]() sizer[T] {
	t := reflect.TypeFor[T]()
	var f any
	switch {
	case t == reflect.TypeFor[string]():
		f = sizer[string](func(x string, limit int64) (int, error) {
			s := sizing{limit: limit}
			err := s.str(len(x), 0)
			return s.total(), err
		})
	case t.Kind() == reflect.Interface:
		return func(x T, limit int64) (int, error) {
			s := sizing{limit: limit}
			if err := s.slot(any(x), 0); err != nil {
				return 0, err
			}
			return s.total(), nil
		}
	case t == reflect.TypeFor[[]any]():
		f = sizer[[]any](func(x []any, limit int64) (int, error) { return sizeOfAny(x, limit) })
	case t == reflect.TypeFor[[]string]():
		f = sizer[[]string](func(x []string, limit int64) (int, error) { return sizeOfAny(x, limit) })
	case t == reflect.TypeFor[map[string]any]():
		f = sizer[map[string]any](func(x map[string]any, limit int64) (int, error) { return sizeOfAny(x, limit) })
	case t.Kind() >= reflect.Bool && t.Kind() <= reflect.Complex128:
		// sizeOf's default: 8 bytes, unless the limit is already passed.
		return func(_ T, limit int64) (int, error) {
			s := sizing{limit: limit}
			err := s.str(8, 0)
			return s.total(), err
		}
	default:
		return func(x T, limit int64) (int, error) { return sizeOf(reflect.ValueOf(&x).Elem(), limit) }
	}
	return f.(sizer[T])
}

// valueOf is x as the reflect.Value of type T that MakeFunc would pass.
func valueOf[T any](x T) reflect.Value { return reflect.ValueOf(&x).Elem() }

// call checks the time before a call.
func (b *Budget) call() {
	if err := b.checkTime(); err != nil {
		panic(err)
	}
}

// arg adds an argument's size to in, the size of the arguments before it.
func arg[T any](size sizer[T], x T, in int) int {
	n, err := size(x, int64(4*MaxValue-in))
	if err != nil {
		panic(err)
	}
	in += n
	if in > 4*MaxValue {
		panic(fmt.Errorf("arguments larger than %d MiB", 4*MaxValue>>20))
	}
	return in
}

// amplify runs a function's amplifier check.
func amplify(pre func([]reflect.Value) error, args ...reflect.Value) {
	if err := pre(args); err != nil {
		panic(err)
	}
}

// result checks a result and adds it to the run's allocation.
func result[R any](b *Budget, size sizer[R], r R) {
	n, err := size(r, MaxValue)
	if err != nil {
		panic(err)
	}
	if n > MaxValue {
		panic(fmt.Errorf("result larger than %d MiB", MaxValue>>20))
	}
	b.alloc += int64(n)
	if b.alloc > MaxAlloc {
		panic(fmt.Errorf("the template's function calls built more than %d MiB in all", MaxAlloc>>20))
	}
}

func wrap1[A, R any](b *Budget, pre func([]reflect.Value) error, f func(A) R) func(A) R {
	sa, sr := sizerOf[A](), sizerOf[R]()
	return func(a A) R {
		b.call()
		arg(sa, a, 0)
		if pre != nil {
			amplify(pre, valueOf(a))
		}
		r := f(a)
		result(b, sr, r)
		return r
	}
}

func wrap1E[A, R any](b *Budget, pre func([]reflect.Value) error, f func(A) (R, error)) func(A) (R, error) {
	sa, sr := sizerOf[A](), sizerOf[R]()
	return func(a A) (R, error) {
		b.call()
		arg(sa, a, 0)
		if pre != nil {
			amplify(pre, valueOf(a))
		}
		r, err := f(a)
		result(b, sr, r)
		return r, err
	}
}

func wrap2[A, B, R any](b *Budget, pre func([]reflect.Value) error, f func(A, B) R) func(A, B) R {
	sa, sb, sr := sizerOf[A](), sizerOf[B](), sizerOf[R]()
	return func(x A, y B) R {
		b.call()
		arg(sb, y, arg(sa, x, 0))
		if pre != nil {
			amplify(pre, valueOf(x), valueOf(y))
		}
		r := f(x, y)
		result(b, sr, r)
		return r
	}
}

func wrap2E[A, B, R any](b *Budget, pre func([]reflect.Value) error, f func(A, B) (R, error)) func(A, B) (R, error) {
	sa, sb, sr := sizerOf[A](), sizerOf[B](), sizerOf[R]()
	return func(x A, y B) (R, error) {
		b.call()
		arg(sb, y, arg(sa, x, 0))
		if pre != nil {
			amplify(pre, valueOf(x), valueOf(y))
		}
		r, err := f(x, y)
		result(b, sr, r)
		return r, err
	}
}

func wrap3[A, B, C, R any](b *Budget, pre func([]reflect.Value) error, f func(A, B, C) R) func(A, B, C) R {
	sa, sb, sc, sr := sizerOf[A](), sizerOf[B](), sizerOf[C](), sizerOf[R]()
	return func(x A, y B, z C) R {
		b.call()
		arg(sc, z, arg(sb, y, arg(sa, x, 0)))
		if pre != nil {
			amplify(pre, valueOf(x), valueOf(y), valueOf(z))
		}
		r := f(x, y, z)
		result(b, sr, r)
		return r
	}
}

func wrap3E[A, B, C, R any](b *Budget, pre func([]reflect.Value) error, f func(A, B, C) (R, error)) func(A, B, C) (R, error) {
	sa, sb, sc, sr := sizerOf[A](), sizerOf[B](), sizerOf[C](), sizerOf[R]()
	return func(x A, y B, z C) (R, error) {
		b.call()
		arg(sc, z, arg(sb, y, arg(sa, x, 0)))
		if pre != nil {
			amplify(pre, valueOf(x), valueOf(y), valueOf(z))
		}
		r, err := f(x, y, z)
		result(b, sr, r)
		return r, err
	}
}

// wrapV wraps func(...any) R. MakeFunc passes the variadic arguments as one
// []any, and sizeOf counts that slice.
func wrapV[R any](b *Budget, pre func([]reflect.Value) error, f func(...any) R) func(...any) R {
	sv, sr := sizerOf[[]any](), sizerOf[R]()
	return func(v ...any) R {
		b.call()
		arg(sv, v, 0)
		if pre != nil {
			amplify(pre, valueOf(v))
		}
		r := f(v...)
		result(b, sr, r)
		return r
	}
}

func wrapSV[R any](b *Budget, pre func([]reflect.Value) error, f func(string, ...any) R) func(string, ...any) R {
	ss, sv, sr := sizerOf[string](), sizerOf[[]any](), sizerOf[R]()
	return func(s string, v ...any) R {
		b.call()
		arg(sv, v, arg(ss, s, 0))
		if pre != nil {
			amplify(pre, valueOf(s), valueOf(v))
		}
		r := f(s, v...)
		result(b, sr, r)
		return r
	}
}

func wrapAV[R any](b *Budget, pre func([]reflect.Value) error, f func(any, ...any) R) func(any, ...any) R {
	sa, sv, sr := sizerOf[any](), sizerOf[[]any](), sizerOf[R]()
	return func(a any, v ...any) R {
		b.call()
		arg(sv, v, arg(sa, a, 0))
		if pre != nil {
			amplify(pre, valueOf(a), valueOf(v))
		}
		r := f(a, v...)
		result(b, sr, r)
		return r
	}
}
