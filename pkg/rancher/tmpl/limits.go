package tmpl

import (
	"fmt"
	"time"
)

// Limits on reading and rendering a template. Rancher itself has none, but
// a linter reading untrusted catalogs (and a build running in shared CI)
// must never hang, crash or exhaust memory on a hostile template: beyond
// these, parsing fails or rendering stops with an error naming the
// template and the line, which lint reports as T001 or T002.
const (
	// MaxSource is the largest template parsed (the loader refuses larger
	// catalog files before they get here).
	MaxSource = 8 << 20
	// MaxActions bounds the `{{ }}` actions of one template: each costs
	// a few hundred bytes of parse tree.
	MaxActions = 100_000
	// MaxNesting bounds nested if/range/with/define/block (and else-if
	// chains, which nest the same way): text/template parses and executes
	// them recursively, and a deep enough nesting overflows the stack.
	MaxNesting = 200
	// MaxCallDepth bounds how deeply `template` calls nest at execution
	// (a template calling itself).
	MaxCallDepth = 1000
	// MaxOutput bounds the rendered text of one execution.
	MaxOutput = 8 << 20
	// MaxValue bounds any one value a template function takes or returns,
	// counted deeply (strings by length, collections by their elements).
	MaxValue = 8 << 20
	// MaxAlloc bounds the bytes that all function calls of one execution
	// return together, so that a loop cannot pile up values.
	MaxAlloc = 64 << 20
	// MaxValueDepth bounds how deeply collections nest (a dict holding
	// itself is refused instead of printed forever).
	MaxValueDepth = 64
	// MaxSequence bounds the elements until/untilStep/seq and the split
	// functions build.
	MaxSequence = 100_000
	// MaxQuadratic bounds the list length of functions whose cost grows
	// with its square (uniq).
	MaxQuadratic = 4096
	// MaxRepeat bounds the bytes of repeat/indent/nindent/random strings.
	MaxRepeat = 1 << 20
	// MaxDuration bounds the wall time of one execution: the budget is
	// checked in every function call, every loop iteration, every template
	// call and every write, and execution stops there.
	MaxDuration = 2 * time.Second
	// MaxTotalDuration bounds the wall time of all slow executions (see
	// SlowRender) of one run together (a process, or each command since
	// StartRun): once spent, every further execution stops at its first
	// step, so a catalog of many slow templates still ends quickly.
	MaxTotalDuration = 6 * time.Second
	// SlowRender: only executions longer than this count toward
	// MaxTotalDuration. Ordinary templates render in well under a
	// millisecond, so a long-lived process (a test binary rendering
	// thousands of them, on a busy machine or under the race detector)
	// never exhausts the total, while slow templates, which cost the time
	// the total is there to bound, count in full.
	SlowRender = 100 * time.Millisecond
)

// ErrOutputLimit is returned when the rendered text outgrows MaxOutput.
var ErrOutputLimit = fmt.Errorf("rendered output exceeds %d MiB", MaxOutput>>20)

// ErrTimeLimit is returned when an execution runs out of time.
var ErrTimeLimit = fmt.Errorf("execution did not finish within %s (or the run's %s for all templates was spent)", MaxDuration, MaxTotalDuration)
