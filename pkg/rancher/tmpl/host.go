package tmpl

import (
	"encoding/base64"
	"os"
	"strings"
	"text/template"
	"time"
)

// HostFunctions are the functions of Rancher's executor whose result
// depends on the machine that renders rather than on the template and its
// answers, keyed by name, with what they read. On a Rancher server they read
// the server's environment, its clock and randomness, or query its DNS; in
// catalogen they must read nothing, since lint renders untrusted pull
// requests in CI jobs that hold secrets. SafeFuncMap replaces them.
var HostFunctions = map[string]string{
	"env":                      "the environment",
	"expandenv":                "the environment",
	"getHostByName":            "the network (a DNS query)",
	"now":                      "the clock",
	"ago":                      "the clock",
	"date_in_zone":             "the clock and the time zone database",
	"dateInZone":               "the clock and the time zone database",
	"htmlDateInZone":           "the clock and the time zone database",
	"randAlphaNum":             "randomness",
	"randAlpha":                "randomness",
	"randAscii":                "randomness",
	"randNumeric":              "randomness",
	"randBytes":                "randomness",
	"randInt":                  "randomness",
	"shuffle":                  "randomness",
	"uuidv4":                   "randomness",
	"bcrypt":                   "randomness (a random salt)",
	"htpasswd":                 "randomness (a random salt)",
	"encryptAES":               "randomness (a random IV)",
	"genPrivateKey":            "randomness",
	"genCA":                    "randomness",
	"genCAWithKey":             "randomness",
	"genSelfSignedCert":        "randomness",
	"genSelfSignedCertWithKey": "randomness",
	"genSignedCert":            "randomness",
	"genSignedCertWithKey":     "randomness",
}

// fixedTime is what `now` returns when rendering for lint: any fixed
// instant keeps output repeatable.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const stubKey = "-----BEGIN RSA PRIVATE KEY-----\ncatalogen renders no real key\n-----END RSA PRIVATE KEY-----\n"

type stubCert struct{ Cert, Key string }

var stubCertificate = stubCert{
	Cert: "-----BEGIN CERTIFICATE-----\ncatalogen renders no real certificate\n-----END CERTIFICATE-----\n",
	Key:  stubKey,
}

// SafeFuncMap is FuncMap with every host function replaced by a stub of
// the same signature that reads nothing and returns the same value every
// time: `env` and `getHostByName` an empty string, `now` a fixed date,
// the random functions fixed text of the requested length. Templates
// using them still parse, as they do in Rancher; T008 reports them.
func SafeFuncMap() template.FuncMap {
	m := FuncMap()
	fixed := func(n int) string {
		if n < 0 || n > MaxRepeat {
			n = 0
		}
		return strings.Repeat("x", n)
	}
	stubs := map[string]any{
		"env":            func(string) string { return "" },
		"expandenv":      func(s string) string { return os.Expand(s, func(string) string { return "" }) },
		"getHostByName":  func(string) string { return "" },
		"now":            func() time.Time { return fixedTime },
		"ago":            func(any) string { return "0s" },
		"date_in_zone":   func(f string, _ any, _ string) string { return fixedTime.Format(f) },
		"dateInZone":     func(f string, _ any, _ string) string { return fixedTime.Format(f) },
		"htmlDateInZone": func(any, string) string { return fixedTime.Format("2006-01-02") },
		"randAlphaNum":   fixed,
		"randAlpha":      fixed,
		"randAscii":      fixed,
		"randNumeric": func(n int) string {
			return strings.ReplaceAll(fixed(n), "x", "0")
		},
		"randBytes": func(n int) (string, error) {
			if n < 0 || n > MaxRepeat {
				n = 0
			}
			return base64.StdEncoding.EncodeToString(make([]byte, n)), nil
		},
		"randInt":                  func(lo, _ int) int { return lo },
		"shuffle":                  func(s string) string { return s },
		"uuidv4":                   func() string { return "00000000-0000-4000-8000-000000000000" },
		"bcrypt":                   func(string) string { return "$2a$10$" + strings.Repeat("x", 53) },
		"htpasswd":                 func(user, _ string) string { return user + ":$2a$10$" + strings.Repeat("x", 53) },
		"encryptAES":               func(_, text string) (string, error) { return base64.StdEncoding.EncodeToString([]byte(text)), nil },
		"genPrivateKey":            func(string) string { return stubKey },
		"genCA":                    func(string, int) (stubCert, error) { return stubCertificate, nil },
		"genCAWithKey":             func(string, int, string) (stubCert, error) { return stubCertificate, nil },
		"genSelfSignedCert":        func(string, []any, []any, int) (stubCert, error) { return stubCertificate, nil },
		"genSelfSignedCertWithKey": func(string, []any, []any, int, string) (stubCert, error) { return stubCertificate, nil },
		"genSignedCert":            func(string, []any, []any, int, stubCert) (stubCert, error) { return stubCertificate, nil },
		"genSignedCertWithKey":     func(string, []any, []any, int, stubCert, string) (stubCert, error) { return stubCertificate, nil },
	}
	for name := range HostFunctions {
		if _, ok := m[name]; ok {
			m[name] = stubs[name]
		}
	}
	return m
}

// DeterministicFuncMap is sprig's hermetic map without the host functions
// that the hermetic map keeps (random keys and certificates, bcrypt,
// shuffle, randInt): what build renders blueprint templates with, so that
// the same inputs always give the same bytes.
func DeterministicFuncMap() template.FuncMap {
	m := HermeticFuncMap()
	for name := range HostFunctions {
		delete(m, name)
	}
	return m
}
