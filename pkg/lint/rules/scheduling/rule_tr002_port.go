package scheduling

import (
	"strconv"

	"github.com/catalogen/catalogen/pkg/catalog/stack"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleTR002 = &lint.Rule{
	ID:       "TR002",
	Slug:     "traefik.port",
	Severity: lint.Warning,
	Summary:  "traefik.port is a port number from 1 to 65535 after interpolation",
	Doc: "Traefik sends requests to the container's IP on `traefik.port` (80 when unset). A value that is not " +
		"a port number (`http`, `8080/tcp`, an empty answer) produces a backend URL Traefik cannot use, so " +
		"the frontend answers errors. The value is checked after interpolation with the questions' defaults. " +
		"Warning: Traefik cannot route to the service; the stack itself deploys.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.port: 8080/tcp`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.port: "8080"`,
	Version: lint.Requires(stack.New, checkTR002),
}

func checkTR002(p *lint.Pass, w *stack.View) {
	for _, s := range w.Services() {
		l, value, present, sure := w.Label(s, "traefik.port")
		if !present || !sure || !l.HasValue || isPort(value) {
			continue
		}
		shown := quote(value)
		if value != l.Value {
			shown = l.Value + " (" + quote(value) + " with the defaults)"
		}
		p.Report(l.ValuePos(), "traefik.port of service %s is %s, not a port number from 1 to 65535: write the container port Traefik should send requests to, e.g. \"8080\"", s.Name, shown)
	}
}

// isPort reports whether s is a decimal port number 1-65535.
func isPort(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	n, _ := strconv.Atoi(s)
	return n >= 1 && n <= 65535
}
