package harborsetup

import (
	"fmt"
	"sort"
	"strings"
)

// Kind says what a setting holds and how its value is checked.
type Kind int

const (
	Text     Kind = iota // free text that must survive harbor.cfg and env files
	Secret               // like Text, and never printed
	Int                  // decimal digits within Min..Max
	Bool                 // true/false/on/off/yes/no/1/0, written in the release's spelling
	Enum                 // one of Allowed, exactly
	Hostname             // DNS name or IP, optional :port
	FilePath             // absolute path of an existing file (https only)
	Fixed                // set by the wrapper; not an input
)

func (k Kind) String() string {
	return [...]string{"text", "secret", "integer", "boolean", "enum", "host name", "file path", "fixed"}[k]
}

// Setting is one harbor.cfg key, the environment variable that sets it, and
// the releases that have it.
type Setting struct {
	Env  string // empty for Fixed settings
	Key  string
	Kind Kind
	// Since and Until bound the releases that have the key (Until exclusive,
	// empty for "still there").
	Since, Until string
	// Required settings have no usable shipped default (a public password,
	// a placeholder host name) and must be given.
	Required bool
	// Optional keys are commented out in the shipped harbor.cfg: written only
	// when set.
	Optional bool
	// Default is the value written when the variable is unset: the shipped
	// harbor.cfg's, except where the wrapper fixes it. DefaultFor overrides
	// it per release.
	Default    string
	DefaultFor func(*Release) string
	// Allowed values of an Enum (AllowedFor overrides per release); for a
	// Bool, the two spellings the release's consumer reads ([true, false]).
	Allowed    []string
	AllowedFor func(*Release) []string
	// Aliases maps names an Enum also accepts to the release's value.
	Aliases  func(*Release) map[string]string
	Min, Max int64
	// Check adds a constraint of the value's consumer (a database image, a
	// URL, an nginx directive).
	Check func(r *Release, value string) error
	Doc   string
}

// Has reports whether the release has this key.
func (s *Setting) Has(r *Release) bool {
	if s.Since != "" && !r.AtLeast(s.Since) {
		return false
	}
	if s.Until != "" && r.AtLeast(s.Until) {
		return false
	}
	return true
}

// DefaultValue is the value written when the variable is unset.
func (s *Setting) DefaultValue(r *Release) string {
	if s.DefaultFor != nil {
		return s.DefaultFor(r)
	}
	return s.Default
}

// AllowedValues lists the allowed values of an Enum or the spellings of a Bool.
func (s *Setting) AllowedValues(r *Release) []string {
	if s.AllowedFor != nil {
		return s.AllowedFor(r)
	}
	return s.Allowed
}

// Releases describes the releases that have the key, for the docs.
func (s *Setting) Releases() string {
	switch {
	case s.Since == "" && s.Until == "":
		return "all"
	case s.Until == "":
		return s.Since + "+"
	case s.Since == "":
		return "< " + s.Until
	default:
		return s.Since + " – < " + s.Until
	}
}

var onOff = []string{"on", "off"}
var trueFalse = []string{"true", "false"}

