package spelling

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClosest(t *testing.T) {
	keys := []string{"name", "version", "description", "minimum_rancher_version", "min_length", "projectURL", "privileged", "volumes", "volume_driver"}
	cases := []struct{ word, want string }{
		// Case and separators only, whatever the distance.
		{"Name", "name"}, {"minLength", "min_length"}, {"projectUrl", "projectURL"}, {"MIN-LENGTH", "min_length"},
		// Within the threshold.
		{"decription", "description"}, // 1 edit, 10 letters
		{"privilige", "privileged"},   // 2 edits, 9 letters
		{"volume", "volumes"},         // 1 edit
		{"nmae", "name"},              // a swap is one edit
		{"nmea", ""},                  // 2 edits, 4 letters: beyond 1
		{"minimun_rancher_versoin", "minimum_rancher_version"}, // 3 edits, 23 letters
		{"vrsn", ""}, // 3 edits
		{"name", ""}, // a known word is not a misspelling
		{"x", ""},    // one letter: any edit replaces it all
		{"", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Closest(c.word, keys), "Closest(%q)", c.word)
	}
}

func TestClosestTies(t *testing.T) {
	// Same distance, same start: a guess, so no suggestion.
	assert.Equal(t, "", Closest("web3", []string{"web1", "web2"}))
	// Same distance, the longer common start wins, in any order.
	assert.Equal(t, "off", Closest("of", []string{"on", "off"}))
	assert.Equal(t, "off", Closest("of", []string{"off", "on"}))
	assert.Equal(t, "web1", Closest("web3", []string{"web1", "db"}))
	// The same candidate twice is no tie.
	assert.Equal(t, "web1", Closest("web3", []string{"web1", "web1"}))
}

func TestThreshold(t *testing.T) {
	for word, want := range map[string]int{"of": 1, "port": 1, "image": 2, "descriptions": 3, "privileged": 2, "ünïcödé": 2} {
		assert.Equal(t, want, Threshold(word), word)
	}
}

func TestDidYouMean(t *testing.T) {
	assert.Equal(t, `; did you mean "warning"?`, DidYouMean("warnign", []string{"info", "warning", "error"}))
	assert.Equal(t, "", DidYouMean("fatal", []string{"info", "warning", "error"}))
	assert.Equal(t, `; did you mean "enum"?`, Hint("enum"))
	assert.Equal(t, "", Hint(""))
}
