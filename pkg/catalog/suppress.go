package catalog

import (
	"bytes"
	"regexp"
	"strings"
)

// Suppression is an inline `# catalogen:ignore RULE -- reason` comment.
type Suppression struct {
	Line   int
	Col    int
	File   bool     // ignore-file: applies to the whole file
	Rules  []string // rule IDs or slugs as written
	Reason string
	// Malformed explains why the comment cannot be honoured ("" when fine).
	Malformed string
}

var suppressRe = regexp.MustCompile(`#\s*catalogen:(ignore-file|ignore)\b(.*)$`)

// scanSuppressions finds the suppression comments of a text file.
func scanSuppressions(data []byte) []Suppression {
	if !bytes.Contains(data, []byte("catalogen:ignore")) {
		return nil
	}
	var out []Suppression
	for i, line := range bytes.Split(data, []byte("\n")) {
		m := suppressRe.FindSubmatchIndex(line)
		if m == nil {
			continue
		}
		s := Suppression{Line: i + 1, Col: m[0] + 1, File: string(line[m[2]:m[3]]) == "ignore-file"}
		rest := string(line[m[4]:m[5]])
		rules, reason, hasReason := strings.Cut(rest, "--")
		s.Rules = append(s.Rules, strings.FieldsFunc(rules, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' })...)
		s.Reason = strings.TrimSpace(reason)
		switch {
		case len(s.Rules) == 0:
			s.Malformed = "names no rule: write `# catalogen:ignore RULE -- reason`"
		case !hasReason || s.Reason == "":
			s.Malformed = "has no reason: write `# catalogen:ignore " + strings.Join(s.Rules, ",") + " -- why this is fine`"
		}
		out = append(out, s)
	}
	return out
}
