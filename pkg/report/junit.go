package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

// The shape Jenkins' JUnit plugin validates (junit-10.xsd): tests,
// failures, errors and time on every suite.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitFailure `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// writeJUnit groups findings by file: one test suite per file, one test
// case per finding. A finding is a failure exactly when it fails the run
// (Report.FailLevel), so the dashboard agrees with the exit code; findings
// below the fail level are passing cases whose text is in system-out, and
// suppressed ones are skipped cases. A clean run is one passing case.
func writeJUnit(w io.Writer, r *Report) error {
	out := junitSuites{Name: "catalogen lint", Time: seconds(r)}
	bySuite := map[string]int{}
	add := func(f Finding, suppressed bool) {
		name := CleanLine(f.DisplayPath())
		i, ok := bySuite[name]
		if !ok {
			i = len(out.Suites)
			bySuite[name] = i
			out.Suites = append(out.Suites, junitSuite{Name: name, Time: "0"})
		}
		loc := name
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", name, f.Line, max(f.Col, 1))
		}
		text := fmt.Sprintf("%s: %s %s %s: %s", loc, f.Severity, f.Rule.ID, f.Rule.Slug, Clean(f.Message))
		if f.Source != "" {
			text += "\n" + CleanLine(f.Source)
		}
		c := junitCase{Name: fmt.Sprintf("%s %s (%s)", f.Rule.ID, f.Rule.Slug, loc), ClassName: name, Time: "0"}
		s := &out.Suites[i]
		switch {
		case suppressed:
			c.Skipped = &junitFailure{Message: "suppressed: " + Clean(f.Justification), Type: f.Severity.String(), Body: text}
			s.Skipped++
		case r.Fails(f):
			c.Failure = &junitFailure{Message: Clean(f.Message), Type: f.Severity.String(), Body: text}
			s.Failures++
			out.Failures++
		default:
			c.SystemOut = text
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
		out.Tests++
	}
	for _, f := range r.Findings {
		add(f, false)
	}
	for _, f := range r.Suppressed {
		add(f, true)
	}
	if len(out.Suites) == 0 {
		out.Suites = []junitSuite{{Name: "catalog", Tests: 1, Time: "0", Cases: []junitCase{{Name: "lint", ClassName: "catalog", Time: "0"}}}}
		out.Tests = 1
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// seconds is the run's duration as the schema's time type wants it
// (seconds with at most three decimals).
func seconds(r *Report) string {
	return fmt.Sprintf("%.3f", r.Summary.Duration.Seconds())
}
