package harborsetup

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Variables of the wrapper that are not harbor.cfg keys.
const (
	// CertPEMEnv and KeyPEMEnv carry the certificate (leaf first, then its
	// intermediates) and its private key as PEM text, for Harbor's own proxy
	// to serve https. The wrapper writes them where ssl_cert and
	// ssl_cert_key point.
	CertPEMEnv = "SSL_CERT_PEM"
	KeyPEMEnv  = "SSL_CERT_KEY_PEM"
	// ExternalTLSEnv says that an ingress in front of Harbor (a load
	// balancer, Traefik) terminates TLS: Harbor's proxy speaks http, and
	// Harbor's external URL, token realm and forwarded scheme say https.
	ExternalTLSEnv = "EXTERNAL_TLS"
)

// WrapperVariables are the wrapper's variables beyond the settings table.
var WrapperVariables = []string{CertPEMEnv, KeyPEMEnv, ExternalTLSEnv}

// tlsInput is what the TLS variables ask for.
type tlsInput struct {
	cert, key []byte // PEM, when given inline
	external  bool
}

func resolveTLS(environ []string, a Answers) (tlsInput, error) {
	var in tlsInput
	var problems Problems
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case CertPEMEnv:
			in.cert = []byte(v)
		case KeyPEMEnv:
			in.key = []byte(v)
		case ExternalTLSEnv:
			b, ok := parseBool(v)
			if !ok && v != "" {
				problems = append(problems, Problem{Env: k, Message: fmt.Sprintf("%q is not true or false", v)})
			}
			in.external = b
		}
	}
	https := a["ui_url_protocol"] == "https"
	inline := len(bytes.TrimSpace(in.cert)) > 0 || len(bytes.TrimSpace(in.key)) > 0
	switch {
	case inline && !https:
		problems = append(problems, Problem{Env: CertPEMEnv, Message: "a certificate is given but UI_URL_PROTOCOL is not https; set it to https, or leave the certificate out"})
	case https && inline && (len(bytes.TrimSpace(in.cert)) == 0 || len(bytes.TrimSpace(in.key)) == 0):
		problems = append(problems, Problem{Env: KeyPEMEnv, Message: "https needs both the certificate (" + CertPEMEnv + ") and its private key (" + KeyPEMEnv + ")"})
	case in.external && https:
		problems = append(problems, Problem{Env: ExternalTLSEnv, Message: "TLS ends either at the ingress (EXTERNAL_TLS=true, UI_URL_PROTOCOL=http) or at Harbor's proxy (UI_URL_PROTOCOL=https), not both"})
	}
	if len(problems) > 0 {
		return in, problems
	}
	return in, nil
}

// CheckCertificate checks a PEM certificate chain and private key before
// anything starts: both parse, the key is the certificate's, the
// certificate is valid at now and names host (a DNS name or IP SAN, or the
// CN when there is no SAN), and each further certificate issued the one
// before it.
func CheckCertificate(certPEM, keyPEM []byte, host string, now time.Time) error {
	var chain []*x509.Certificate
	rest := certPEM
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return fmt.Errorf("the certificate holds a %q block; give only CERTIFICATE blocks, the server's first", block.Type)
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return fmt.Errorf("certificate %d does not parse: %v", len(chain)+1, err)
		}
		chain = append(chain, c)
	}
	if len(chain) == 0 {
		return errors.New("the certificate is not PEM (expected -----BEGIN CERTIFICATE-----)")
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return errors.New("the certificate has text after its last PEM block")
	}
	key, err := parsePrivateKey(keyPEM)
	if err != nil {
		return err
	}
	leaf := chain[0]
	if !samePublicKey(leaf.PublicKey, key.Public()) {
		return fmt.Errorf("the private key does not belong to the certificate for %s", describe(leaf))
	}
	if now.Before(leaf.NotBefore) {
		return fmt.Errorf("the certificate for %s is not valid before %s", describe(leaf), leaf.NotBefore.UTC().Format(time.RFC3339))
	}
	if now.After(leaf.NotAfter) {
		return fmt.Errorf("the certificate for %s expired on %s", describe(leaf), leaf.NotAfter.UTC().Format(time.RFC3339))
	}
	if err := verifyHost(leaf, host); err != nil {
		return err
	}
	for i := 1; i < len(chain); i++ {
		if err := chain[i-1].CheckSignatureFrom(chain[i]); err != nil {
			return fmt.Errorf("certificate %d (%s) was not issued by certificate %d (%s): put the chain in order, server first, each followed by its issuer", i, describe(chain[i-1]), i+1, describe(chain[i]))
		}
		if now.After(chain[i].NotAfter) {
			return fmt.Errorf("certificate %d of the chain (%s) expired on %s", i+1, describe(chain[i]), chain[i].NotAfter.UTC().Format(time.RFC3339))
		}
	}
	return nil
}

func describe(c *x509.Certificate) string {
	if len(c.DNSNames) > 0 {
		return strings.Join(c.DNSNames, ", ")
	}
	if len(c.IPAddresses) > 0 {
		return c.IPAddresses[0].String()
	}
	if c.Subject.CommonName != "" {
		return c.Subject.CommonName
	}
	return c.Subject.String()
}

