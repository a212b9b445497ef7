package metadata

import "strings"

// secretWords make a variable name look like it holds a secret
// (community-catalog#71: reviewers ask for `type: password` on them).
var secretWords = []string{"password", "passwd", "secret", "token"}

// notSecretParts are name parts that, after the secret word, describe
// something about a secret rather than the secret itself (password_length,
// token_ttl, secret_name, password_file). Before it they only say whose
// secret it is: user_password, cache_password and admin_user_password are
// passwords.
var notSecretParts = map[string]bool{
	"length": true, "len": true, "ttl": true, "expiry": true, "expire": true, "expiration": true,
	"lifetime": true, "timeout": true, "file": true, "path": true, "dir": true, "name": true,
	"user": true, "username": true, "url": true, "enabled": true, "enable": true, "type": true,
	"header": true, "mode": true, "policy": true, "id": true, "hash": true, "algorithm": true,
	"required": true, "min": true, "max": true, "rotation": true,
}

// notSecretKeys qualify a `_key` that is an identifier, not a secret
// (public_key, routing_key, partition_key, cache_key).
var notSecretKeys = map[string]bool{
	"public": true, "routing": true, "partition": true, "sort": true, "primary": true,
	"foreign": true, "shard": true, "cache": true, "hash": true, "row": true, "lookup": true,
}

// secretLike reports whether a question variable looks like it holds a
// password, secret, token or key: its last secret word (password, passwd,
// secret, token, or a final _key) is not followed by a word that makes the
// name about the secret (see notSecretParts).
func secretLike(variable string) bool {
	lower := strings.ToLower(variable)
	if !containsSecretWord(lower) && !strings.Contains(lower, "key") {
		// Every part is a substring of lower: no part can be a secret
		// word or "key". Most names end here, without splitting them.
		return false
	}
	parts := strings.FieldsFunc(lower, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	for i := len(parts) - 1; i >= 0; i-- {
		part := parts[i]
		isKey := part == "key" && i == len(parts)-1 && i > 0
		if !isKey && !containsSecretWord(part) {
			continue
		}
		for _, after := range parts[i+1:] {
			if notSecretParts[after] {
				return false
			}
		}
		return !isKey || !notSecretKeys[parts[i-1]]
	}
	return false
}

func containsSecretWord(part string) bool {
	for _, w := range secretWords {
		if strings.Contains(part, w) {
			return true
		}
	}
	return false
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
