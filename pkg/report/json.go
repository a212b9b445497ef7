package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// JSONFormatVersion is the version of the JSON output's shape, described by
// schemas/catalogen-lint-output.schema.json. It changes only when a field
// is removed or changes meaning; new fields keep it.
const JSONFormatVersion = 1

// JSONSchemaURL is where the JSON output's schema is published.
const JSONSchemaURL = "https://raw.githubusercontent.com/catalogen/catalogen/main/schemas/catalogen-lint-output.schema.json"

type jsonFinding struct {
	Rule          string `json:"rule"`
	Slug          string `json:"slug"`
	Severity      string `json:"severity"`
	Root          string `json:"root,omitempty"`
	File          string `json:"file"`
	Line          int    `json:"line"`
	Column        int    `json:"column"`
	Message       string `json:"message"`
	Fix           string `json:"fix,omitempty"`
	Justification string `json:"justification,omitempty"`
}

type jsonSummary struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	Suppressed int `json:"suppressed"`
	Excluded   int `json:"excluded"`
	Files      int `json:"files"`
	Templates  int `json:"templates"`
	Versions   int `json:"versions"`
}

type jsonDoc struct {
	Schema     string        `json:"$schema"`
	Version    int           `json:"version"`
	Tool       jsonTool      `json:"tool"`
	Config     string        `json:"config,omitempty"`
	Findings   []jsonFinding `json:"findings"`
	Suppressed []jsonFinding `json:"suppressed"`
	Summary    jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

func toJSON(fs []Finding) []jsonFinding {
	out := []jsonFinding{}
	for _, f := range fs {
		out = append(out, jsonFinding{
			Rule: f.Rule.ID, Slug: f.Rule.Slug, Severity: f.Severity.String(),
			Root: f.Root, File: f.File, Line: f.Line, Column: f.Col, Message: f.Message,
			Fix: f.Fix, Justification: f.Justification,
		})
	}
	return out
}

// writeJSON prints one document: the format version, findings with file
// relative to the catalog root, suppressed findings with their reason, and
// the summary. No timings, so the output is reproducible.
func writeJSON(w io.Writer, r *Report) error {
	s := r.Summary
	doc := jsonDoc{
		Schema: JSONSchemaURL, Version: JSONFormatVersion,
		Tool:     jsonTool{Name: cmpOr(r.Tool, "catalogen"), Version: r.Version},
		Config:   r.Config,
		Findings: toJSON(r.Findings), Suppressed: toJSON(r.Suppressed),
		Summary: jsonSummary{s.Errors, s.Warnings, s.Infos, s.Suppressed, s.Excluded, s.Files, s.Templates, s.Versions},
	}
	return encodeJSON(w, doc)
}

// encodeJSON writes v indented, with the control characters that
// encoding/json leaves raw escaped.
func encodeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeJSONControls(b.Bytes()))
	return err
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
