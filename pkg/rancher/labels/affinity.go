// Package labels implements how Rancher 1.6 (Cattle) reads scheduling
// labels (`io.rancher.scheduler.affinity:*`) and service selectors
// (`io.rancher.service.selector.*`), byte for byte as Cattle does, so that
// a linter can predict what Cattle will do with a label value.
package labels

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// AffinityKind is what an affinity rule matches on.
type AffinityKind int

const (
	HostLabel      AffinityKind = iota // io.rancher.scheduler.affinity:host_label
	ContainerLabel                     // io.rancher.scheduler.affinity:container_label
	Container                          // io.rancher.scheduler.affinity:container
)

func (k AffinityKind) String() string {
	switch k {
	case HostLabel:
		return "host_label"
	case ContainerLabel:
		return "container_label"
	case Container:
		return "container"
	}
	return fmt.Sprintf("AffinityKind(%d)", int(k))
}

// Affinity is a parsed affinity label key. Soft rules are preferences;
// Negated (`_ne`) rules exclude matches.
type Affinity struct {
	Kind          AffinityKind
	Soft, Negated bool
}

// AffinityPrefix starts every scheduling label key.
const AffinityPrefix = "io.rancher.scheduler.affinity"

// Cattle tests container_label before container: the latter is a prefix of
// the former.
var affinityKinds = []struct {
	prefix string
	kind   AffinityKind
}{
	{AffinityPrefix + ":container_label", ContainerLabel},
	{AffinityPrefix + ":container", Container},
	{AffinityPrefix + ":host_label", HostLabel},
}

// ParseAffinityKey parses a label key. isAffinity reports whether the key
// (case-insensitively) starts with io.rancher.scheduler.affinity; ok reports
// whether Cattle recognizes it. Cattle silently ignores a key for which
// isAffinity is true but ok is false, e.g. `…affinity:not_host_label`.
func ParseAffinityKey(key string) (a Affinity, isAffinity bool, ok bool) {
	// Most keys are no affinity key: tell them apart before lowercasing.
	if !hasPrefixFold(key, AffinityPrefix) {
		return Affinity{}, false, false
	}
	key = strings.ToLower(key)
	for _, k := range affinityKinds {
		if !strings.HasPrefix(key, k.prefix) {
			continue
		}
		switch key[len(k.prefix):] {
		case "":
			return Affinity{Kind: k.kind}, true, true
		case "_ne":
			return Affinity{Kind: k.kind, Negated: true}, true, true
		case "_soft":
			return Affinity{Kind: k.kind, Soft: true}, true, true
		case "_soft_ne":
			return Affinity{Kind: k.kind, Soft: true, Negated: true}, true, true
		}
		return Affinity{}, true, false
	}
	return Affinity{}, true, false
}

