package metadata

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
)

var ruleQ011 = &lint.Rule{
	ID: "Q011", Slug: "question.password-default", Formerly: []string{"q.password-default"}, Severity: lint.Warning,
	Summary: "password questions have no default",
	Doc: "A default is pre-filled and deployed whenever the user does not change it, and it is public: " +
		"anyone who knows the catalog knows the password. This applies to `password` and `masked` " +
		"questions and to text questions named like secrets (see Q009); `secret` questions are exempt, " +
		"their answer is the name of a Rancher secret. A default that is a file path (`/certs/privkey.pem` for a " +
		"`*_KEY` question) names where a secret is, not the secret, and is not reported. Warning: Rancher deploys the " +
		"stack, but every stack deployed with the defaults shares a public password (the message says when it is a " +
		"well-known one such as admin, changeme or Harbor12345). `profile: strict` makes it an error.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_password
      type: password
      default: changeme
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
  questions:
    - variable: admin_password
      type: password
      required: true
`,
	Version: checkPasswordDefault,
}

func checkPasswordDefault(p *lint.Pass, v *catalog.Version) {
	info := catalogInfo(v)
	if info == nil {
		return
	}
	for _, q := range info.Questions {
		switch q.Type {
		case "password", "masked":
		case "string", "multiline", "":
			if !secretLike(q.Variable) {
				continue
			}
		default:
			continue
		}
		dn := q.Field("default")
		if yaml11.KindOf(dn).IsCollection() {
			continue
		}
		def := yaml11.Text(dn)
		if strings.TrimSpace(def) == "" || looksLikePath(def) {
			continue // a path (`/certs/privkey.pem` for a *_KEY) names where the secret is
		}
		if wellKnownPasswords[strings.ToLower(strings.TrimSpace(def))] {
			p.Report(at(info, dn), "%s defaults to %q, a well-known password that anyone will try first; leave the default empty and mark the question required: true", qname(q), def)
			continue
		}
		p.Report(at(info, dn), "%s has a default password: anyone who knows the catalog knows it; leave the default empty and mark the question required: true", qname(q))
	}
}

// looksLikePath reports whether a default is a file path rather than a
// secret value.
func looksLikePath(s string) bool {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " \t") {
		return false
	}
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "~/") {
		return strings.Count(s, "/") >= 1 && len(s) > 1
	}
	for _, ext := range []string{".pem", ".key", ".crt", ".cert", ".p12", ".pfx", ".jks"} {
		if strings.HasSuffix(strings.ToLower(s), ext) {
			return true
		}
	}
	return false
}
