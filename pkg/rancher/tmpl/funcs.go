// Package tmpl renders compose files the way Rancher 1.6's executor does
// before parsing them: Go text/template with sprig, splitPreserveQuotes,
// and `.Values`, `.Stack`, `.Release` and `.Environment`.
package tmpl

import (
	"bytes"
	"text/template"
	"unicode"

	"github.com/Masterminds/sprig/v3"
)

// FuncMap returns the functions Rancher's executor offers templates:
// sprig's text function map plus splitPreserveQuotes.
func FuncMap() template.FuncMap {
	m := sprig.TxtFuncMap()
	m["splitPreserveQuotes"] = SplitPreserveQuotes
	return m
}

// HermeticFuncMap is FuncMap without sprig's functions whose result depends
// on the clock, randomness or the environment (now, randAlphaNum, env,
// uuidv4, ...). A template using one of them fails to parse, rather than
// render differently each time.
func HermeticFuncMap() template.FuncMap {
	m := sprig.HermeticTxtFuncMap()
	m["splitPreserveQuotes"] = SplitPreserveQuotes
	return m
}

// SplitPreserveQuotes splits s on whitespace outside quotes:
// `--a --b='c d'` gives [`--a`, `--b='c d'`]. It reproduces the executor's
// implementation exactly, quirks included, because rendered output must
// match what Rancher deploys: any Unicode quotation mark opens or closes a
// quote, consecutive spaces yield empty elements, a trailing space stays on
// the last element, and a final multi-byte character is dropped.
func SplitPreserveQuotes(s string) []string {
	var pieces []string
	var buf bytes.Buffer
	inQuotes := false
	for i, r := range s {
		if unicode.In(r, unicode.Quotation_Mark) {
			inQuotes = !inQuotes
		}
		last := i == len(s)-1
		if unicode.IsSpace(r) && !inQuotes || last {
			if last {
				buf.WriteRune(r)
			}
			pieces = append(pieces, buf.String())
			buf.Reset()
		} else {
			buf.WriteRune(r)
		}
	}
	return pieces
}
