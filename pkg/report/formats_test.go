package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xeipuuv/gojsonschema"
)

// sharedSchema returns ../shared/schemas/<name> beside the checkout.
func sharedSchema(t *testing.T, name string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "schemas", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s is missing: the shared schemas sit beside the checkout as ../shared (%v)", p, err)
	}
	return p
}

// hostile is a report whose texts carry terminal escape sequences, as a
// catalog file can.
func hostile() *Report {
	r := sample()
	r.Findings[0].Message = "image \x1b]0;pwned\a\x1b[2J is \u202eevil\x7f\u009b"
	r.Findings[0].Source = "    image: \"\x1b]0;pwned\a\""
	r.Findings[0].Col = 12
	return r
}

func rawControls(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x202e {
			return true
		}
	}
	return false
}

func TestControlCharactersAreEscapedInEveryFormat(t *testing.T) {
	for _, format := range Formats {
		var b bytes.Buffer
		require.NoError(t, Write(&b, format, hostile()), format)
		assert.False(t, rawControls(b.String()), "%s output carries a raw control character:\n%q", format, b.String())
	}
	var b bytes.Buffer
	require.NoError(t, Write(&b, "text", hostile()))
	assert.Contains(t, b.String(), `image \x1b]0;pwned\x07\x1b[2J is \u202eevil\x7f\u009b`)
	// JSON still decodes to the exact text.
	b.Reset()
	require.NoError(t, Write(&b, "json", hostile()))
	var doc struct{ Findings []struct{ Message string } }
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	assert.Equal(t, hostile().Findings[0].Message, doc.Findings[0].Message)
}

func TestTextColour(t *testing.T) {
	r := sample()
	var plain, colour bytes.Buffer
	require.NoError(t, Write(&plain, "text", r))
	assert.NotContains(t, plain.String(), "\x1b[")
	r.Color = true
	require.NoError(t, Write(&colour, "text", r))
	out := colour.String()
	assert.Contains(t, out, ansiBold+ansiRed+"error"+ansiReset)
	assert.Contains(t, out, ansiMagenta+"S004"+ansiReset)
	assert.Contains(t, out, ansiBold+ansiGreen+"^"+ansiReset)
	// Catalog text stays escaped with colours on: only our own sequences
	// reach the terminal.
	h := hostile()
	h.Color = true
	colour.Reset()
	require.NoError(t, Write(&colour, "text", h))
	assert.NotContains(t, colour.String(), "\x1b]0;")
}

func TestCaretUnderEscapedSource(t *testing.T) {
	r := hostile()
	var b bytes.Buffer
	require.NoError(t, Write(&b, "text", r))
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, `        image: "\x1b]0;`) {
			caret := strings.Index(lines[i+1], "^")
			assert.Equal(t, byte('"'), l[caret], "the caret points at the quoted value: %q / %q", l, lines[i+1])
			return
		}
	}
	t.Fatalf("no escaped source line in:\n%s", b.String())
}

func TestJSONMatchesPublishedSchema(t *testing.T) {
	data, err := schemas.Load("catalogen-lint-output.schema.json")
	require.NoError(t, err)
	s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(data))
	require.NoError(t, err)
	for _, r := range []*Report{sample(), {}, hostile()} {
		var b bytes.Buffer
		require.NoError(t, Write(&b, "json", r))
		res, err := s.Validate(gojsonschema.NewBytesLoader(b.Bytes()))
		require.NoError(t, err)
		assert.True(t, res.Valid(), "%v\n%s", res.Errors(), b.String())
		var doc struct {
			Version    int
			Suppressed []struct{ Justification string }
		}
		require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
		assert.Equal(t, JSONFormatVersion, doc.Version)
		assert.Len(t, doc.Suppressed, len(r.Suppressed))
	}
}

