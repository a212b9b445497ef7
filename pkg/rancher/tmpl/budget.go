package tmpl

import (
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	ttemplate "text/template"
	"time"
)

// Budget bounds the executions of templates whose functions it wraps
// (Funcs) and whose trees it instruments (Instrument). text/template cannot
// be cancelled from outside, so the budget is checked from inside: in every
// function call, at the start of every loop iteration and template call,
// and on every write. Exceeding it stops the execution there with an error;
// nothing keeps running in the background. A Budget serves one execution
// at a time.
type Budget struct {
	deadline time.Time
	started  time.Time
	alloc    int64 // bytes returned by function calls so far
	out      int64 // bytes written so far
	depth    int   // template calls in progress
}

// spent is the wall time all executions of the process have used.
var spent atomic.Int64

// maxDuration is MaxDuration; tests of the other limits lengthen it so
// that a slow machine (or the race detector) does not hit the time limit
// first.
var maxDuration = MaxDuration

// StartRun gives the run that starts (one command) the whole of
// MaxTotalDuration, whatever earlier runs in the same process spent.
func StartRun() { spent.Store(0) }

// NewBudget returns a budget; call Start before each execution.
func NewBudget() *Budget { return &Budget{} }

// Start resets the budget for one execution.
func (b *Budget) Start() {
	now := time.Now()
	left := min(maxDuration, MaxTotalDuration-time.Duration(spent.Load()))
	*b = Budget{started: now, deadline: now.Add(max(left, 0))}
}

// Stop ends an execution; a slow one adds its time to the process's total.
func (b *Budget) Stop() {
	if d := time.Since(b.started); d > SlowRender {
		spent.Add(int64(d))
	}
}

// checkTime reads the monotonic clock only (time.Until on a deadline that
// has a monotonic reading), which costs half of time.Now.
func (b *Budget) checkTime() error {
	if time.Until(b.deadline) < 0 {
		return ErrTimeLimit
	}
	return nil
}

// Writer wraps w so that writing stops the execution once MaxOutput bytes
// were written or the time is up.
func (b *Budget) Writer(w interface{ Write([]byte) (int, error) }) *budgetWriter {
	return &budgetWriter{b: b, w: w}
}

type budgetWriter struct {
	b *Budget
	w interface{ Write([]byte) (int, error) }
}

func (bw *budgetWriter) Write(p []byte) (int, error) {
	if err := bw.b.checkTime(); err != nil {
		return 0, err
	}
	if bw.b.out+int64(len(p)) > MaxOutput {
		return 0, ErrOutputLimit
	}
	bw.b.out += int64(len(p))
	return bw.w.Write(p)
}

// The functions Instrument inserts. Their names cannot clash with sprig's,
// and a template calling them itself gains nothing.
const (
	enterFunc = "_limit_call"
	leaveFunc = "_limit_return"
	stepFunc  = "_limit_loop"
	emitFunc  = "_limit_print"
)

// Funcs returns m with every function wrapped to check the budget, plus
// bounded versions of text/template's print/printf/println/html/js/
// urlquery and the functions Instrument inserts.
func (b *Budget) Funcs(m ttemplate.FuncMap) ttemplate.FuncMap {
	all := make(ttemplate.FuncMap, len(m)+10)
	for k, v := range m {
		all[k] = v
	}
	for k, v := range builtinOverrides {
		if _, ok := all[k]; !ok {
			all[k] = v
		}
	}
	out := make(ttemplate.FuncMap, len(all)+4)
	for name, fn := range all {
		out[name] = b.wrap(name, fn)
	}
	out[enterFunc] = b.enter
	out[leaveFunc] = b.leave
	out[stepFunc] = b.step
	out[emitFunc] = b.emit
	return out
}

// builtinOverrides are text/template's own functions whose output can
// outgrow their input; a FuncMap entry takes precedence over a builtin.
var builtinOverrides = map[string]any{
	"print":    fmt.Sprint,
	"printf":   fmt.Sprintf,
	"println":  fmt.Sprintln,
	"html":     ttemplate.HTMLEscaper,
	"js":       ttemplate.JSEscaper,
	"urlquery": ttemplate.URLQueryEscaper,
}

