package harborsetup_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/harborsetup"
)

// validEnv is a complete, acceptable environment for every release.
func validEnv() map[string]string {
	return map[string]string{
		"HARBORHOSTNAME":        "registry.example.com",
		"HARBOR_ADMIN_PASSWORD": "Adm1n-pass",
		"DB_PASSWORD":           "db_pass.word-1",
	}
}

func environ(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	return out
}

func release(t *testing.T, v string) *harborsetup.Release {
	t.Helper()
	r, err := harborsetup.Lookup(v)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestResolveValidEnvironment(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		r := release(t, v)
		a, err := harborsetup.Resolve(r, environ(validEnv()))
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		for _, s := range harborsetup.SettingsFor(r) {
			_, ok := a[s.Key]
			if ok == s.Optional {
				t.Errorf("%s: %s written=%t, Optional=%t", v, s.Key, ok, s.Optional)
			}
		}
	}
}

func TestResolveNormalises(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		r := release(t, v)
		env := validEnv()
		env["SELF_REGISTRATION"] = "False"
		env["EMAIL_SSL"] = "yes"
		env["TOKEN_EXPIRATION"] = "0045"
		env["LDAP_SEARCHDN"] = "cn=search,dc=example,dc=com"
		a, err := harborsetup.Resolve(r, environ(env))
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if a["self_registration"] != "off" || a["email_ssl"] != "true" || a["token_expiration"] != "45" {
			t.Errorf("%s: booleans and integers in the release's spelling: got %q %q %q", v, a["self_registration"], a["email_ssl"], a["token_expiration"])
		}
		if pwd, ok := a["ldap_search_pwd"]; !ok || pwd != "" {
			t.Errorf("%s: ldap_searchdn set without ldap_search_pwd must write an empty ldap_search_pwd (prepare then requires it); got %q, %t", v, pwd, ok)
		}
	}
}

