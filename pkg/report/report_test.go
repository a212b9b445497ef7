package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ruleA = &lint.Rule{ID: "S004", Slug: "sidekick.volumes-from", Severity: lint.Error, Summary: "volumes_from stays in the sidekick group", Doc: "Cattle rejects it.", Bad: "a: 1", Good: "a: 2"}
var ruleB = &lint.Rule{ID: "D005", Slug: "compose.image-tag", Severity: lint.Info, Summary: "images have a tag", Doc: "Pin images."}

func sample() *Report {
	return &Report{
		Tool: "catalogen", Version: "test", Rules: []*lint.Rule{ruleB, ruleA},
		Findings: []Finding{
			{Root: "cat", File: "templates/x/0/docker-compose.yml", Line: 12, Col: 7, Rule: ruleA, Severity: lint.Error, Message: "volumes_from: db is not in web's group, 100% wrong", Source: "\tvolumes_from: [db]"},
			{Root: "cat", File: "templates/x", Rule: ruleB, Severity: lint.Info, Message: "multi\nline"},
		},
		Summary:    Summary{Errors: 1, Infos: 1, Suppressed: 1, Files: 3, Templates: 1, Versions: 1},
		Suppressed: []Finding{{Root: "cat", File: "templates/x/0/docker-compose.yml", Line: 3, Col: 12, Rule: ruleB, Severity: lint.Info, Message: "image has no tag", Source: "    image: busybox  # catalogen:ignore D005 -- pinned elsewhere", Justification: "pinned elsewhere"}},
		FailLevel:  lint.Error,
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "text", sample()))
	out := b.String()
	assert.Contains(t, out, "cat/templates/x/0/docker-compose.yml:12:7: error S004 sidekick.volumes-from: volumes_from: db is not in web's group")
	assert.Contains(t, out, "     volumes_from: [db]\n          ^\n")
	assert.Contains(t, out, "cat/templates/x: info D005 compose.image-tag: multi")
	assert.Contains(t, out, "1 error, 0 warnings, 1 info, 1 suppressed in 3 files (1 template, 1 version)")
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "json", sample()))
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Summary  map[string]int   `json:"summary"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	require.Len(t, doc.Findings, 2)
	f := doc.Findings[0]
	assert.Equal(t, "S004", f["rule"])
	assert.Equal(t, "sidekick.volumes-from", f["slug"])
	assert.Equal(t, "error", f["severity"])
	assert.Equal(t, "templates/x/0/docker-compose.yml", f["file"])
	assert.EqualValues(t, 12, f["line"])
	assert.EqualValues(t, 7, f["column"])
	assert.Equal(t, 1, doc.Summary["errors"])
	assert.Equal(t, 1, doc.Summary["suppressed"])

	var empty bytes.Buffer
	require.NoError(t, Write(&empty, "json", &Report{}))
	assert.Contains(t, empty.String(), `"findings": []`)
}

func TestSARIF(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "sarif", sample()))
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Markdown string `json:"markdown"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }     `json:"artifactLocation"`
						Region           *struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))
	assert.Equal(t, "2.1.0", log.Version)
	run := log.Runs[0]
	assert.Equal(t, "catalogen", run.Tool.Driver.Name)
	require.Len(t, run.Tool.Driver.Rules, 2)
	assert.Contains(t, run.Tool.Driver.Rules[1].Help.Markdown, "Bad:")
	require.Len(t, run.Results, 3, "two findings and one suppressed")
	assert.Equal(t, "S004", run.Results[0].RuleID)
	assert.Equal(t, 1, run.Results[0].RuleIndex)
	assert.Equal(t, "error", run.Results[0].Level)
	assert.Equal(t, "note", run.Results[1].Level)
	assert.Equal(t, 12, run.Results[0].Locations[0].PhysicalLocation.Region.StartLine)
	assert.Nil(t, run.Results[1].Locations[0].PhysicalLocation.Region, "no region for line 0")
}

func TestGitHub(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "github", sample()))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 3)
	assert.Equal(t, "::error file=cat/templates/x/0/docker-compose.yml,line=12,col=7,title=S004 sidekick.volumes-from::volumes_from: db is not in web's group, 100%25 wrong", lines[0])
	// A folder-level finding annotates the folder's config.yml and names
	// the folder in its message.
	assert.Equal(t, "::notice file=cat/templates/x/config.yml,title=D005 compose.image-tag::cat/templates/x: multi%0Aline", lines[1])
	// The log hides workflow commands: the last line is plain text.
	assert.Equal(t, "catalogen: 1 error, 0 warnings, 1 info, 1 suppressed in 3 files (1 template, 1 version)", lines[2])
}

func TestJUnit(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "junit", sample()))
	var suites junitSuites
	require.NoError(t, xml.Unmarshal(b.Bytes(), &suites))
	assert.Equal(t, 3, suites.Tests, "two findings and one suppressed")
	assert.Equal(t, 1, suites.Failures, "only the error reaches the fail level")
	assert.Equal(t, "cat/templates/x/0/docker-compose.yml", suites.Suites[0].Name)

	b.Reset()
	require.NoError(t, Write(&b, "junit", &Report{}))
	require.NoError(t, xml.Unmarshal(b.Bytes(), &suites))
	assert.Equal(t, 1, suites.Tests)
	assert.Equal(t, 0, suites.Failures)
}

func TestUnknownFormat(t *testing.T) {
	assert.Error(t, Write(&bytes.Buffer{}, "xml", sample()))
}

func TestSARIFURI(t *testing.T) {
	assert.Equal(t, "templates/x/0/docker-compose.yml", sarifURI("templates/x/0/docker-compose.yml"))
	assert.Equal(t, "file:///work/cat/templates/a%20b/config.yml", sarifURI("/work/cat/templates/a b/config.yml"))
	assert.Equal(t, "../cat/templates/x", sarifURI("../cat/templates/x"))
}
