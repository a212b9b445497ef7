package harborsetup

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var tlsNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

type testCert struct {
	cert *x509.Certificate
	key  crypto.Signer
	pem  []byte
}

// issue makes a certificate; parent nil means self-signed.
func issue(t *testing.T, tmpl *x509.Certificate, key crypto.Signer, parent *testCert) testCert {
	t.Helper()
	if tmpl.SerialNumber == nil {
		tmpl.SerialNumber = big.NewInt(time.Now().UnixNano())
	}
	signerCert, signerKey := tmpl, key
	if parent != nil {
		signerCert, signerKey = parent.cert, parent.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signerCert, key.Public(), signerKey)
	require.NoError(t, err)
	c, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return testCert{c, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

func rsaKey(t *testing.T) *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	return k
}

func ecKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	return k
}

func keyPEM(t *testing.T, k crypto.Signer, pkcs8 bool) []byte {
	if pkcs8 {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		require.NoError(t, err)
		return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	}
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)})
	case *ecdsa.PrivateKey:
		der, err := x509.MarshalECPrivateKey(k)
		require.NoError(t, err)
		return pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der})
	}
	t.Fatalf("key %T", k)
	return nil
}

func leafTemplate(names ...string) *x509.Certificate {
	c := &x509.Certificate{
		Subject:     pkix.Name{CommonName: names[0]},
		NotBefore:   tlsNow.Add(-24 * time.Hour),
		NotAfter:    tlsNow.Add(90 * 24 * time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			c.IPAddresses = append(c.IPAddresses, ip)
		} else {
			c.DNSNames = append(c.DNSNames, n)
		}
	}
	return c
}

func caTemplate(name string) *x509.Certificate {
	return &x509.Certificate{
		Subject: pkix.Name{CommonName: name}, IsCA: true, BasicConstraintsValid: true,
		NotBefore: tlsNow.Add(-48 * time.Hour), NotAfter: tlsNow.Add(365 * 24 * time.Hour),
		KeyUsage: x509.KeyUsageCertSign,
	}
}

