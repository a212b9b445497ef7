// Package linediff computes a shortest edit script between two sequences of
// lines (Myers' O(ND) algorithm, after trimming the common prefix and
// suffix). catalogen uses it for unified diffs of catalog files and to map
// the lines Rancher's templating renders back to their template source.
package linediff

import "math"

// Op is what an edit does.
type Op byte

const (
	Equal  Op = ' '
	Delete Op = '-'
	Insert Op = '+'
)

// Edit is one step of the script: Equal keeps a[A] (= b[B]), Delete drops
// a[A], Insert adds b[B]. The unused index is -1.
type Edit struct {
	Op   Op
	A, B int
}

// MaxWork bounds the search (edit distance × length); beyond it the script
// replaces everything, rather than spending unbounded time and memory.
const MaxWork = 50_000_000

// Diff returns a shortest edit script from a to b.
func Diff[E comparable](a, b []E) []Edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	out := make([]Edit, 0, len(a)+len(b)-pre-suf)
	for i := 0; i < pre; i++ {
		out = append(out, Edit{Equal, i, i})
	}
	for _, e := range myers(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		if e.A >= 0 {
			e.A += pre
		}
		if e.B >= 0 {
			e.B += pre
		}
		out = append(out, e)
	}
	for i := 0; i < suf; i++ {
		out = append(out, Edit{Equal, len(a) - suf + i, len(b) - suf + i})
	}
	return out
}

func myers[E comparable](a, b []E) []Edit {
	n, m := len(a), len(b)
	if n == 0 || m == 0 || (n+m)*(n+m) > MaxWork || n+m > math.MaxInt16 {
		return replaceAll(n, m) // (MaxWork keeps n+m within the trace's int16)
	}
	off := n + m
	v := make([]int, 2*off+2)
	// Round d only reads diagonals -d-1..d+1 of the previous round, so the
	// trace keeps that window of v, not all of it, as int16 (v's values are
	// at most n), cut from blocks that hold a few rounds each.
	var trace []window
	var block []int16
	for d := 0; d <= n+m; d++ {
		lo, hi := max(off-d-1, 0), min(off+d+2, len(v))
		if cap(block)-len(block) < hi-lo {
			block = make([]int16, 0, 4*(hi-lo))
		}
		start := len(block)
		for _, x := range v[lo:hi] {
			block = append(block, int16(x))
		}
		trace = append(trace, window{lo, block[start:len(block):len(block)]})
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: insertion
			} else {
				x = v[off+k-1] + 1 // right: deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m, off)
			}
		}
	}
	return replaceAll(n, m)
}

// window is the part of v, starting at index lo, saved before a round.
type window struct {
	lo int
	v  []int16
}

func (w window) at(i int) int { return int(w.v[i-w.lo]) }

func backtrack(trace []window, n, m, off int) []Edit {
	var rev []Edit
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && v.at(off+k-1) < v.at(off+k+1)) {
			prevK = k + 1
		}
		prevX := v.at(off + prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, Edit{Equal, x - 1, y - 1})
			x, y = x-1, y-1
		}
		if d == 0 {
			break
		}
		if x == prevX {
			rev = append(rev, Edit{Insert, -1, y - 1})
		} else {
			rev = append(rev, Edit{Delete, x - 1, -1})
		}
		x, y = prevX, prevY
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

func replaceAll(n, m int) []Edit {
	out := make([]Edit, 0, n+m)
	for i := 0; i < n; i++ {
		out = append(out, Edit{Delete, i, -1})
	}
	for j := 0; j < m; j++ {
		out = append(out, Edit{Insert, -1, j})
	}
	return out
}
