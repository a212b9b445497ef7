package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
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
	Tool               sarifTool                `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"`
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
	// PartialFingerprints identify a result across runs even when lines
	// move, so code scanning keeps one alert instead of closing and
	// reopening it.
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// srcRoot is the base id of relative result URIs.
const srcRoot = "%SRCROOT%"

// fingerprintKey names catalogen's partial fingerprint.
const fingerprintKey = "catalogenFinding/v1"

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
	if r.BaseDir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {URI: sarifURI(strings.TrimSuffix(filepath.ToSlash(r.BaseDir), "/") + "/")}}
	}
	seen := map[string]int{}
	result := func(f Finding) sarifResult {
		uri := sarifURI(f.DisplayPath())
		art := sarifArtifact{URI: uri}
		if r.BaseDir != "" && !strings.HasPrefix(uri, "file:") {
			art.URIBaseID = srcRoot
		}
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: art}}
		if f.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line, StartColumn: max(f.Col, 1)}
		}
		return sarifResult{
			RuleID: f.Rule.ID, RuleIndex: index[f.Rule.ID], Level: sarifLevel(f.Severity),
			Message: sarifText{Text: f.Message}, Locations: []sarifLocation{loc},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(f, seen)},
		}
	}
	for _, f := range r.Findings {
		run.Results = append(run.Results, result(f))
	}
	for _, f := range r.Suppressed {
		res := result(f)
		res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Justification}}
		run.Results = append(run.Results, res)
	}
	if r.Tool == "" {
		run.Tool.Driver.Name = "catalogen"
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	return encodeJSON(w, log)
}

// fingerprint hashes what identifies a finding apart from its line number:
// rule, file, message and the source line's text; identical ones in one
// file are told apart by their order.
func fingerprint(f Finding, seen map[string]int) string {
	h := sha256.New()
	for _, part := range []string{f.Rule.ID, f.File, f.Message, strings.TrimSpace(f.Source)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	key := hex.EncodeToString(h.Sum(nil)[:16])
	n := seen[key]
	seen[key] = n + 1
	return fmt.Sprintf("%s:%d", key, n+1)
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