func TestCheckCertificate(t *testing.T) {
	rk, ek := rsaKey(t), ecKey(t)
	root := issue(t, caTemplate("Test Root"), rsaKey(t), nil)
	inter := issue(t, caTemplate("Test Intermediate"), ecKey(t), &root)
	chained := issue(t, leafTemplate("registry.example.com"), rk, &inter)
	rsaLeaf := issue(t, leafTemplate("registry.example.com"), rk, nil)
	ecLeaf := issue(t, leafTemplate("registry.example.com"), ek, nil)
	ipLeaf := issue(t, leafTemplate("10.0.0.7"), rk, nil)
	cnOnly := leafTemplate("registry.example.com")
	cnOnly.DNSNames = nil
	cnLeaf := issue(t, cnOnly, rk, nil)
	expiredT := leafTemplate("registry.example.com")
	expiredT.NotAfter = tlsNow.Add(-time.Hour)
	expired := issue(t, expiredT, rk, nil)
	futureT := leafTemplate("registry.example.com")
	futureT.NotBefore = tlsNow.Add(time.Hour)
	future := issue(t, futureT, rk, nil)
	wildcard := issue(t, leafTemplate("*.example.com"), rk, nil)

	join := func(parts ...[]byte) []byte {
		return []byte(strings.Join(func() []string {
			var s []string
			for _, p := range parts {
				s = append(s, string(p))
			}
			return s
		}(), ""))
	}

	for _, c := range []struct {
		name      string
		cert, key []byte
		host      string
		want      string // "" for valid, else part of the error
	}{
		{"RSA, PKCS#1 key", rsaLeaf.pem, keyPEM(t, rk, false), "registry.example.com", ""},
		{"RSA, PKCS#8 key", rsaLeaf.pem, keyPEM(t, rk, true), "registry.example.com", ""},
		{"EC key", ecLeaf.pem, keyPEM(t, ek, false), "registry.example.com", ""},
		{"chain in order", join(chained.pem, inter.pem, root.pem), keyPEM(t, rk, false), "registry.example.com", ""},
		{"chain without its root", join(chained.pem, inter.pem), keyPEM(t, rk, false), "registry.example.com", ""},
		{"IP SAN", ipLeaf.pem, keyPEM(t, rk, false), "10.0.0.7", ""},
		{"CN without SAN", cnLeaf.pem, keyPEM(t, rk, false), "registry.example.com", ""},
		{"wildcard", wildcard.pem, keyPEM(t, rk, false), "registry.example.com", ""},
		{"chain out of order", join(chained.pem, root.pem, inter.pem), keyPEM(t, rk, false), "registry.example.com", "was not issued by certificate 2"},
		{"expired", expired.pem, keyPEM(t, rk, false), "registry.example.com", "expired on"},
		{"not yet valid", future.pem, keyPEM(t, rk, false), "registry.example.com", "not valid before"},
		{"wrong host", rsaLeaf.pem, keyPEM(t, rk, false), "other.example.com", "not other.example.com"},
		{"wrong IP", ipLeaf.pem, keyPEM(t, rk, false), "10.0.0.8", "not 10.0.0.8"},
		{"key of another certificate", rsaLeaf.pem, keyPEM(t, rsaKey(t), false), "registry.example.com", "does not belong"},
		{"EC key for an RSA certificate", rsaLeaf.pem, keyPEM(t, ek, false), "registry.example.com", "does not belong"},
		{"key given as certificate", keyPEM(t, rk, false), keyPEM(t, rk, false), "registry.example.com", "RSA PRIVATE KEY"},
		{"certificate given as key", rsaLeaf.pem, rsaLeaf.pem, "registry.example.com", "not a private key"},
		{"not PEM", []byte("hello"), keyPEM(t, rk, false), "registry.example.com", "not PEM"},
		{"encrypted key", rsaLeaf.pem, pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: []byte{1}}), "registry.example.com", "encrypted"},
		{"garbage after the chain", join(rsaLeaf.pem, []byte("trailing")), keyPEM(t, rk, false), "registry.example.com", "after its last PEM block"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckCertificate(c.cert, c.key, c.host, tlsNow)
			if c.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// TestRunRefusesBadCertificates: a bad certificate stops the run before
// anything is written or started.
func TestRunRefusesBadCertificates(t *testing.T) {
	rk := rsaKey(t)
	leaf := issue(t, leafTemplate("registry.example.com"), rk, nil)
	r, err := Lookup("1.2.2")
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		env  []string
		want string
	}{
		{"wrong host", []string{"HARBORHOSTNAME=other.example.com", "UI_URL_PROTOCOL=https", CertPEMEnv + "=" + string(leaf.pem), KeyPEMEnv + "=" + string(keyPEM(t, rk, false))}, "not other.example.com"},
		{"key missing", []string{"HARBORHOSTNAME=registry.example.com", "UI_URL_PROTOCOL=https", CertPEMEnv + "=" + string(leaf.pem)}, "needs both"},
		{"certificate without https", []string{"HARBORHOSTNAME=registry.example.com", CertPEMEnv + "=" + string(leaf.pem), KeyPEMEnv + "=" + string(keyPEM(t, rk, false))}, "not https"},
		{"TLS at both ends", []string{"HARBORHOSTNAME=registry.example.com", "UI_URL_PROTOCOL=https", ExternalTLSEnv + "=true"}, "not both"},
		{"https without any certificate", []string{"HARBORHOSTNAME=registry.example.com", "UI_URL_PROTOCOL=https"}, "is not a file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			env := append([]string{"HARBOR_ADMIN_PASSWORD=x", "DB_PASSWORD=db-password-1"}, c.env...)
			err := Run(t.Context(), Options{Release: r, Installer: t.TempDir(), Root: root, Python: "python3", Loader: "/nonexistent", Environ: env, Now: func() time.Time { return tlsNow }})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var written []string
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					written = append(written, p)
				}
				return nil
			})
			assert.Empty(t, written, "nothing is written")
		})
	}
}

// TestIngressTLSRewrite: behind an ingress that ends TLS, every external
// URL prepare wrote says https and nginx forwards https as the scheme;
// internal URLs and look-alike hosts stay as they were.
func TestIngressTLSRewrite(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"adminserver/env":     "EXT_ENDPOINT=http://reg.example.com:8080\nREGISTRY_URL=http://registry:5000\n",
		"ui/env":              "EXT_ENDPOINT=http://reg.example.com:8080\nTOKEN_ENDPOINT=http://ui\n",
		"registry/config.yml": "auth:\n  token:\n    realm: http://reg.example.com:8080/service/token\nnotifications:\n  url: http://ui/service/notifications\n",
		"nginx/nginx.conf":    "location / {\n      proxy_set_header X-Forwarded-Proto $scheme;\n      proxy_pass http://ui/;\n}\n",
		"other/env":           "EXT_ENDPOINT=http://reg.example.com:80800\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	require.NoError(t, rewriteForIngressTLS(dir, "reg.example.com:8080"))
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		require.NoError(t, err)
		return string(b)
	}
	assert.Equal(t, "EXT_ENDPOINT=https://reg.example.com:8080\nREGISTRY_URL=http://registry:5000\n", read("adminserver/env"))
	assert.Equal(t, "EXT_ENDPOINT=https://reg.example.com:8080\nTOKEN_ENDPOINT=http://ui\n", read("ui/env"))
	assert.Contains(t, read("registry/config.yml"), "realm: https://reg.example.com:8080/service/token")
	assert.Contains(t, read("registry/config.yml"), "url: http://ui/service/notifications")
	assert.Contains(t, read("nginx/nginx.conf"), "X-Forwarded-Proto https;")
	assert.Contains(t, read("nginx/nginx.conf"), "proxy_pass http://ui/;")
	assert.Equal(t, files["other/env"], read("other/env"), "another host's URL is left alone")
}
