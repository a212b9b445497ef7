package templating

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog/interpolation"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleI003 = &lint.Rule{
	ID:       "I003",
	Slug:     "interpolation.in-key",
	Formerly: []string{"interp.in-key"},
	Severity: lint.Warning,
	Summary:  "no `${…}` in mapping keys (service, volume and label names): keys are never interpolated",
	Doc: "Rancher's executor interpolates values only. A `${X}` in a service name, a top-level volume name, a label " +
		"key or any other key stays literally `${X}`, while the values that refer to it are substituted, so they " +
		"no longer match. Use a fixed name for keys, or generate the key with the template (`{{ .Values.X }}:`). " +
		"Warning: the executor (v1.6) interpolates values only, so the key keeps its `${...}` literally.",
	Bad: `version: '2'
volumes:
  ${ACME_VOLUME}:
    driver: ${VOLUME_DRIVER}
services:
  traefik:
    volumes:
      - ${ACME_VOLUME}:/acme`,
	Good: `version: '2'
volumes:
  {{ .Values.ACME_VOLUME }}:
    driver: ${VOLUME_DRIVER}
services:
  traefik:
    volumes:
      - ${ACME_VOLUME}:/acme`,
	Version: lint.Requires(interpolation.Of, checkI003),
}

func checkI003(p *lint.Pass, s *interpolation.Strings) {
	r := newReporter(p)
	for _, it := range s.Items {
		key := it.Text
		if !it.Key || !strings.Contains(key, "$") {
			continue
		}
		refs := it.Refs
		var off, end int
		name := "X"
		switch i := strings.Index(key, "${"); {
		case len(refs) > 0:
			off, end, name = refs[0].Offset, refs[0].End, refs[0].Name
		case i >= 0:
			off, end = i, len(key)
			if j := strings.IndexByte(key[i:], '}'); j >= 0 {
				end = i + j + 1
			}
		default:
			continue // only $$ or stray $: nothing that looks substituted
		}
		written := key[off:end]
		switch it.Kind {
		case "service", "volume", "network":
			r.report(it.Pos(off, end), written, "%s name %q is a key, and Rancher interpolates values only: the %s is named literally %q, while values that use %s get the answer and do not match it; use a fixed name, or write {{ .Values.%s }} to template the key",
				it.Kind, key, it.Kind, key, written, name)
		default:
			what := it.Kind + " key"
			if it.Kind == "environment variable" {
				what = "environment variable name"
			} else if it.Kind == "key" {
				what = "key"
			}
			r.report(it.Pos(off, end), written, "%s %q contains %s, but Rancher interpolates values only, so the key stays literally %q; use a fixed key, or write {{ .Values.%s }} to template it",
				what, key, written, key, name)
		}
	}
}
