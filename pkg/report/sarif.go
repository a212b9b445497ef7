package report

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"

	"github.com/catalogen/catalogen/pkg/lint"
)

// SARIF 2.1.0, as GitHub code scanning reads it.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// RuleHelp is a rule's help text: its doc with the bad and good examples.
func RuleHelp(r *lint.Rule) (text, markdown string) {
	var t, m strings.Builder
	t.WriteString(r.Summary + "\n\n" + r.Doc)
	m.WriteString("**" + r.ID + " " + r.Slug + "** — " + r.Summary + "\n\n" + r.Doc)
	if r.Bad != "" {
		t.WriteString("\n\nBad:\n" + r.Bad)
		m.WriteString("\n\nBad:\n```yaml\n" + strings.TrimRight(r.Bad, "\n") + "\n```")
	}
	if r.Good != "" {
		t.WriteString("\n\nGood:\n" + r.Good)
		m.WriteString("\n\nGood:\n```yaml\n" + strings.TrimRight(r.Good, "\n") + "\n```")
	}
	return t.String(), m.String()
}

func writeSARIF(w io.Writer, r *Report) error {
	rules := r.Rules
	if len(rules) == 0 {
		rules = rulesUsed(r)
	}
	index := map[string]int{}
	driver := sarifDriver{Name: r.Tool, Version: r.Version, InformationURI: "https://github.com/catalogen/catalogen", Rules: []sarifRule{}}
	for i, rule := range rules {
		index[rule.ID] = i
		text, md := RuleHelp(rule)
		driver.Rules = append(driver.Rules, sarifRule{
			ID: rule.ID, Name: rule.Slug,
			ShortDescription:     sarifText{Text: rule.Summary},
			FullDescription:      sarifText{Text: rule.Doc},
			Help:                 sarifText{Text: text, Markdown: md},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(rule.Severity)},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	for _, f := range r.Findings {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(f.DisplayPath())}}}
		if f.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line, StartColumn: max(f.Col, 1)}
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: f.Rule.ID, RuleIndex: index[f.Rule.ID], Level: sarifLevel(f.Severity),
			Message: sarifText{Text: f.Message}, Locations: []sarifLocation{loc},
		})
	}
	if r.Tool == "" {
		run.Tool.Driver.Name = "catalogen"
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifURI makes a path a URI reference: relative paths stay relative (code
// scanning resolves them against the repository), absolute ones become
// file:// URIs.
func sarifURI(p string) string {
	u := url.URL{Path: p}
	if strings.HasPrefix(p, "/") {
		u.Scheme = "file"
	}
	return u.String()
}
