package templating

import (
	"text/template/parse"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

var ruleT008 = &lint.Rule{
	ID:       "T008",
	Slug:     "template.host-functions",
	Formerly: []string{"tpl.host-functions"},
	Severity: lint.Warning,
	Summary:  "compose templates do not call functions that read the Rancher server's environment, clock, randomness or network",
	Doc: "Rancher's executor offers all of sprig, including `env`, `expandenv`, `getHostByName`, `now`, the `rand*` " +
		"functions, `uuidv4` and the key and certificate generators. In a catalog template they read the Rancher " +
		"server, not the environment the stack is deployed into: `env` hands the server's variables (credentials " +
		"included) to whoever can read the stack's compose file, `getHostByName` resolves names from the server, and " +
		"the clock and random functions give a different stack on every upgrade. Use a question and `${VAR}` instead. " +
		"catalogen renders these calls with harmless stand-ins (an empty string, a fixed date, fixed text), so what lint " +
		"shows is not what Rancher would deploy. Warning: the stack deploys, but with values of the Rancher server " +
		"that may leak or change on every upgrade.",
	Bad: `version: '2'
services:
  app:
    image: example/app:1.0
    environment:
      TOKEN: {{ env "API_TOKEN" }}`,
	Good: `version: '2'
services:
  app:
    image: example/app:1.0
    environment:
      TOKEN: ${API_TOKEN}`,
	Version: checkT008,
}

func checkT008(p *lint.Pass, v *catalog.Version) {
	for _, f := range templatedFiles(v) {
		inspect(parseTrees(f), func(n parse.Node) {
			id, ok := n.(*parse.IdentifierNode)
			if !ok {
				return
			}
			if reads, host := tmpl.HostFunctions[id.Ident]; host {
				p.Report(nodePos(f, id), "`%s` reads %s of the Rancher server that renders the template, not of the deployed stack; catalogen renders it with a stand-in, so the output shown here differs from Rancher's. Ask a question and use its answer instead", id.Ident, reads)
			}
		})
	}
}