// Settings is every harbor.cfg key of every supported release, in the order
// harbor.cfg is written.
var Settings = []*Setting{
	{Env: "HARBORHOSTNAME", Key: "hostname", Kind: Hostname, Required: true, Check: checkHostname,
		Doc: "The address clients use, exactly (port included when it is not the default); it becomes the registry's token realm."},
	{Env: "UI_URL_PROTOCOL", Key: "ui_url_protocol", Kind: Enum, Default: "http", Allowed: []string{"http", "https"},
		Doc: "https: Harbor's proxy serves a certificate, given as PEM text (SSL_CERT_PEM, SSL_CERT_KEY_PEM) or as files (SSL_CERT, SSL_CERT_KEY). Behind an ingress that ends TLS, keep http and set EXTERNAL_TLS."},
	{Env: "SSL_CERT", Key: "ssl_cert", Kind: FilePath, Default: "/data/cert/server.crt", Check: checkCertPath,
		Doc: "Certificate file inside the wrapper container (https only)."},
	{Env: "SSL_CERT_KEY", Key: "ssl_cert_key", Kind: FilePath, Default: "/data/cert/server.key", Check: checkCertPath,
		Doc: "Private key file inside the wrapper container (https only); its file name must differ from the certificate's."},
	{Key: "customize_crt", Kind: Fixed, Default: "on",
		Doc: "Always on: otherwise prepare installs the token signing key published with Harbor."},
	{Key: "secretkey_path", Kind: Fixed, Since: "1.1.0", Default: DataDir,
		Doc: "The wrapper's persistent folder, so the secret key survives restarts."},
	{Key: "admiral_url", Kind: Fixed, Since: "1.1.0", Default: "NA", Doc: "No Admiral integration."},
	{Env: "MAX_JOB_WORKERS", Key: "max_job_workers", Kind: Int, Default: "3", Min: 1, Max: 1000},
	{Env: "LOG_ROTATE_COUNT", Key: "log_rotate_count", Kind: Int, Since: "1.3.0", Default: "50", Min: 0, Max: 100000},
	{Env: "LOG_ROTATE_SIZE", Key: "log_rotate_size", Kind: Text, Since: "1.3.0", Default: "200M", Check: checkRotateSize,
		Doc: "Digits with an optional k, M or G."},
	{Env: "EMAIL_IDENTITY", Key: "email_identity", Kind: Text},
	{Env: "EMAIL_SERVER", Key: "email_server", Kind: Text, Default: "smtp.mydomain.com", Check: checkNoBlank},
	{Env: "EMAIL_SERVER_PORT", Key: "email_server_port", Kind: Int, Default: "25", Min: 1, Max: 65535},
	{Env: "EMAIL_USERNAME", Key: "email_username", Kind: Text, Default: "sample_admin@mydomain.com"},
	{Env: "EMAIL_PASSWORD", Key: "email_password", Kind: Secret, Default: "abc"},
	{Env: "EMAIL_FROM", Key: "email_from", Kind: Text, Default: "admin <sample_admin@mydomain.com>"},
	{Env: "EMAIL_SSL", Key: "email_ssl", Kind: Bool, Default: "false", Allowed: trueFalse},
	{Env: "EMAIL_INSECURE", Key: "email_insecure", Kind: Bool, Since: "1.3.0", Default: "false", Allowed: trueFalse},
	{Env: "HARBOR_ADMIN_PASSWORD", Key: "harbor_admin_password", Kind: Secret, Required: true,
		Doc: "Set on Harbor's first start only."},
	{Env: "AUTH_MODE", Key: "auth_mode", Kind: Enum, Default: "db_auth", Allowed: []string{"db_auth", "ldap_auth"}},
	{Env: "LDAP_URL", Key: "ldap_url", Kind: Text, Default: "ldaps://ldap.mydomain.com", Check: checkNoBlank},
	{Env: "LDAP_SEARCHDN", Key: "ldap_searchdn", Kind: Text, Optional: true,
		Doc: "Written only when set; then LDAP_SEARCH_PWD is written too."},
	{Env: "LDAP_SEARCH_PWD", Key: "ldap_search_pwd", Kind: Secret, Optional: true},
	{Env: "LDAP_BASEDN", Key: "ldap_basedn", Kind: Text, Default: "ou=people,dc=mydomain,dc=com"},
	{Env: "LDAP_FILTER", Key: "ldap_filter", Kind: Text, Optional: true},
	{Env: "LDAP_UID", Key: "ldap_uid", Kind: Text, Default: "uid", Check: checkNoBlank},
	{Env: "LDAP_SCOPE", Key: "ldap_scope", Kind: Enum,
		DefaultFor: func(r *Release) string { return map[bool]string{true: "2", false: "3"}[r.AtLeast("1.4.0")] },
		AllowedFor: func(r *Release) []string {
			if r.AtLeast("1.4.0") {
				return []string{"0", "1", "2"} // base, one level, subtree
			}
			return []string{"1", "2", "3"}
		},
		Aliases: func(r *Release) map[string]string {
			if r.AtLeast("1.4.0") {
				return map[string]string{"base": "0", "onelevel": "1", "subtree": "2"}
			}
			return map[string]string{"base": "1", "onelevel": "2", "subtree": "3"}
		},
		Doc: "base, onelevel or subtree (any release), or the release's number: up to 1.3.0 1 base, 2 one level, 3 subtree; from 1.4.0 0, 1, 2."},
	{Env: "LDAP_TIMEOUT", Key: "ldap_timeout", Kind: Int, Since: "1.1.0", Default: "5", Min: 1, Max: 3600},
	{Env: "LDAP_VERIFY_CERT", Key: "ldap_verify_cert", Kind: Bool, Since: "1.4.0", Default: "true", Allowed: trueFalse},
	{Key: "db_host", Kind: Fixed, Since: "1.3.0", Default: "mysql", Doc: "The stack's mysql service."},
	{Env: "DB_PASSWORD", Key: "db_password", Kind: Secret, Required: true, Check: checkDBPassword,
		Doc: "Set on the database's first start only. Letters, digits and _ . : @ % + , = / - (the database images pass it through a shell)."},
	{Key: "db_port", Kind: Fixed, Since: "1.3.0", Default: "3306"},
	{Key: "db_user", Kind: Fixed, Since: "1.3.0", Default: "root"},
	{Key: "redis_url", Kind: Fixed, Since: "1.4.0", Default: "", Doc: "No HA mode."},
	{Key: "clair_db_host", Kind: Fixed, Since: "1.4.0", Default: "postgres"},
	{Key: "clair_db_password", Kind: Fixed, Since: "1.2.0", Default: "password", Doc: "Read by prepare, unused: the entries run without Clair."},
	{Key: "clair_db_port", Kind: Fixed, Since: "1.4.0", Default: "5432"},
	{Key: "clair_db_username", Kind: Fixed, Since: "1.4.0", Default: "postgres"},
	{Key: "clair_db", Kind: Fixed, Since: "1.4.0", Default: "postgres"},
	{Key: "uaa_endpoint", Kind: Fixed, Since: "1.3.0", Default: "uaa.mydomain.org", Doc: "Read by prepare, unused: no UAA authentication."},
	{Key: "uaa_clientid", Kind: Fixed, Since: "1.3.0", Default: "id"},
	{Key: "uaa_clientsecret", Kind: Fixed, Since: "1.3.0", Default: "secret"},
	{Key: "uaa_ca_root", Kind: Fixed, Since: "1.3.0", Until: "1.4.0", Default: "/path/to/uaa_ca.pem"},
	{Key: "uaa_verify_cert", Kind: Fixed, Since: "1.4.0", Default: "true"},
	{Key: "uaa_ca_cert", Kind: Fixed, Since: "1.4.0", Default: "/path/to/ca.pem"},
	{Key: "registry_storage_provider_name", Kind: Fixed, Since: "1.4.0", Default: "filesystem", Doc: "The registry stores images in its /storage volume."},
	{Key: "registry_storage_provider_config", Kind: Fixed, Since: "1.4.0", Default: ""},
	{Env: "SELF_REGISTRATION", Key: "self_registration", Kind: Bool, Default: "on", Allowed: onOff},
	{Env: "USE_COMPRESSED_JS", Key: "use_compressed_js", Kind: Bool, Until: "1.1.0", Default: "on", Allowed: onOff},
	{Env: "TOKEN_EXPIRATION", Key: "token_expiration", Kind: Int, Default: "30", Min: 1, Max: 525600,
		Doc: "Minutes."},
	{Env: "VERIFY_REMOTE_CERT", Key: "verify_remote_cert", Kind: Bool, Until: "1.3.0", Default: "on", Allowed: onOff,
		Doc: "Whether replication checks the remote registry's certificate."},
	{Env: "PROJECT_CREATION_RESTRICTION", Key: "project_creation_restriction", Kind: Enum, Default: "everyone", Allowed: []string{"everyone", "adminonly"}},
	{Env: "CRT_COUNTRY", Key: "crt_country", Kind: Text, Until: "1.1.0", Default: "CN", Check: checkSubjectField},
	{Env: "CRT_STATE", Key: "crt_state", Kind: Text, Until: "1.1.0", Default: "State", Check: checkSubjectField},
	{Env: "CRT_LOCATION", Key: "crt_location", Kind: Text, Until: "1.1.0", Default: "CN", Check: checkSubjectField},
	{Env: "CRT_ORGANIZATION", Key: "crt_organization", Kind: Text, Until: "1.1.0", Default: "organization", Check: checkSubjectField},
	{Env: "CRT_ORGANIZATIONALUNIT", Key: "crt_organizationalunit", Kind: Text, Until: "1.1.0", Default: "organizational unit", Check: checkSubjectField},
	{Env: "CRT_COMMONNAME", Key: "crt_commonname", Kind: Text, Until: "1.1.0", Default: "example.com", Check: checkSubjectField},
	{Env: "CRT_EMAIL", Key: "crt_email", Kind: Text, Until: "1.1.0", Default: "example@example.com", Check: checkSubjectField},
}

