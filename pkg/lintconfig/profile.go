package lintconfig

import (
	"fmt"
	"sort"
	"strings"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
	"gopkg.in/yaml.v3"
)

// A Profile raises (or lowers) the severity of a few rules at once, for a
// policy that a team wants enforced beyond what breaks in Rancher. Rule
// defaults follow one policy: error when Rancher 1.6 does not list or deploy
// the version or the stack is broken for certain, warning for a likely
// defect or a setting Rancher ignores, info for style. A profile turns
// chosen checks of another kind into errors.
type Profile struct {
	Name     string
	Doc      string
	Severity map[string]lint.Severity // by rule ID
}

// Profiles are the named profiles `profile:` accepts.
var Profiles = []Profile{
	{
		Name: "community",
		Doc: "the checks of rancher/community-catalog's CI: template folder names (test_stack_name), " +
			"config.yml's version and its match with a .catalog.version (test_versions), the maintainer format " +
			"(test_maintainers)",
		Severity: map[string]lint.Severity{
			"L002": lint.Error,
			"C003": lint.Error,
			"C005": lint.Error,
			"C007": lint.Error,
		},
	},
	{
		Name: "strict",
		Doc: "security defaults: no default password, no optional password, secrets typed password, " +
			"images with a pinned tag",
		Severity: map[string]lint.Severity{
			"Q009": lint.Warning,
			"Q011": lint.Error,
			"Q012": lint.Error,
			"D005": lint.Warning,
		},
	},
}

// ProfileNames lists the profiles, for messages.
func ProfileNames() []string {
	out := make([]string, len(Profiles))
	for i, p := range Profiles {
		out[i] = p.Name
	}
	sort.Strings(out)
	return out
}

// LookupProfile returns the named profile.
func LookupProfile(name string) (Profile, bool) {
	for _, p := range Profiles {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// profileNames reads `profile:`, a name or a list of names.
func profileNames(n *yaml.Node) []*yaml.Node {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		return []*yaml.Node{n}
	case yaml.SequenceNode:
		return n.Content
	}
	return nil
}

// validateProfile explains a bad `profile:` value.
func validateProfile(val *yaml.Node, fail func(*yaml.Node, string, string, ...any)) {
	if val.Kind != yaml.ScalarNode && val.Kind != yaml.SequenceNode {
		fail(val, "profile", "must be a profile name or a list of them; allowed: %s", strings.Join(ProfileNames(), ", "))
		return
	}
	for _, item := range profileNames(val) {
		if _, ok := LookupProfile(item.Value); item.Kind != yaml.ScalarNode || !ok {
			fail(item, "profile", "%q is not a profile; allowed: %s%s", item.Value, strings.Join(ProfileNames(), ", "), spelling.DidYouMean(item.Value, ProfileNames()))
		}
	}
}

// applyProfiles sets the severities of the profiles named by n, except for
// rules the configuration's `rules:` sets itself (those win, whatever the
// order of the keys). Later profiles win over earlier ones.
func (c *Config) applyProfiles(name string, n *yaml.Node, explicit map[string]bool) error {
	for _, item := range profileNames(n) {
		p, ok := LookupProfile(item.Value)
		if !ok {
			return fmt.Errorf("%s:%d:%d: profile: %q is not a profile; allowed: %s", name, item.Line, item.Column, item.Value, strings.Join(ProfileNames(), ", "))
		}
		c.Profiles = append(c.Profiles, p.Name)
		for id, sev := range p.Severity {
			if !explicit[id] {
				c.Settings.Severity[id] = sev
			}
		}
	}
	return nil
}