func (b *Budget) enter() (string, error) {
	if err := b.checkTime(); err != nil {
		return "", err
	}
	b.depth++
	if b.depth > MaxCallDepth {
		return "", fmt.Errorf("template calls nest deeper than %d (a template that calls itself without end?)", MaxCallDepth)
	}
	return "", nil
}

func (b *Budget) leave() string {
	b.depth--
	return ""
}

func (b *Budget) step() (string, error) { return "", b.checkTime() }

// noValue prints as text/template prints a missing value.
type noValue struct{}

func (noValue) String() string { return "<no value>" }

// emit passes a printed value through once its printed size is known to
// fit the output: text/template formats a value completely before writing
// it, so a collection that is huge (or holds itself) must be refused
// before. A missing value arrives as nil; Go prints an explicit nil as
// "<nil>", which no Rancher answer is.
func (b *Budget) emit(v any) (any, error) {
	if err := b.checkTime(); err != nil {
		return nil, err
	}
	if v == nil {
		return noValue{}, nil
	}
	n, err := sizeOfAny(v, MaxOutput-b.out)
	if err != nil {
		return nil, err
	}
	if int64(n) > MaxOutput-b.out {
		return nil, ErrOutputLimit
	}
	return v, nil
}

// wrap returns fn checking the budget before the call (time, argument
// size, and for functions that can amplify their input, the size of the
// result they would build) and after it (result size, total allocation).
// Errors are raised by panicking, which text/template turns into an
// execution error naming the function, whatever its signature.
func (b *Budget) wrap(name string, fn any) any {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func {
		return fn
	}
	if typed := b.typedWrap(name, fn); typed != nil {
		return typed
	}
	return b.reflectWrap(name, v)
}

// reflectWrap is wrap for any signature: a reflect.MakeFunc of fn's type.
func (b *Budget) reflectWrap(name string, v reflect.Value) any {
	t := v.Type()
	pre := amplifiers[name]
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		if err := b.checkTime(); err != nil {
			panic(err)
		}
		in := 0
		for _, a := range args {
			n, err := sizeOf(a, int64(4*MaxValue-in))
			if err != nil {
				panic(err)
			}
			in += n
			if in > 4*MaxValue {
				panic(fmt.Errorf("arguments larger than %d MiB", 4*MaxValue>>20))
			}
		}
		if pre != nil {
			if err := pre(args); err != nil {
				panic(err)
			}
		}
		var out []reflect.Value
		if t.IsVariadic() {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		if len(out) > 0 && t.Out(0) != errorType {
			n, err := sizeOf(out[0], MaxValue)
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
		return out
	}).Interface()
}

var errorType = reflect.TypeFor[error]()

// errTooLarge is what an amplifier check reports.
func errTooLarge(what string) error {
	return fmt.Errorf("%s: result would exceed %d MiB", what, MaxValue>>20)
}

// sizeOf estimates the bytes v takes and prints as: strings by length,
// every element of a collection 16 bytes plus its own size. It stops
// counting past limit, and fails on collections nested deeper than
// MaxValueDepth (which a collection holding itself is). A value of an
// interface type (what reflect.MakeFunc passes for an `any` parameter)
// counts one level deeper than the value it holds.
func sizeOf(v reflect.Value, limit int64) (int, error) {
	s := sizing{limit: limit}
	if err := s.reflected(v, 0); err != nil {
		return 0, err
	}
	return s.total(), nil
}

// sizeOfAny is sizeOf(reflect.ValueOf(x), limit): x counted as the value
// it holds, without an interface level.
func sizeOfAny(x any, limit int64) (int, error) {
	s := sizing{limit: limit}
	if err := s.value(x, 0); err != nil {
		return 0, err
	}
	return s.total(), nil
}

// sizing is one sizeOf walk. The types templates pass around most (strings,
// []any, map[string]any, what sprig builds) are walked without reflect;
// everything else through it. Both count exactly alike: every node checks
// the limit, then the depth, then adds its size.
type sizing struct {
	n, limit int64
}

var errTooDeep = fmt.Errorf("a value nests deeper than %d levels (a collection that holds itself?)", MaxValueDepth)

func (s *sizing) total() int {
	if s.n > int64(^uint(0)>>1) {
		return int(^uint(0) >> 1)
	}
	return int(s.n)
}

// stop reports whether a node at depth is not counted: the limit is
// passed (done, no error), or it nests too deep.
func (s *sizing) stop(depth int) (bool, error) {
	if s.n > s.limit {
		return true, nil
	}
	if depth > MaxValueDepth {
		return true, errTooDeep
	}
	return false, nil
}

