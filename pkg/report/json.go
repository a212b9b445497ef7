package report

import (
	"encoding/json"
	"io"
)

type jsonFinding struct {
	Rule     string `json:"rule"`
	Slug     string `json:"slug"`
	Severity string `json:"severity"`
	Root     string `json:"root,omitempty"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
}

type jsonSummary struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	Suppressed int `json:"suppressed"`
	Files      int `json:"files"`
	Templates  int `json:"templates"`
	Versions   int `json:"versions"`
}

// writeJSON prints one document: findings with file relative to the catalog
// root, and the summary. No timings, so the output is reproducible.
func writeJSON(w io.Writer, r *Report) error {
	doc := struct {
		Findings []jsonFinding `json:"findings"`
		Summary  jsonSummary   `json:"summary"`
	}{Findings: []jsonFinding{}}
	for _, f := range r.Findings {
		doc.Findings = append(doc.Findings, jsonFinding{
			Rule: f.Rule.ID, Slug: f.Rule.Slug, Severity: f.Severity.String(),
			Root: f.Root, File: f.File, Line: f.Line, Column: f.Col, Message: f.Message,
		})
	}
	s := r.Summary
	doc.Summary = jsonSummary{s.Errors, s.Warnings, s.Infos, s.Suppressed, s.Files, s.Templates, s.Versions}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
