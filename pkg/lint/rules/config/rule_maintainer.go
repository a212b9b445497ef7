package config

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"gopkg.in/yaml.v3"
)

var ruleC007 = &lint.Rule{
	ID:       "C007",
	Slug:     "config.maintainer-format",
	Severity: lint.Info,
	Summary:  "config.yml's maintainer is \"Name Surname <email>\"",
	Doc: "The community catalog CI (test_maintainers) checks an optional `maintainer` against " +
		"`^([\\S]+ ){2,5}<[^@]+@[^@]+\\.[^@]+>$`: two to five words, each followed by one space, then a single " +
		"e-mail address in angle brackets. Rancher itself only displays the field, but a pull request to the " +
		"community catalog fails with anything else. Info: nothing in Rancher depends on it; `profile: community` " +
		"makes it an error.",
	Bad: `# config.yml
maintainer: jdoe@example.com`,
	Good: `# config.yml
maintainer: "Jane Doe <jdoe@example.com>"`,
	Template: checkMaintainer,
}

var maintainerRe = regexp.MustCompile(`^([\S]+ ){2,5}<[^@]+@[^@]+\.[^@]+>$`)

func checkMaintainer(p *lint.Pass, t *catalog.Template) {
	c, ok := readConfig(t)
	if !ok {
		return
	}
	_, v := c.field("maintainer")
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Value == "" {
		return
	}
	// Python's re.match lets $ match before one trailing newline.
	s := strings.TrimSuffix(v.Value, "\n")
	if maintainerRe.MatchString(s) {
		return
	}
	p.Report(c.at(v), "maintainer %q does not match the community catalog's format: %s; write e.g. maintainer: \"Jane Doe <jdoe@example.com>\"", s, maintainerProblem(s))
}

// maintainerProblem explains which part of the format s misses. The regexp
// anchors on the last '<', since earlier words may themselves contain one.
func maintainerProblem(s string) string {
	open := strings.LastIndexByte(s, '<')
	if open < 0 {
		return "it needs an e-mail address in angle brackets at the end"
	}
	if !strings.HasSuffix(s, ">") {
		if strings.Contains(s[open:], ">") {
			return "nothing may follow the e-mail's closing '>'"
		}
		return "the e-mail must end with '>'"
	}
	name, email := s[:open], s[open+1:len(s)-1]
	if strings.TrimSpace(name) == "" {
		return "it needs 2 to 5 words before the e-mail (e.g. a first and last name)"
	}
	if !strings.HasSuffix(name, " ") {
		return "a single space must come before '<'"
	}
	words := strings.Split(strings.TrimSuffix(name, " "), " ")
	for _, w := range words {
		if w == "" || strings.ContainsAny(w, "\t\r\n\f\v") {
			return "the words before the e-mail must be separated by single spaces"
		}
	}
	if n := len(words); n < 2 || n > 5 {
		return "it needs 2 to 5 words before the e-mail (e.g. a first and last name), it has " + strconv.Itoa(n)
	}
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || strings.Contains(domain, "@") || !strings.Contains(domain, ".") || strings.HasSuffix(domain, ".") || strings.HasPrefix(domain, ".") {
		return "the e-mail must look like name@domain.tld"
	}
	return "it must be 2 to 5 words, then one e-mail address in angle brackets"
}