func TestSARIFValidatesAndCarriesSuppressionsAndFingerprints(t *testing.T) {
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + sharedSchema(t, "sarif-2.1.0.schema.json")))
	require.NoError(t, err)
	r := sample()
	r.BaseDir = "/work/checkout"
	var b bytes.Buffer
	require.NoError(t, Write(&b, "sarif", r))
	res, err := schema.Validate(gojsonschema.NewBytesLoader(b.Bytes()))
	require.NoError(t, err)
	require.True(t, res.Valid(), "%v", res.Errors())

	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID              string            `json:"ruleId"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Suppressions        []struct{ Kind, Justification string }
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))
	run := log.Runs[0]
	assert.Equal(t, "file:///work/checkout/", run.OriginalURIBaseIDs["%SRCROOT%"].URI)
	require.Len(t, run.Results, len(r.Findings)+len(r.Suppressed))
	prints := map[string]bool{}
	for i, res := range run.Results {
		fp := res.PartialFingerprints[fingerprintKey]
		assert.NotEmpty(t, fp)
		assert.False(t, prints[fp], "fingerprints are unique")
		prints[fp] = true
		assert.Equal(t, "%SRCROOT%", res.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID)
		if i < len(r.Findings) {
			assert.Empty(t, res.Suppressions)
		} else {
			require.Len(t, res.Suppressions, 1)
			assert.Equal(t, "inSource", res.Suppressions[0].Kind)
			assert.Equal(t, "pinned elsewhere", res.Suppressions[0].Justification)
		}
	}

	// A finding that moves down a line keeps its fingerprint.
	moved := sample()
	moved.Findings[0].Line += 5
	var first, second bytes.Buffer
	require.NoError(t, Write(&first, "sarif", sample()))
	require.NoError(t, Write(&second, "sarif", moved))
	fps := func(data []byte) []string {
		var l struct {
			Runs []struct {
				Results []struct {
					PartialFingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal(data, &l))
		var out []string
		for _, r := range l.Runs[0].Results {
			out = append(out, r.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	assert.Equal(t, fps(first.Bytes()), fps(second.Bytes()))
}

// xmllint validates JUnit reports against Jenkins' schema.
func xmllint(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is required to validate JUnit reports against Jenkins' junit-10.xsd: apt-get install libxml2-utils (scripts/test-deps installs it)")
	}
	return p
}

func TestJUnitValidatesAgainstJenkinsSchema(t *testing.T) {
	bin := xmllint(t)
	xsd := sharedSchema(t, "jenkins-junit-10.xsd")
	dir := t.TempDir()
	clean := &Report{FailLevel: lint.Error}
	never := sample()
	never.FailNever = true
	for name, r := range map[string]*Report{"sample": sample(), "clean": clean, "hostile": hostile(), "never": never} {
		var b bytes.Buffer
		require.NoError(t, Write(&b, "junit", r))
		file := filepath.Join(dir, name+".xml")
		require.NoError(t, os.WriteFile(file, b.Bytes(), 0o644))
		out, err := exec.Command(bin, "--noout", "--schema", xsd, file).CombinedOutput()
		assert.NoError(t, err, "%s: %s\n%s", name, out, b.String())
	}
}

func TestJUnitFailuresFollowTheFailLevel(t *testing.T) {
	count := func(r *Report) (tests, failures int) {
		var b bytes.Buffer
		require.NoError(t, Write(&b, "junit", r))
		var s junitSuites
		require.NoError(t, xml.Unmarshal(b.Bytes(), &s))
		return s.Tests, s.Failures
	}
	for _, tc := range []struct {
		level lint.Severity
		never bool
	}{{lint.Error, false}, {lint.Warning, false}, {lint.Info, false}, {lint.Info, true}} {
		r := sample()
		r.FailLevel, r.FailNever = tc.level, tc.never
		want := 0
		for _, f := range r.Findings {
			if !tc.never && f.Severity >= tc.level {
				want++
			}
		}
		tests, failures := count(r)
		assert.Equal(t, len(r.Findings)+len(r.Suppressed), tests)
		assert.Equal(t, want, failures, "fail level %v, never %v", tc.level, tc.never)
	}
}

// Without a full rule table, SARIF's table still covers the rules of
// suppressed results, and every ruleIndex points at its rule.
func TestSARIFRuleIndexCoversSuppressed(t *testing.T) {
	r := sample()
	r.Rules = nil
	r.Suppressed[0].Rule = &lint.Rule{ID: "Z999", Slug: "z.only-suppressed", Severity: lint.Info}
	var b bytes.Buffer
	require.NoError(t, Write(&b, "sarif", r))
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
			}
		}
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))
	run := log.Runs[0]
	for _, res := range run.Results {
		require.Less(t, res.RuleIndex, len(run.Tool.Driver.Rules))
		assert.Equal(t, res.RuleID, run.Tool.Driver.Rules[res.RuleIndex].ID)
	}
}