// SettingsFor lists the settings of a release, in harbor.cfg order.
func SettingsFor(r *Release) []*Setting {
	var out []*Setting
	for _, s := range Settings {
		if s.Has(r) {
			out = append(out, s)
		}
	}
	return out
}

// SettingByEnv finds a setting by its environment variable.
func SettingByEnv(env string) *Setting {
	for _, s := range Settings {
		if s.Env == env {
			return s
		}
	}
	return nil
}

// Allowed describes what a setting accepts, for messages and docs.
func (s *Setting) AllowedText(r *Release) string {
	switch s.Kind {
	case Int:
		return fmt.Sprintf("an integer from %d to %d", s.Min, s.Max)
	case Bool:
		return "true or false (also on/off, yes/no, 1/0)"
	case Enum:
		allowed := s.AllowedValues(r)
		if s.Aliases != nil {
			var names []string
			for n := range s.Aliases(r) {
				names = append(names, n)
			}
			sort.Strings(names)
			allowed = append(names, allowed...)
		}
		return "one of " + strings.Join(allowed, ", ")
	case Hostname:
		return "a DNS name with a dot, an IP address, or localhost, with an optional :port"
	case FilePath:
		return "an absolute path of a file inside the wrapper container"
	case Fixed:
		return "fixed by the wrapper"
	}
	return "one line of text without leading or trailing blanks"
}
