package harborsetup

import (
	"errors"
	"fmt"
	"net"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one refused setting.
type Problem struct {
	Env     string
	Message string
}

func (p Problem) Error() string { return p.Env + ": " + p.Message }

// Problems is every refused setting of one run.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d setting(s) refused:", len(ps))
	for _, p := range ps {
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Answers are the values to write into harbor.cfg, by key.
type Answers map[string]string

// Resolve reads the settings of release r from environ (KEY=VALUE strings,
// as os.Environ returns them), checks every value, and returns the harbor.cfg
// values by key. Unset variables take the setting's default; a variable the
// release does not have is refused, so a catalog never passes a setting that
// silently does nothing.
func Resolve(r *Release, environ []string) (Answers, error) {
	env := map[string]string{}
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	var problems Problems
	add := func(s *Setting, format string, args ...any) {
		problems = append(problems, Problem{Env: s.Env, Message: fmt.Sprintf(format, args...)})
	}
	out := Answers{}
	for _, s := range Settings {
		if s.Env == "" {
			continue
		}
		v, set := env[s.Env]
		if !s.Has(r) {
			if set {
				add(s, "Harbor %s has no %s setting (releases: %s); remove the variable", r.Version, s.Key, s.Releases())
			}
			continue
		}
		if !set {
			if s.Required {
				add(s, "required (%s); %s", s.AllowedText(r), s.Doc)
			}
			continue
		}
		norm, err := checkValue(r, s, v)
		if err != nil {
			add(s, "%v", err)
			continue
		}
		out[s.Key] = norm
	}
	for _, s := range SettingsFor(r) {
		if _, ok := out[s.Key]; ok || s.Required {
			continue
		}
		if s.Optional {
			continue
		}
		out[s.Key] = s.DefaultValue(r)
	}
	// prepare reads ldap_search_pwd whenever ldap_searchdn is present.
	if _, ok := out["ldap_searchdn"]; ok {
		if _, ok := out["ldap_search_pwd"]; !ok {
			out["ldap_search_pwd"] = ""
		}
	}
	if out["ui_url_protocol"] == "https" {
		cert, key := out["ssl_cert"], out["ssl_cert_key"]
		if path.Base(cert) == path.Base(key) {
			problems = append(problems, Problem{Env: "SSL_CERT_KEY", Message: fmt.Sprintf(
				"has the same file name as SSL_CERT (%s): prepare copies both into one folder by name, so the key would overwrite the certificate", path.Base(key))})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return out, nil
}

// checkValue checks one value for its setting and returns it in the form
// harbor.cfg needs (booleans in the release's spelling).
func checkValue(r *Release, s *Setting, v string) (string, error) {
	if err := representable(r, v); err != nil {
		return "", err
	}
	switch s.Kind {
	case Int:
		if !regexp.MustCompile(`^[0-9]{1,18}$`).MatchString(v) {
			return "", fmt.Errorf("%q is not %s", v, s.AllowedText(r))
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		if n < s.Min || n > s.Max {
			return "", fmt.Errorf("%s is out of range: %s", v, s.AllowedText(r))
		}
		v = strconv.FormatInt(n, 10)
	case Bool:
		b, ok := parseBool(v)
		if !ok {
			return "", fmt.Errorf("%q is not %s", v, s.AllowedText(r))
		}
		sp := s.AllowedValues(r)
		v = map[bool]string{true: sp[0], false: sp[1]}[b]
	case Enum:
		if s.Aliases != nil {
			if a, ok := s.Aliases(r)[v]; ok {
				v = a
			}
		}
		if err := checkEnum(s.AllowedValues(r), v); err != nil {
			return "", fmt.Errorf("%w; allowed: %s", err, strings.Join(s.AllowedValues(r), ", "))
		}
	case Secret, Text, Hostname, FilePath:
		if s.Required && v == "" {
			return "", errors.New("must not be empty")
		}
	}
	if s.Check != nil {
		if err := s.Check(r, v); err != nil {
			return "", err
		}
	}
	return v, nil
}

func checkEnum(allowed []string, v string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	for _, a := range allowed {
		if strings.EqualFold(v, a) {
			return fmt.Errorf("%q must be written exactly %q (prepare compares case-sensitively)", v, a)
		}
	}
	return fmt.Errorf("%q is not allowed", v)
}

func parseBool(v string) (bool, bool) {
	switch strings.ToLower(v) {
	case "true", "on", "yes", "1":
		return true, true
	case "false", "off", "no", "0":
		return false, true
	}
	return false, false
}

// representable refuses what harbor.cfg (Python's RawConfigParser, as
// prepare reads it) or the env files of the consumers cannot carry
// unchanged.
func representable(r *Release, v string) error {
	if !utf8.ValidString(v) {
		return errors.New("is not valid UTF-8")
	}
	for _, c := range v {
		switch {
		case c == '\t':
		case c < 0x20 || c == 0x7f:
			return fmt.Errorf("contains the control character %U; harbor.cfg and env files are line based and cannot carry it", c)
		case c == 0x85 || c == 0x2028 || c == 0x2029:
			return fmt.Errorf("contains the line separator %U, which Docker Compose's env-file reader splits lines at", c)
		}
	}
	if v != "" {
		first, _ := utf8.DecodeRuneInString(v)
		last, _ := utf8.DecodeLastRuneInString(v)
		if pySpace(first) || pySpace(last) {
			return errors.New("starts or ends with a blank, which harbor.cfg cannot keep (Python strips it)")
		}
	}
	if r.python2() {
		if v == `""` {
			return errors.New(`is exactly "", which Python 2's ConfigParser reads as an empty value`)
		}
		if i := strings.IndexByte(v, ';'); i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(v[:i])
			if pySpace(prev) {
				return errors.New(`has a blank before its first ";", where Python 2's ConfigParser cuts the value as a comment`)
			}
		}
	}
	return nil
}

// python2 reports whether the release's prepare may run on Python 2, whose
// parser has more quirks.
func (r *Release) python2() bool {
	for _, p := range r.Pythons {
		if p == 2 {
			return true
		}
	}
	return false
}

// pySpace is Python's str.isspace for one character (what strip removes),
// in Python 2.7 or 3: Python 2.7's Unicode 5.2 still counts U+180E
// (Mongolian vowel separator) as a space.
func pySpace(c rune) bool {
	return unicode.IsSpace(c) || (c >= 0x1c && c <= 0x1f) || c == 0x180e
}

var hostLabel = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// checkHostname accepts what Docker reads as a registry address: a name
// with a dot, an IP address or localhost, each with an optional port. A bare
// name such as "myregistry" makes `docker push myregistry/p/i` go to Docker
// Hub.
func checkHostname(_ *Release, v string) error {
	host, port := v, ""
	if strings.HasPrefix(v, "[") {
		end := strings.IndexByte(v, ']')
		if end < 0 {
			return fmt.Errorf("%q: unclosed [ in an IPv6 address", v)
		}
		host, port = v[1:end], strings.TrimPrefix(v[end+1:], ":")
		if net.ParseIP(host) == nil {
			return fmt.Errorf("%q: %q is not an IPv6 address", v, host)
		}
		if v[end+1:] != "" && !strings.HasPrefix(v[end+1:], ":") {
			return fmt.Errorf("%q: expected :port after ]", v)
		}
	} else if i := strings.LastIndexByte(v, ':'); i >= 0 {
		host, port = v[:i], v[i+1:]
	}
	if strings.Contains(v, "://") || strings.ContainsAny(host, "/ ") {
		return fmt.Errorf("%q must be a bare host name, without scheme or path (for example registry.example.com or registry.example.com:8080)", v)
	}
	if port != "" || strings.HasSuffix(v, ":") {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%q: the port must be a number from 1 to 65535", v)
		}
		if n == 80 {
			return fmt.Errorf("%q: leave out :80; clients use the address without it, and the token realm must match it exactly", v)
		}
	}
	if net.ParseIP(host) != nil || strings.HasPrefix(v, "[") {
		return nil
	}
	labels := strings.Split(host, ".")
	for _, l := range labels {
		if !hostLabel.MatchString(l) {
			return fmt.Errorf("%q is not a valid host name (label %q); use letters, digits and - between dots", v, l)
		}
	}
	if len(labels) == 1 && host != "localhost" && port == "" {
		return fmt.Errorf("%q is a single-label name: Docker would read %s/project/image as an image on Docker Hub; use a name with a dot (a FQDN), an IP address, or add a :port", v, v)
	}
	return nil
}

var dbPassword = regexp.MustCompile(`^[A-Za-z0-9_.:@%+,=/-]+$`)

// checkDBPassword keeps to the characters every release's database image
// passes through unchanged: 0.5.0 and 1.3.0+ put the password between single
// quotes in SQL, 1.1.1–1.2.2 first run bash's printf %q on it unquoted, and
// 1.3.0+ expand it unquoted in the health check.
func checkDBPassword(_ *Release, v string) error {
	if !dbPassword.MatchString(v) {
		return errors.New("may contain only letters, digits and _ . : @ % + , = / - (the database image passes it through a shell; other characters change or break it)")
	}
	if len(v) < 8 {
		return errors.New("is shorter than 8 characters")
	}
	return nil
}

// checkCertPath keeps the file name usable in nginx.conf, where prepare
// writes it unquoted.
func checkCertPath(_ *Release, v string) error {
	if !strings.HasPrefix(v, "/") {
		return fmt.Errorf("%q must be an absolute path", v)
	}
	if strings.ContainsAny(path.Base(v), " \t;{}'\"$#\\") {
		return fmt.Errorf("the file name %q would break nginx.conf (no blanks, ; { } quotes $ # or \\)", path.Base(v))
	}
	return nil
}

// checkSubjectField keeps 0.5.0's certificate subject intact: prepare
// joins the fields with / and drops any part with a second =.
func checkSubjectField(_ *Release, v string) error {
	if strings.ContainsAny(v, "/=") {
		return errors.New("must not contain / or = (prepare builds the certificate subject from /-separated key=value parts)")
	}
	for _, c := range v {
		if c > 0x7e {
			return errors.New("must be ASCII (prepare passes the subject to openssl without -utf8)")
		}
	}
	return nil
}

func checkRotateSize(_ *Release, v string) error {
	if !regexp.MustCompile(`^[0-9]{1,9}[kMG]?$`).MatchString(v) {
		return fmt.Errorf("%q is not a size such as 200M (digits, then k, M or G)", v)
	}
	return nil
}

// checkNoBlank refuses blanks in values that are single tokens for their
// consumer (a server name, an URL, an attribute name).
func checkNoBlank(_ *Release, v string) error {
	if strings.ContainsAny(v, " \t") {
		return fmt.Errorf("%q must not contain blanks", v)
	}
	return nil
}