// hasPrefixFold reports whether strings.ToLower(s) starts with prefix,
// which is lowercase ASCII, without building the lowercased string while
// s is ASCII (a non-ASCII letter may lowercase to an ASCII one: İ to i).
func hasPrefixFold(s, prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		if i >= len(s) {
			return false
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.HasPrefix(strings.ToLower(s), prefix)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// Key returns the label key for a, the inverse of ParseAffinityKey.
func (a Affinity) Key() string {
	k := AffinityPrefix + ":" + a.Kind.String()
	if a.Soft {
		k += "_soft"
	}
	if a.Negated {
		k += "_ne"
	}
	return k
}

// Pair is one item of an affinity label value as Cattle reads it: Key and
// Value are lowercased; Key is "" for `container` rules and for items
// without `=`. Offset is the byte offset of the item in the original value.
type Pair struct {
	Key, Value string
	Offset     int
}

// Problem kinds for PairProblem.Kind.
const (
	ProblemMissingValue  = "missing-value"  // `k=`: Cattle throws an index error
	ProblemMissingEquals = "missing-equals" // `k` in a label rule: key is null
	ProblemEmptyKey      = "empty-key"      // `=v`: key is ""
	ProblemExtraEquals   = "extra-equals"   // `k=v=w`: value is truncated
	ProblemSpaces        = "spaces"         // spaces are kept in keys and values
)

// PairProblem is something wrong with one item of an affinity value.
// Severity is "error" or "warning"; see SeverityFor for rules where an
// "error" is harmless.
type PairProblem struct {
	Offset   int
	Severity string
	Kind     string
	Msg      string
}

// SeverityFor returns the severity of p on a rule of kind a. An item that
// can never match (no `=`, or an empty key) keeps a hard host_label or
// container_label rule from ever being satisfied, so the service is stuck
// in Activating; on a soft or `_ne` rule it only does nothing, which is a
// warning.
func (p PairProblem) SeverityFor(a Affinity) string {
	if (p.Kind == ProblemMissingEquals || p.Kind == ProblemEmptyKey) && (a.Soft || a.Negated) {
		return "warning"
	}
	return p.Severity
}

// ParseAffinityValue splits an affinity label value exactly as Cattle's
// AllocationHelperImpl does: the value is lowercased and split on ","
// without trimming, empty items are skipped, and for host_label and
// container_label each item containing "=" is split on "=" (Java's split,
// which drops trailing empty fields). Items Cattle would choke on or
// misread are returned as problems; pairs are returned for every item
// Cattle keeps. Run it on the value after `$` interpolation.
func ParseAffinityValue(kind AffinityKind, value string) ([]Pair, []PairProblem) {
	var pairs []Pair
	var probs []PairProblem
	add := func(off int, sev, kind, format string, args ...any) {
		probs = append(probs, PairProblem{Offset: off, Severity: sev, Kind: kind, Msg: fmt.Sprintf(format, args...)})
	}
	off := 0
	for _, item := range strings.Split(value, ",") {
		start := off
		off += len(item) + 1
		if item == "" {
			continue
		}
		if strings.TrimSpace(item) != item {
			add(start, "warning", ProblemSpaces,
				"%q keeps its spaces in Cattle and will not match; remove the spaces around \",\"", item)
		}
		if kind == Container || !strings.Contains(item, "=") {
			pairs = append(pairs, Pair{Value: strings.ToLower(item), Offset: start})
			if kind != Container {
				add(start, "error", ProblemMissingEquals,
					"%q has no \"=\": Cattle reads it as a label with no key, which no host or container has; write key=value", item)
			}
			continue
		}
		fields := javaSplit(item, "=")
		if len(fields) < 2 {
			add(start, "error", ProblemMissingValue,
				"%q has no value: Cattle fails with an index error; write key=value", item)
			continue
		}
		k, v := fields[0], fields[1]
		pairs = append(pairs, Pair{Key: strings.ToLower(k), Value: strings.ToLower(v), Offset: start})
		if k == "" {
			add(start, "error", ProblemEmptyKey,
				"%q has an empty key, which no host or container has; write key=value", item)
		}
		if len(fields) > 2 {
			add(start, "warning", ProblemExtraEquals,
				"%q has more than one \"=\": Cattle uses only %q as the value", item, v)
		}
		if strings.TrimSpace(k) != k || strings.TrimSpace(v) != v {
			if strings.TrimSpace(item) == item {
				add(start, "warning", ProblemSpaces,
					"%q keeps its spaces in Cattle and will not match; remove the spaces around \"=\"", item)
			}
		}
	}
	return pairs, probs
}

// javaSplit splits like Java's String.split with a literal separator:
// trailing empty fields are dropped, and a string without the separator is
// returned whole.
func javaSplit(s, sep string) []string {
	if !strings.Contains(s, sep) {
		return []string{s}
	}
	f := strings.Split(s, sep)
	for len(f) > 0 && f[len(f)-1] == "" {
		f = f[:len(f)-1]
	}
	return f
}

// IsTrue reads a boolean label value as Java's Boolean.valueOf does: true
// only for "true" in any case, with no trimming.
func IsTrue(v string) bool { return strings.EqualFold(v, "true") }
