package harborsetup

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
)

// fixTokenKey rewrites the token signing key in the traditional format when
// prepare's openssl wrote PKCS#8 (OpenSSL 3's genrsa does): Harbor's ui loads
// it through libtrust, which reads only "RSA PRIVATE KEY" and "EC PRIVATE
// KEY" blocks.
func fixTokenKey(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, changed, err := TraditionalKey(b)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !changed {
		return nil
	}
	return writeFileAtomic(name, out, 0o600)
}

// TraditionalKey converts a PEM "PRIVATE KEY" (PKCS#8) block to PKCS#1 (RSA)
// or SEC 1 (EC); other keys are returned unchanged.
func TraditionalKey(b []byte) ([]byte, bool, error) {
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, false, fmt.Errorf("not a PEM private key")
	}
	switch block.Type {
	case "RSA PRIVATE KEY", "EC PRIVATE KEY":
		return b, false, nil
	case "PRIVATE KEY":
	default:
		return nil, false, fmt.Errorf("unexpected PEM block %q", block.Type)
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, false, err
	}
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}), true, nil
	case *ecdsa.PrivateKey:
		der, err := x509.MarshalECPrivateKey(k)
		if err != nil {
			return nil, false, err
		}
		return pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}), true, nil
	}
	return nil, false, fmt.Errorf("a %T key, which Harbor cannot use", key)
}
