package scheduling

import (
	"fmt"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/catalogen/catalogen/pkg/rancher/labels"
	"github.com/catalogen/catalogen/pkg/spelling"
)

// unknownLabelHint remembers its answers: asked twice, it answers as
// spelling.DidYouMean does, for the unknown keys of the community catalog
// and typos of known ones; and it remembers no more than maxHints keys.
func TestUnknownLabelHintRemembersTheSame(t *testing.T) {
	keys := []string{"io.rancher.scheduler.afinity:host_label", "io.rancher.container.pull_imgae", "io.rancher.my.own"}
	c, err := catalog.Load(linttest.SharedDir(t, "corpus/community-catalog"), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range c.Templates {
		for _, v := range tp.Versions {
			if v.Project == nil {
				continue
			}
			for _, s := range v.Project.Services {
				for _, l := range s.Labels() {
					if !labels.IsKnown(l.Key) {
						keys = append(keys, l.Key)
					}
				}
			}
		}
	}
	hinted := 0
	for round := 0; round < 2; round++ {
		for _, k := range keys {
			want := spelling.DidYouMean(k, labels.Candidates())
			if got := unknownLabelHint(k); got != want {
				t.Fatalf("round %d, %s: %q, want %q", round, k, got, want)
			}
			if want != "" {
				hinted++
			}
		}
	}
	if hinted == 0 {
		t.Error("no key got a suggestion: the test compares nothing")
	}
	for i := 0; i < maxHints+10; i++ {
		unknownLabelHint(fmt.Sprintf("io.rancher.key%d", i))
	}
	hints.Lock()
	n := len(hints.m)
	hints.Unlock()
	if n > maxHints {
		t.Errorf("%d keys remembered, at most %d wanted", n, maxHints)
	}
}
