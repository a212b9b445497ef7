package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// writeJUnit groups findings by file: one test suite per file, one failing
// test case per finding; a clean run is one passing case.
func writeJUnit(w io.Writer, r *Report) error {
	out := junitSuites{Name: "catalogen lint"}
	bySuite := map[string]int{}
	for _, f := range r.Findings {
		name := f.DisplayPath()
		i, ok := bySuite[name]
		if !ok {
			i = len(out.Suites)
			bySuite[name] = i
			out.Suites = append(out.Suites, junitSuite{Name: name})
		}
		loc := name
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", name, f.Line, max(f.Col, 1))
		}
		s := &out.Suites[i]
		s.Cases = append(s.Cases, junitCase{
			Name:      fmt.Sprintf("%s %s (%s)", f.Rule.ID, f.Rule.Slug, loc),
			ClassName: name,
			Failure: &junitFailure{
				Message: f.Message, Type: f.Severity.String(),
				Body: fmt.Sprintf("%s: %s %s %s: %s\n%s", loc, f.Severity, f.Rule.ID, f.Rule.Slug, f.Message, f.Source),
			},
		})
		s.Tests++
		s.Failures++
		out.Tests++
		out.Failures++
	}
	if len(out.Suites) == 0 {
		out.Suites = []junitSuite{{Name: "catalog", Tests: 1, Cases: []junitCase{{Name: "lint", ClassName: "catalog"}}}}
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