func TestResolveRefuses(t *testing.T) {
	certDir := t.TempDir()
	sameName := filepath.Join(certDir, "a", "server.pem")
	otherName := filepath.Join(certDir, "b", "server.pem")
	for _, p := range []string{sameName, otherName} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name     string
		releases []string // empty: every release that has the variable
		set      map[string]string
		unset    []string
		want     string // the variable named in the refusal
	}{
		{name: "CR", set: map[string]string{"EMAIL_FROM": "a\rb"}, want: "EMAIL_FROM"},
		{name: "LF", set: map[string]string{"HARBOR_ADMIN_PASSWORD": "a\nb"}, want: "HARBOR_ADMIN_PASSWORD"},
		{name: "NUL", set: map[string]string{"LDAP_BASEDN": "a\x00b"}, want: "LDAP_BASEDN"},
		{name: "leading blank", set: map[string]string{"EMAIL_USERNAME": " admin"}, want: "EMAIL_USERNAME"},
		{name: "trailing blank", set: map[string]string{"EMAIL_PASSWORD": "secret "}, want: "EMAIL_PASSWORD"},
		{name: "trailing tab", set: map[string]string{"EMAIL_IDENTITY": "id\t"}, want: "EMAIL_IDENTITY"},
		{name: "NBSP at the end", set: map[string]string{"LDAP_FILTER": "(cn=*)\u00a0"}, want: "LDAP_FILTER"},
		{name: "Mongolian vowel separator at the end (a space to Python 2.7)", set: map[string]string{"EMAIL_IDENTITY": "id\u180e"}, want: "EMAIL_IDENTITY"},
		{name: "ideographic space at the start", set: map[string]string{"EMAIL_FROM": "\u3000a"}, want: "EMAIL_FROM"},
		{name: "exactly two double quotes", set: map[string]string{"EMAIL_PASSWORD": `""`}, want: "EMAIL_PASSWORD"},
		{name: "blank before the first semicolon", set: map[string]string{"LDAP_BASEDN": "ou=x ;dc=y"}, want: "LDAP_BASEDN"},
		{name: "tab before the first semicolon", set: map[string]string{"EMAIL_FROM": "a\t;b"}, want: "EMAIL_FROM"},
		{name: "line separator", set: map[string]string{"EMAIL_FROM": "a\u2028b"}, want: "EMAIL_FROM"},
		{name: "invalid UTF-8", set: map[string]string{"EMAIL_FROM": "a\xffb"}, want: "EMAIL_FROM"},
		{name: "enum case", set: map[string]string{"PROJECT_CREATION_RESTRICTION": "AdminOnly"}, want: "PROJECT_CREATION_RESTRICTION"},
		{name: "enum value", set: map[string]string{"AUTH_MODE": "uaa_auth"}, want: "AUTH_MODE"},
		{name: "protocol case", set: map[string]string{"UI_URL_PROTOCOL": "HTTPS"}, want: "UI_URL_PROTOCOL"},
		{name: "ldap scope of the old scale", releases: []string{"1.4.0"}, set: map[string]string{"LDAP_SCOPE": "3"}, want: "LDAP_SCOPE"},
		{name: "ldap scope of the new scale", releases: []string{"0.5.0", "1.3.0"}, set: map[string]string{"LDAP_SCOPE": "0"}, want: "LDAP_SCOPE"},
		{name: "boolean", set: map[string]string{"SELF_REGISTRATION": "maybe"}, want: "SELF_REGISTRATION"},
		{name: "non-integer", set: map[string]string{"TOKEN_EXPIRATION": "30m"}, want: "TOKEN_EXPIRATION"},
		{name: "negative integer", set: map[string]string{"MAX_JOB_WORKERS": "-1"}, want: "MAX_JOB_WORKERS"},
		{name: "empty integer", set: map[string]string{"EMAIL_SERVER_PORT": ""}, want: "EMAIL_SERVER_PORT"},
		{name: "out of range", set: map[string]string{"EMAIL_SERVER_PORT": "65536"}, want: "EMAIL_SERVER_PORT"},
		{name: "zero", set: map[string]string{"TOKEN_EXPIRATION": "0"}, want: "TOKEN_EXPIRATION"},
		{name: "rotate size", set: map[string]string{"LOG_ROTATE_SIZE": "200 M"}, want: "LOG_ROTATE_SIZE"},
		{name: "single-label host", set: map[string]string{"HARBORHOSTNAME": "myregistry"}, want: "HARBORHOSTNAME"},
		{name: "host with scheme", set: map[string]string{"HARBORHOSTNAME": "https://registry.example.com"}, want: "HARBORHOSTNAME"},
		{name: "host with path", set: map[string]string{"HARBORHOSTNAME": "registry.example.com/harbor"}, want: "HARBORHOSTNAME"},
		{name: "host with :80", set: map[string]string{"HARBORHOSTNAME": "registry.example.com:80"}, want: "HARBORHOSTNAME"},
		{name: "host with bad port", set: map[string]string{"HARBORHOSTNAME": "registry.example.com:99999"}, want: "HARBORHOSTNAME"},
		{name: "host with empty port", set: map[string]string{"HARBORHOSTNAME": "registry.example.com:"}, want: "HARBORHOSTNAME"},
		{name: "host with blank", set: map[string]string{"HARBORHOSTNAME": "registry example.com"}, want: "HARBORHOSTNAME"},
		{name: "host with hash", set: map[string]string{"HARBORHOSTNAME": "registry.example.com#x"}, want: "HARBORHOSTNAME"},
		{name: "empty host", set: map[string]string{"HARBORHOSTNAME": ""}, want: "HARBORHOSTNAME"},
		{name: "DB password with quote", set: map[string]string{"DB_PASSWORD": "it's-a-pass"}, want: "DB_PASSWORD"},
		{name: "DB password with blank", set: map[string]string{"DB_PASSWORD": "two words1"}, want: "DB_PASSWORD"},
		{name: "DB password with backslash", set: map[string]string{"DB_PASSWORD": `back\slash1`}, want: "DB_PASSWORD"},
		{name: "DB password with star", set: map[string]string{"DB_PASSWORD": "glob*pass1"}, want: "DB_PASSWORD"},
		{name: "DB password with dollar", set: map[string]string{"DB_PASSWORD": "pa$$word1"}, want: "DB_PASSWORD"},
		{name: "DB password non-ASCII", set: map[string]string{"DB_PASSWORD": "passwörd1"}, want: "DB_PASSWORD"},
		{name: "DB password short", set: map[string]string{"DB_PASSWORD": "Sh0rt"}, want: "DB_PASSWORD"},
		{name: "certificate subject with slash", releases: []string{"0.5.0"}, set: map[string]string{"CRT_ORGANIZATION": "Acme/Labs"}, want: "CRT_ORGANIZATION"},
		{name: "server with blank", set: map[string]string{"EMAIL_SERVER": "smtp example.com"}, want: "EMAIL_SERVER"},
		{name: "VERIFY_REMOTE_CERT on 1.3.0", releases: []string{"1.3.0"}, set: map[string]string{"VERIFY_REMOTE_CERT": "on"}, want: "VERIFY_REMOTE_CERT"},
		{name: "EMAIL_INSECURE on 1.2.2", releases: []string{"1.2.2"}, set: map[string]string{"EMAIL_INSECURE": "false"}, want: "EMAIL_INSECURE"},
		{name: "LDAP_TIMEOUT on 0.5.0", releases: []string{"0.5.0"}, set: map[string]string{"LDAP_TIMEOUT": "5"}, want: "LDAP_TIMEOUT"},
		{name: "missing HARBORHOSTNAME", unset: []string{"HARBORHOSTNAME"}, want: "HARBORHOSTNAME"},
		{name: "missing HARBOR_ADMIN_PASSWORD", unset: []string{"HARBOR_ADMIN_PASSWORD"}, want: "HARBOR_ADMIN_PASSWORD"},
		{name: "empty HARBOR_ADMIN_PASSWORD", set: map[string]string{"HARBOR_ADMIN_PASSWORD": ""}, want: "HARBOR_ADMIN_PASSWORD"},
		{name: "missing DB_PASSWORD", unset: []string{"DB_PASSWORD"}, want: "DB_PASSWORD"},
		{name: "relative certificate", set: map[string]string{"UI_URL_PROTOCOL": "https", "SSL_CERT": "cert/server.crt"}, want: "SSL_CERT"},
		{name: "certificate name breaking nginx", set: map[string]string{"UI_URL_PROTOCOL": "https", "SSL_CERT_KEY": "/data/cert/my server.key"}, want: "SSL_CERT_KEY"},
		{name: "certificate and key with the same file name", set: map[string]string{"UI_URL_PROTOCOL": "https", "SSL_CERT": sameName, "SSL_CERT_KEY": otherName}, want: "SSL_CERT_KEY"},
	}
	for _, c := range cases {
		for _, v := range harborsetup.Versions() {
			r := release(t, v)
			if len(c.releases) > 0 && !contains(c.releases, v) {
				continue
			}
			if s := harborsetup.SettingByEnv(c.want); s == nil {
				t.Fatalf("%s: no setting %s", c.name, c.want)
			} else if len(c.releases) == 0 && !s.Has(r) {
				continue
			}
			env := validEnv()
			for k, val := range c.set {
				env[k] = val
			}
			for _, k := range c.unset {
				delete(env, k)
			}
			_, err := harborsetup.Resolve(r, environ(env))
			if err == nil {
				t.Errorf("%s on %s: accepted", c.name, v)
				continue
			}
			var ps harborsetup.Problems
			if !errors.As(err, &ps) {
				t.Errorf("%s on %s: %T is not Problems: %v", c.name, v, err, err)
				continue
			}
			if len(ps) != 1 || ps[0].Env != c.want || !strings.HasPrefix(err.Error(), "1 setting(s) refused") || !strings.Contains(err.Error(), c.want+": ") {
				t.Errorf("%s on %s: want one refusal naming %s, got %v", c.name, v, c.want, err)
			}
			// Secrets are never printed back.
			if s := harborsetup.SettingByEnv(c.want); s.Kind == harborsetup.Secret {
				for _, val := range c.set {
					if len(val) > 2 && strings.Contains(err.Error(), val) {
						t.Errorf("%s on %s: the message shows the secret value: %v", c.name, v, err)
					}
				}
			}
		}
	}
}

