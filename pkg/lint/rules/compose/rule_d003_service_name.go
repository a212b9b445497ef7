package compose

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleD003 = &lint.Rule{
	ID:       "D003",
	Slug:     "compose.service-name",
	Formerly: []string{"dc.service-name"},
	Severity: lint.Error,
	Summary:  "service names are DNS labels (letters, digits, single '-'), at most 63 characters, unique ignoring case",
	Doc: "Cattle creates each service under its compose name and rejects names that are not DNS labels with " +
		"422 InvalidCharacters: only letters, digits and '-', starting with a letter or digit, no '--', not ending " +
		"in '-', at most 63 characters. Names are also unique per stack ignoring case (NOT_UNIQUE), sidekicks included. " +
		"Underscores and dots are the usual mistake: the stack fails to deploy. " +
		"Error: Cattle (v1.6) rejects the service (422 InvalidCharacters) and the deploy fails.",
	Bad: `version: '2'
services:
  my_app:
    image: nginx:1.25`,
	Good: `version: '2'
services:
  my-app:
    image: nginx:1.25`,
	Version: checkServiceNames,
}

func checkServiceNames(p *lint.Pass, v *catalog.Version) {
	if v.Project == nil {
		return
	}
	seen := map[string]*catalog.Service{}
	for _, s := range v.Project.Services {
		name := s.Name
		if strings.Contains(name, "$") {
			continue // I003: a ${VAR} in a key is never interpolated
		}
		if problem := dnsLabelProblem(name); problem != "" {
			msg := fmt.Sprintf("service name %q %s", name, problem)
			if fixed := toDNSLabel(name); fixed != "" && fixed != name {
				msg += fmt.Sprintf(": rename it to %q", fixed)
			}
			p.Report(s.Pos(), "%s", msg)
		}
		lower := strings.ToLower(name)
		if first, dup := seen[lower]; dup {
			p.Report(s.Pos(), "service name %q differs from %q only in case; Cattle compares names ignoring case and rejects the stack (NOT_UNIQUE): rename one", name, first.Name)
			continue
		}
		seen[lower] = s
	}
}

// dnsLabelProblem says why name is not a Cattle service name, or "".
func dnsLabelProblem(name string) string {
	switch {
	case name == "":
		return "is empty"
	case len(name) > 63:
		return fmt.Sprintf("is %d characters long; a service name is a DNS label of at most 63", len(name))
	}
	for _, r := range name {
		if !isAlnum(r) && r != '-' {
			return fmt.Sprintf("contains %q; Cattle allows only letters, digits and '-' (422 InvalidCharacters)", r)
		}
	}
	switch {
	case name[0] == '-':
		return "starts with '-'; Cattle rejects it (422 InvalidCharacters)"
	case name[len(name)-1] == '-':
		return "ends with '-'; Cattle rejects it (422 InvalidCharacters)"
	case strings.Contains(name, "--"):
		return "contains '--'; Cattle rejects it (422 InvalidCharacters)"
	}
	return ""
}

// toDNSLabel suggests a valid name: other characters become '-', runs of
// '-' collapse, and '-' is trimmed from both ends.
func toDNSLabel(name string) string {
	var b strings.Builder
	for _, r := range name {
		if isAlnum(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	s := b.String()
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	s = strings.Trim(s, "-")
	if len(s) > 63 {
		s = strings.TrimRight(s[:63], "-")
	}
	return s
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}
