package metadata

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleQ012 = &lint.Rule{
	ID: "Q012", Slug: "question.password-optional", Formerly: []string{"q.password-optional"}, Severity: lint.Warning,
	Summary: "a password question without a default is required",
	Doc: "Rancher's UI lets the user submit a question that is neither required nor defaulted with an empty " +
		"answer, and the executor then deploys the stack with an empty password. For a password the stack sets " +
		"for itself (a name with admin, root, user, db, database, mysql, postgres, redis, mongo, ...) most images " +
		"then refuse to start or, worse, start with no authentication. `required: true` makes the UI insist on " +
		"an answer (the password field offers to generate one). Applies to `password` and `masked` questions. " +
		"Warning: a likely runtime or security defect for the stack's own passwords; info for other credentials " +
		"(an SMTP, LDAP or cloud-provider secret is often optional, one of several alternatives). " +
		"`profile: strict` makes both an error.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_password
      type: password
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_password
      type: password
      required: true
`,
	Version: checkPasswordOptional,
}

func checkPasswordOptional(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		if q.Type != "password" && q.Type != "masked" {
			continue
		}
		if yaml11.Text(q.Field("required")) == "true" || strings.TrimSpace(yaml11.Text(q.Field("default"))) != "" {
			continue
		}
		if ownPassword(q.Variable) {
			p.Report(questionPos(info, q), "%s is a password that is neither required nor defaulted: a user who skips it deploys the stack with an empty password; add required: true", qname(q))
			continue
		}
		p.ReportSeverity(lint.Info, questionPos(info, q), "%s is a credential that is neither required nor defaulted: if the stack needs it, a user who skips it deploys with an empty one; add required: true unless it is optional", qname(q))
	}
}

// ownWords mark a password the stack sets for one of its own accounts or
// stores, rather than a credential for an outside service.
var ownWords = []string{"admin", "root", "user", "db", "database", "mysql", "mariadb", "postgres", "postgresql", "pg",
	"redis", "mongo", "mongodb", "master", "superuser", "cache", "rabbitmq", "keystore"}

func ownPassword(variable string) bool {
	parts := strings.FieldsFunc(strings.ToLower(variable), func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	for _, part := range parts {
		for _, w := range ownWords {
			if part == w || strings.HasPrefix(part, w) && strings.Contains(part, "pass") {
				return true
			}
		}
	}
	return false
}