// verifyHost accepts a DNS name or IP SAN, or the CN of a certificate
// without SANs (what the Docker clients of Harbor's time accepted).
func verifyHost(c *x509.Certificate, host string) error {
	if len(c.DNSNames) > 0 || len(c.IPAddresses) > 0 {
		if err := c.VerifyHostname(host); err != nil {
			return fmt.Errorf("the certificate names %s, not %s (Harbor's host name)", describe(c), host)
		}
		return nil
	}
	if strings.EqualFold(c.Subject.CommonName, host) || net.ParseIP(host) != nil && net.ParseIP(host).Equal(net.ParseIP(c.Subject.CommonName)) {
		return nil
	}
	return fmt.Errorf("the certificate names %q, not %s (Harbor's host name)", c.Subject.CommonName, host)
}

func parsePrivateKey(keyPEM []byte) (crypto.Signer, error) {
	block, rest := pem.Decode(keyPEM)
	if block == nil {
		return nil, errors.New("the private key is not PEM (expected -----BEGIN ... PRIVATE KEY-----)")
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("the private key has text after its PEM block; give the key alone")
	}
	if strings.Contains(block.Type, "ENCRYPTED") || block.Headers["Proc-Type"] != "" {
		return nil, errors.New("the private key is encrypted; nginx needs it without a passphrase")
	}
	var key any
	var err error
	switch block.Type {
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	default:
		return nil, fmt.Errorf("the private key is a %q block, not a private key", block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("the private key does not parse: %v", err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("a %T private key cannot serve TLS", key)
	}
	return signer, nil
}

func samePublicKey(a, b crypto.PublicKey) bool {
	switch k := a.(type) {
	case *rsa.PublicKey:
		return k.Equal(b)
	case *ecdsa.PublicKey:
		return k.Equal(b)
	case ed25519.PublicKey:
		return k.Equal(b)
	}
	return false
}

// writeTLSFiles writes inline PEMs where harbor.cfg's ssl_cert and
// ssl_cert_key point (the key readable by the wrapper only).
func writeTLSFiles(in tlsInput, a Answers) error {
	if len(in.cert) == 0 {
		return nil
	}
	if err := writeFileAtomic(a["ssl_cert"], normalizePEM(in.cert), 0o644); err != nil {
		return err
	}
	return writeFileAtomic(a["ssl_cert_key"], normalizePEM(in.key), 0o600)
}

// normalizePEM ends the text with one newline; a multi-line answer may
// arrive with CR LF line ends.
func normalizePEM(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return append(bytes.TrimRight(b, "\n"), '\n')
}

// checkTLSFiles validates the certificate and key prepare will copy.
func checkTLSFiles(a Answers, now time.Time) error {
	cert, err := os.ReadFile(a["ssl_cert"])
	if err != nil {
		return Problems{{Env: "SSL_CERT", Message: err.Error()}}
	}
	key, err := os.ReadFile(a["ssl_cert_key"])
	if err != nil {
		return Problems{{Env: "SSL_CERT_KEY", Message: err.Error()}}
	}
	if err := CheckCertificate(cert, key, hostOnly(a["hostname"]), now); err != nil {
		return Problems{{Env: CertPEMEnv, Message: err.Error()}}
	}
	return nil
}

func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return strings.Trim(hostport, "[]")
}

// externalTLS rewrites prepare's http output for an ingress that ends TLS:
// the external URL and the token realm become https, and nginx forwards the
// scheme clients used (https) instead of its own ($scheme, http).
func rewriteForIngressTLS(generated, hostname string) error {
	from, to := "http://"+hostname, "https://"+hostname
	return filepath.WalkDir(generated, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines := strings.SplitAfter(string(b), "\n")
		changed := false
		for i, line := range lines {
			trimmed := strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(trimmed, "EXT_ENDPOINT="), strings.HasPrefix(trimmed, "realm:"), strings.Contains(trimmed, `"realm"`):
				if n := replaceURL(line, from, to); n != line {
					lines[i], changed = n, true
				}
			case strings.HasPrefix(trimmed, "proxy_set_header X-Forwarded-Proto $scheme;"):
				lines[i], changed = strings.Replace(line, "$scheme", "https", 1), true
			}
		}
		if !changed {
			return nil
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		return writeFileAtomic(p, []byte(strings.Join(lines, "")), st.Mode().Perm())
	})
}

// replaceURL replaces from with to where from is a whole URL prefix (followed
// by the end, a slash, a quote or a blank), so http://a.b does not match
// http://a.bc.
func replaceURL(line, from, to string) string {
	var out strings.Builder
	for {
		i := strings.Index(line, from)
		if i < 0 {
			out.WriteString(line)
			return out.String()
		}
		end := i + len(from)
		if end == len(line) || strings.ContainsRune("/\"' \t\r\n", rune(line[end])) {
			out.WriteString(line[:i] + to)
		} else {
			out.WriteString(line[:end])
		}
		line = line[end:]
	}
}
