package compose

import "strings"

// namedVolume returns the volume name of a service volume entry
// ("data:/var/lib/data:ro" -> "data"), or "" for host paths (/srv, ./x,
// ~/x), anonymous volumes ("/data") and unresolved ${VAR}s.
func namedVolume(spec string) string {
	src, _, found := strings.Cut(spec, ":")
	if !found || src == "" {
		return ""
	}
	switch src[0] {
	case '/', '.', '~', '$', '\\':
		return ""
	}
	return src
}