// slot counts an interface-typed place (a parameter, an element of []any,
// a value of map[string]any) holding x.
func (s *sizing) slot(x any, depth int) error {
	if stop, err := s.stop(depth); stop {
		return err
	}
	if x == nil {
		return nil
	}
	return s.value(x, depth+1)
}

func (s *sizing) str(n int, depth int) error {
	if stop, err := s.stop(depth); stop {
		return err
	}
	s.n += int64(n)
	return nil
}

// value counts x as a value of its dynamic type.
func (s *sizing) value(x any, depth int) error {
	switch x := x.(type) {
	case string:
		return s.str(len(x), depth)
	case []any:
		if stop, err := s.stop(depth); stop {
			return err
		}
		s.n += 16 * int64(len(x))
		for i := 0; i < len(x) && s.n <= s.limit; i++ {
			if err := s.slot(x[i], depth+1); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		if stop, err := s.stop(depth); stop {
			return err
		}
		s.n += 16 * int64(len(x))
		for k, v := range x {
			if s.n > s.limit {
				break
			}
			if err := s.str(len(k), depth+1); err != nil {
				return err
			}
			if err := s.slot(v, depth+1); err != nil {
				return err
			}
		}
		return nil
	case []string:
		if stop, err := s.stop(depth); stop {
			return err
		}
		s.n += 16 * int64(len(x))
		for i := 0; i < len(x) && s.n <= s.limit; i++ {
			if err := s.str(len(x[i]), depth+1); err != nil {
				return err
			}
		}
		return nil
	case map[string]string:
		if stop, err := s.stop(depth); stop {
			return err
		}
		s.n += 16 * int64(len(x))
		for k, v := range x {
			if s.n > s.limit {
				break
			}
			if err := s.str(len(k), depth+1); err != nil {
				return err
			}
			if err := s.str(len(v), depth+1); err != nil {
				return err
			}
		}
		return nil
	case []byte:
		return s.str(len(x), depth)
	case bool, int, int64, float64:
		return s.str(8, depth)
	}
	return s.reflected(reflect.ValueOf(x), depth)
}

func (s *sizing) reflected(v reflect.Value, depth int) error {
	if stop, err := s.stop(depth); stop {
		return err
	}
	switch v.Kind() {
	case reflect.Invalid:
	case reflect.String:
		s.n += int64(v.Len())
	case reflect.Interface:
		if !v.IsNil() {
			return s.reflected(v.Elem(), depth+1)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return s.reflected(v.Elem(), depth+1)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			s.n += int64(v.Len())
			return nil
		}
		s.n += 16 * int64(v.Len())
		for i := 0; i < v.Len() && s.n <= s.limit; i++ {
			if err := s.reflected(v.Index(i), depth+1); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.CanInterface() {
			switch m := v.Interface().(type) {
			case map[string]any, map[string]string:
				// A map is one pointer: no copy, and the walk without
				// reflect counts the same.
				return s.value(m, depth)
			}
		}
		s.n += 16 * int64(v.Len())
		it := v.MapRange()
		for it.Next() && s.n <= s.limit {
			if err := s.reflected(it.Key(), depth+1); err != nil {
				return err
			}
			if err := s.reflected(it.Value(), depth+1); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField() && s.n <= s.limit; i++ {
			if err := s.reflected(v.Field(i), depth+1); err != nil {
				return err
			}
		}
	default:
		s.n += 8
	}
	return nil
}

// amplifiers check, before the call, functions whose result can be far
// larger (or whose work far longer) than their arguments.
var amplifiers = map[string]func(args []reflect.Value) error{
	"repeat": func(a []reflect.Value) error {
		return atMost("repeat", intArg(a, 0)*int64(strArg(a, 1)), MaxRepeat)
	},
	"replace": func(a []reflect.Value) error {
		old, repl, src := str(a, 0), str(a, 1), str(a, 2)
		return atMost("replace", int64(len(src))+occurrences(src, old)*int64(len(repl)), MaxValue)
	},
	"indent":   indentCheck("indent"),
	"nindent":  indentCheck("nindent"),
	"wrapWith": wrapWithCheck,
	"join": func(a []reflect.Value) error {
		sep := str(a, 0)
		return atMost("join", int64(len(sep))*int64(lenArg(a, 1)), MaxValue)
	},
	"printf": func(a []reflect.Value) error {
		return atMost("printf", formatWidths(str(a, 0)), MaxValue)
	},
	"regexReplaceAll":            regexReplaceCheck("regexReplaceAll", true),
	"mustRegexReplaceAll":        regexReplaceCheck("mustRegexReplaceAll", true),
	"regexReplaceAllLiteral":     regexReplaceCheck("regexReplaceAllLiteral", false),
	"mustRegexReplaceAllLiteral": regexReplaceCheck("mustRegexReplaceAllLiteral", false),
	"until": func(a []reflect.Value) error {
		return elements("until", abs64(intArg(a, 0)))
	},
	"untilStep": func(a []reflect.Value) error {
		start, stop, step := intArg(a, 0), intArg(a, 1), intArg(a, 2)
		if step == 0 {
			return nil // sprig returns an empty list
		}
		return elements("untilStep", abs64(stop-start)/abs64(step))
	},
	"seq": func(a []reflect.Value) error {
		var p []int64
		if len(a) == 1 && a[0].Kind() == reflect.Slice {
			for i := 0; i < a[0].Len(); i++ {
				p = append(p, toInt64(a[0].Index(i)))
			}
		}
		switch len(p) {
		case 1:
			return elements("seq", abs64(p[0]))
		case 2:
			return elements("seq", abs64(p[1]-p[0]))
		case 3:
			if p[1] == 0 {
				return nil
			}
			return elements("seq", abs64(p[2]-p[0])/abs64(p[1]))
		}
		return nil
	},
	"split":               splitCheck("split", 0, 1),
	"splitList":           splitCheck("splitList", 0, 1),
	"splitn":              splitCheck("splitn", 0, 2),
	"regexSplit":          pieces("regexSplit", 1),
	"mustRegexSplit":      pieces("mustRegexSplit", 1),
	"regexFindAll":        pieces("regexFindAll", 1),
	"mustRegexFindAll":    pieces("mustRegexFindAll", 1),
	"splitPreserveQuotes": pieces("splitPreserveQuotes", 0),
	"uniq":                quadratic("uniq"),
	"mustUniq":            quadratic("mustUniq"),
	"fromJson":            parseCheck("fromJson"),
	"mustFromJson":        parseCheck("mustFromJson"),
	"fromJsonArray":       parseCheck("fromJsonArray"),
	"mustFromJsonArray":   parseCheck("mustFromJsonArray"),
	"toJson":              escapeCheck("toJson"),
	"mustToJson":          escapeCheck("mustToJson"),
	"toPrettyJson":        escapeCheck("toPrettyJson"),
	"mustToPrettyJson":    escapeCheck("mustToPrettyJson"),
	"toRawJson":           escapeCheck("toRawJson"),
	"mustToRawJson":       escapeCheck("mustToRawJson"),
	"html":                escapeCheck("html"),
	"js":                  escapeCheck("js"),
	"urlquery":            escapeCheck("urlquery"),
	"randAlphaNum":        countCheck("randAlphaNum"),
	"randAlpha":           countCheck("randAlpha"),
	"randNumeric":         countCheck("randNumeric"),
	"randAscii":           countCheck("randAscii"),
	"randBytes":           countCheck("randBytes"),
}

func atMost(what string, n, limit int64) error {
	if n < 0 || n > limit {
		return errTooLarge(what)
	}
	return nil
}

func elements(what string, n int64) error {
	if n > MaxSequence {
		return fmt.Errorf("%s: more than %d elements", what, MaxSequence)
	}
	return nil
}

func indentCheck(name string) func([]reflect.Value) error {
	return func(a []reflect.Value) error {
		n, s := intArg(a, 0), str(a, 1)
		return atMost(name, int64(len(s))+n*int64(strings.Count(s, "\n")+1), MaxRepeat+int64(len(s)))
	}
}

func wrapWithCheck(a []reflect.Value) error {
	l, sep, s := max(intArg(a, 0), 1), str(a, 1), str(a, 2)
	return atMost("wrapWith", int64(len(s))+(int64(len(s))/l+1)*int64(len(sep)), MaxValue)
}

// regexReplaceCheck bounds a replacement: every match (at most one per
// position) adds the replacement, and `$n` expansions add at most the
// input once each in all, since matches do not overlap.
func regexReplaceCheck(name string, expands bool) func([]reflect.Value) error {
	return func(a []reflect.Value) error {
		s, repl := str(a, 1), str(a, 2)
		n := int64(len(s)) + (int64(len(s))+1)*int64(len(repl))
		if expands {
			n += int64(strings.Count(repl, "$")) * int64(len(s))
		}
		return atMost(name, n, MaxValue)
	}
}

func splitCheck(name string, sepArg, strArgIdx int) func([]reflect.Value) error {
	return func(a []reflect.Value) error {
		sep, s := str(a, sepArg), str(a, strArgIdx)
		return elements(name, occurrences(s, sep)+1)
	}
}

// pieces bounds functions that can return one element per input byte.
func pieces(name string, strArgIdx int) func([]reflect.Value) error {
	return func(a []reflect.Value) error {
		s := str(a, strArgIdx)
		return atMost(name, 16*(int64(len(s))+1), MaxValue)
	}
}

func quadratic(name string) func([]reflect.Value) error {
	return func(a []reflect.Value) error {
		if n := lenArg(a, 0); n > MaxQuadratic {
			return fmt.Errorf("%s: lists longer than %d elements are refused (%d)", name, MaxQuadratic, n)
		}
		return nil
	}
}

// parseCheck bounds decoders: a byte of JSON can become tens of bytes of
// maps and lists.
func parseCheck(name string) func([]reflect.Value) error {
	return func(a []reflect.Value) error {
		return atMost(name, 16*int64(len(str(a, 0))), MaxValue)
	}
}

// escapeCheck bounds encoders, which write at most six bytes per input
// byte (\u0000).
func escapeCheck(name string) func([]reflect.Value) error {
	return func(a []reflect.Value) error {
		var total int64
		for _, v := range a {
			n, err := sizeOf(v, MaxValue)
			if err != nil {
				return err
			}
			total += int64(n)
		}
		return atMost(name, 6*total, MaxValue)
	}
}

func countCheck(name string) func([]reflect.Value) error {
	return func(a []reflect.Value) error { return atMost(name, intArg(a, 0), MaxRepeat) }
}

// formatWidths bounds what a printf format adds to its arguments: each
// verb's width or precision (fmt caps both at 1e6).
func formatWidths(f string) int64 {
	n := int64(len(f))
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		widest := int64(32)
		num := int64(0)
		for i++; i < len(f) && strings.IndexByte("+-# 0123456789.*[]", f[i]) >= 0; i++ {
			switch {
			case f[i] >= '0' && f[i] <= '9':
				num = min(num*10+int64(f[i]-'0'), 1e6)
				widest = max(widest, num)
			case f[i] == '*':
				widest = max(widest, 1e6)
			default:
				num = 0
			}
		}
		n += widest
	}
	return n
}

func occurrences(s, sub string) int64 {
	if sub == "" {
		return int64(len(s)) + 1
	}
	return int64(strings.Count(s, sub))
}

func str(a []reflect.Value, i int) string {
	if i < len(a) {
		v := a[i]
		for v.Kind() == reflect.Interface && !v.IsNil() {
			v = v.Elem()
		}
		if v.Kind() == reflect.String {
			return v.String()
		}
		if v.IsValid() && v.CanInterface() {
			return fmt.Sprint(v.Interface())
		}
	}
	return ""
}

func strArg(a []reflect.Value, i int) int { return len(str(a, i)) }

func intArg(a []reflect.Value, i int) int64 {
	if i < len(a) {
		return toInt64(a[i])
	}
	return 0
}

func toInt64(v reflect.Value) int64 {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u := v.Uint(); u <= 1<<62 {
			return int64(u)
		}
		return 1 << 62
	case reflect.Float32, reflect.Float64:
		if f := v.Float(); f > -(1<<62) && f < 1<<62 {
			return int64(f)
		}
		return 1 << 62
	case reflect.String:
		var n int64
		if _, err := fmt.Sscan(v.String(), &n); err == nil {
			return n
		}
	}
	return 0
}

func lenArg(a []reflect.Value, i int) int {
	if i >= len(a) {
		return 0
	}
	v := a[i]
	for (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && !v.IsNil() {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String:
		return v.Len()
	}
	return 0
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