// The https checks that need the files: Run refuses certificate paths
// that are not files in the wrapper container.
func TestRunRefusesMissingCertificate(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		env := validEnv()
		env["UI_URL_PROTOCOL"] = "https"
		env["SSL_CERT"] = "/data/cert/missing.crt"
		root := t.TempDir()
		err := harborsetup.Run(t.Context(), harborsetup.Options{
			Release: release(t, v), Installer: t.TempDir(), Root: root, Python: "python-not-needed",
			Loader: "loader-not-needed", Environ: environ(env),
		})
		var ps harborsetup.Problems
		if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Env != "SSL_CERT" || !strings.Contains(err.Error(), "missing.crt") {
			t.Errorf("%s: want a refusal of SSL_CERT naming the file, got %v", v, err)
		}
	}
}

// Values that are hostile to shells and parsers but representable are
// accepted as written.
func TestResolveAcceptsHostileText(t *testing.T) {
	for _, v := range harborsetup.Versions() {
		r := release(t, v)
		env := validEnv()
		want := map[string]string{
			"HARBOR_ADMIN_PASSWORD": `p a$s${x}$$w%(y)s%% 'q' "d" #h;x ;y /\&=:<> é 漢 😀` + "\tend",
			"EMAIL_FROM":            "Harbor <harbor@example.com>",
			"LDAP_BASEDN":           "ou=x;dc=y ;tail",
			"EMAIL_PASSWORD":        `''`,
		}
		for k, val := range want {
			env[k] = val
		}
		env["HARBORHOSTNAME"] = "[::1]:8443"
		a, err := harborsetup.Resolve(r, environ(env))
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		for k, val := range want {
			if got := a[harborsetup.SettingByEnv(k).Key]; got != val {
				t.Errorf("%s: %s = %q, want %q", v, k, got, val)
			}
		}
		for _, host := range []string{"10.0.0.1", "localhost", "registry:5000", "registry.example.com:8080", "a-b.example.org"} {
			env["HARBORHOSTNAME"] = host
			if _, err := harborsetup.Resolve(r, environ(env)); err != nil {
				t.Errorf("%s: host %s refused: %v", v, host, err)
			}
		}
	}
}
