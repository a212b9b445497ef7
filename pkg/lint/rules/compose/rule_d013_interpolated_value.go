package compose

import (
	"fmt"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/interp"
	"github.com/catalogen/catalogen/pkg/rancher/ports"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleD013 = &lint.Rule{
	ID:       "D013",
	Slug:     "compose.interpolated-value",
	Formerly: []string{"dc.interpolated-value"},
	Severity: lint.Error,
	Summary:  "ports, expose, command and entrypoint hold values the executor can convert, after interpolation",
	Doc: "Rancher 1.6's executor interpolates `${VAR}` (an undeclared variable becomes an empty string), then " +
		"converts some values to types: `ports` and `expose` entries go through Docker's port-spec parser " +
		"(`[ip:][hostPort:]containerPort[/protocol]`), and `command`/`entrypoint` must not be empty " +
		"(\"cannot unmarshal !!str `` into yaml.Command\"). A value that is fine as written can break once " +
		"interpolated: `${HOST_PORT}:80` with an undeclared variable is `:80` (\"strconv.ParseInt: parsing \\\"\\\"\"), " +
		"`command: ${CMD}` with an empty default is empty. catalogen interpolates with the questions' defaults and " +
		"stays silent about answers the user must type. Error: the stack does not deploy; a warning for an empty host port " +
		"(`:80`), which Docker's own parser would read as \"any port\".",
	Bad: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    command: ${EXTRA_ARGS}      # default ""
    ports:
      - ${HTTP_PORT}:80         # HTTP_PORT is not a question
      - 80:80:80
# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: EXTRA_ARGS
      type: string
      default: ""
`,
	Good: `# docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25
    ports:
      - ${http_port}:80
      - 443:443
# rancher-compose.yml
version: '2'
.catalog:
  version: "1.0.0"
  questions:
    - variable: http_port
      type: int
      default: 8080
`,
	Version: checkInterpolatedValues,
}

func checkInterpolatedValues(p *lint.Pass, v *catalog.Version) {
	proj := v.Project
	if proj == nil {
		return
	}
	a := defaultAnswers(v)
	for _, s := range proj.Services {
		if misreadSection(proj, s) {
			continue
		}
		for _, field := range []string{"ports", "expose"} {
			for _, e := range s.Fields(field) {
				n := yamlnode.Resolve(e.Value)
				if n == nil || n.Kind != yaml.SequenceNode {
					continue // D002 reports the shape
				}
				for _, item := range n.Content {
					item = yamlnode.Resolve(item)
					if item == nil || item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
						continue
					}
					val, missing, ok := interpolate(a, item.Value)
					if !ok {
						continue
					}
					_, err := ports.Parse(val)
					switch {
					case err == ports.ErrEmptyHostPort:
						p.ReportSeverity(lint.Warning, e.Doc.At(item), "%s entry %s of service %s%s has an empty host port: Rancher's executor reads the published port as a number and may fail the deploy (strconv.ParseInt: parsing \"\"); give the question a default, make it required, or leave the entry out when it is blank", field, quote(item.Value), s.Name, became(item.Value, val, missing))
					case err != nil:
						p.Report(e.Doc.At(item), "%s entry %s of service %s%s is not a port spec the executor accepts: %s; the stack does not deploy", field, quote(item.Value), s.Name, became(item.Value, val, missing), err)
					}
				}
			}
		}
		for _, field := range []string{"command", "entrypoint"} {
			for _, e := range s.Fields(field) {
				n := yamlnode.Resolve(e.Value)
				if n == nil || n.Kind != yaml.ScalarNode || yaml11.KindOf(n) != yaml11.String {
					continue
				}
				val, missing, ok := interpolate(a, n.Value)
				if !ok || strings.TrimSpace(val) != "" {
					continue
				}
				p.Report(e.Doc.At(n), "%s of service %s is %s%s: the executor cannot read an empty %s (\"cannot unmarshal !!str `` into yaml.Command\") and the stack does not deploy; give the question a default, or leave %s out", field, s.Name, quote(n.Value), became(n.Value, val, missing), field, field)
			}
		}
	}
}

// defaultAnswers are the answers of a user who accepts every default: an
// optional question without a default is answered "", and only a required
// one is sure to be typed (unsure). Rules about values that break when
// blank use it; newAnswers is more cautious.
func defaultAnswers(v *catalog.Version) *answers { return &answers{v.BlankAnswers()} }

// interpolate substitutes s as the executor does with the default answers,
// undeclared names becoming "". ok is false when the result depends on an
// answer the user must type, or s does not interpolate at all (I001).
func interpolate(a *answers, s string) (out string, missing []string, ok bool) {
	if !interp.NeedsEscape(s) {
		return s, nil, true
	}
	ok = true
	out, missing, err := interp.Interpolate(s, func(name string) (string, bool) {
		if a.Typed(name) {
			ok = false
		}
		return a.Lookup(name)
	})
	if err != nil || a.placeholder(out) {
		return "", nil, false
	}
	return out, missing, ok
}

func quote(s string) string { return "`" + s + "`" }

// became says what a value interpolates to, when it differs from the source.
func became(src, val string, missing []string) string {
	if src == val {
		return ""
	}
	out := fmt.Sprintf(" (%q with the default answers", val)
	if len(missing) > 0 {
		verb := " is not a question, so it is blank"
		if len(missing) > 1 {
			verb = " are not questions, so they are blank"
		}
		out += "; ${" + strings.Join(missing, "}, ${") + "}" + verb
	}
	return out + ")"
}
