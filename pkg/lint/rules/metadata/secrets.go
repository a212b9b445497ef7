package metadata

import "strings"

// secretWords make a variable name look like it holds a secret
// (community-catalog#71: reviewers ask for `type: password` on them).
var secretWords = []string{"password", "passwd", "secret", "token"}

// notSecretParts are name parts that describe something about a secret
// rather than the secret itself (password_length, token_ttl, secret_name,
// public_key, routing_key).
var notSecretParts = map[string]bool{
	"length": true, "len": true, "ttl": true, "expiry": true, "expire": true, "expiration": true,
	"lifetime": true, "timeout": true, "file": true, "path": true, "dir": true, "name": true,
	"user": true, "username": true, "url": true, "enabled": true, "enable": true, "type": true,
	"header": true, "mode": true, "policy": true, "public": true, "routing": true,
	"partition": true, "sort": true, "primary": true, "foreign": true, "shard": true, "cache": true,
}

// secretLike reports whether a question variable looks like it holds a
// password, secret, token or key.
func secretLike(variable string) bool {
	lower := strings.ToLower(variable)
	parts := strings.FieldsFunc(lower, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	for _, part := range parts {
		if notSecretParts[part] {
			return false
		}
	}
	for _, w := range secretWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return strings.HasSuffix(lower, "_key")
}

// wellKnownPasswords are defaults found on every password-guessing list, or
// shipped as a product's documented default: a stack deployed with one is
// open to anyone. Compared case-insensitively.
var wellKnownPasswords = map[string]bool{
	"harbor12345": true, // Harbor's harbor.cfg default
	"vmware123!":  true, // the published Harbor catalog entry's default
	"admin":       true, "administrator": true, "admin123": true, "admin1234": true,
	"password": true, "password1": true, "password123": true, "passw0rd": true, "p@ssw0rd": true, "pass": true,
	"changeme": true, "change_me": true, "changeit": true, "secret": true,
	"123456": true, "12345678": true, "123456789": true, "1234": true, "12345": true,
	"qwerty": true, "letmein": true, "welcome": true, "default": true,
	"root": true, "toor": true, "test": true, "guest": true,
	"rancher": true, "mysql": true, "postgres": true,
}
