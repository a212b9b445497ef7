package stack

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
)

// The view reads groups and placements once per version and hands out
// the same values on every call (sidekicks.go, placement.go). This test
// checks them against the same questions answered the long way, on every
// version of the community catalog and of the TP rules' testdata.
func TestSharedReadingsMatchTheLongWay(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..")
	dirs := []string{filepath.Join(root, "..", "shared", "corpus", "community-catalog")}
	tp, _ := filepath.Glob(filepath.Join(root, "pkg", "lint", "rules", "topology", "testdata", "*", "*"))
	dirs = append(dirs, tp...)
	views, pinned := 0, 0
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("%s is missing (%v)", dir, err)
		}
		c, err := catalog.Load(dir, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tpl := range c.Templates {
			for _, v := range tpl.Versions {
				w := New(v)
				if w == nil {
					continue
				}
				views++
				pinned += compareView(t, v.Dir, w)
			}
		}
	}
	if views == 0 || pinned == 0 {
		t.Fatalf("%d views, %d pinned groups: the comparison saw nothing", views, pinned)
	}
}

func compareView(t *testing.T, where string, w *View) (pinned int) {
	t.Helper()
	keys := []string{"", "no=such-pin"}
	for _, s := range w.Services() {
		name := s.Name
		if got, want := w.Group(name), w.group(name); !slices.Equal(got, want) {
			t.Errorf("%s: Group(%s) = %v, want %v", where, name, got, want)
		}
		ps := slices.Clone(w.sidekicks.Analysis.PrimaryOf[name])
		slices.SortStableFunc(ps, func(a, b string) int { return w.sidekicks.order[a] - w.sidekicks.order[b] })
		if got := w.sidekicks.PrimariesOf(name); !slices.Equal(got, ps) {
			t.Errorf("%s: PrimariesOf(%s) = %v, want %v", where, name, got, ps)
		}
		comparePlacement(t, where+": PlacementOf("+name+")", w.PlacementOf(s), w.placementOf(s))

		long := w.placementOf(w.Service(w.group(name)[0]))
		for _, n := range w.group(name)[1:] {
			long.Pins = append(long.Pins, w.placementOf(w.Service(n)).Pins...)
		}
		gp := w.GroupPlacement(name)
		comparePlacement(t, where+": GroupPlacement("+name+")", gp, long)
		if gp.PinKey() != "" {
			pinned++
		}
		keys = append(keys, gp.PinKey())
	}
	for _, key := range keys {
		want := key == ""
		for _, s := range w.Placed() {
			pl := w.GroupPlacement(s.Name)
			want = want || pl.Global && pl.Sure() && strings.Join(pl.pairs(false), ",") == key
		}
		if got := w.MultiHost(key); got != want {
			t.Errorf("%s: MultiHost(%q) = %v, want %v", where, key, got, want)
		}
	}
	return pinned
}

// comparePlacement compares a shared placement with one read by hand,
// whose pairs are computed on each call.
func comparePlacement(t *testing.T, what string, got, long Placement) {
	t.Helper()
	if long.fresh() {
		t.Fatalf("%s: the placement read the long way is sealed", what)
	}
	if got.Global != long.Global || got.GlobalSure != long.GlobalSure || !reflect.DeepEqual(got.Pins, long.Pins) {
		t.Errorf("%s: %+v, want %+v", what, got, long)
	}
	if !slices.Equal(got.Require(), long.Require()) || !slices.Equal(got.Exclude(), long.Exclude()) || got.PinKey() != long.PinKey() {
		t.Errorf("%s: pairs %v/%v %q, want %v/%v %q", what, got.Require(), got.Exclude(), got.PinKey(), long.Require(), long.Exclude(), long.PinKey())
	}
	if got.Describe() != long.Describe() || got.Sure() != long.Sure() || got.Pinned() != long.Pinned() {
		t.Errorf("%s: %q, want %q", what, got.Describe(), long.Describe())
	}
}

// TestPlacementChangedByHand: a placement whose pins a caller replaces or
// extends no longer answers with the pairs worked out for its old pins.
func TestPlacementChangedByHand(t *testing.T) {
	pin := func(kv string) Pin {
		k, v, _ := strings.Cut(kv, "=")
		return Pin{Value: kv, Pairs: []labels.Pair{{Key: k, Value: v}}, Sure: true}
	}
	pl := Placement{GlobalSure: true, Pins: []Pin{pin("a=1")}}.seal()
	if got := pl.PinKey(); got != "a=1" {
		t.Fatalf("sealed PinKey = %q", got)
	}
	grown := pl
	grown.Pins = append(grown.Pins, pin("b=2"))
	if got := grown.PinKey(); got != "a=1,b=2" {
		t.Errorf("after append, PinKey = %q, want a=1,b=2", got)
	}
	replaced := pl
	replaced.Pins = []Pin{pin("c=3")}
	if got := replaced.Require(); !slices.Equal(got, []string{"c=3"}) {
		t.Errorf("after replacing the pins, Require = %v, want [c=3]", got)
	}
	emptied := pl
	emptied.Pins = nil
	if got := emptied.Pinned(); got {
		t.Error("a placement without pins is pinned")
	}
	if got := pl.PinKey(); got != "a=1" {
		t.Errorf("the sealed placement changed: PinKey = %q", got)
	}
}
