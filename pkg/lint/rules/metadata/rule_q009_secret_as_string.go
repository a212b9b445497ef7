package metadata

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleQ009 = &lint.Rule{
	ID: "Q009", Slug: "question.secret-as-string", Formerly: []string{"q.secret-as-string"}, Severity: lint.Info,
	Summary: "questions that look like passwords, secrets, tokens or keys use `type: password`",
	Doc: "A `string` or `int` question is a plain text input: the answer is shown in clear text while " +
		"typed and in the stack's answers. `type: password` masks it and offers a random-value " +
		"generator, which is what catalog reviewers ask for on secrets (community-catalog#71). Names " +
		"containing password, passwd, secret or token, or ending in _key, are taken as secrets. " +
		"Info: Rancher deploys the stack; only the answer is shown in clear text. `profile: strict` makes it a warning.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: db_password
      label: Database password
      type: string
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: db_password
      label: Database password
      type: password
      required: true
`,
	Version: checkSecretAsString,
}

func checkSecretAsString(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		if (q.Type == "string" || q.Type == "int") && secretLike(q.Variable) {
			p.Report(fieldPos(info, q, "type"), "%s looks like a secret but is type %s, so the answer is shown in clear text; use type: password", qname(q), q.Type)
		}
	}
}
