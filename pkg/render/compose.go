package render

import (
	"fmt"
	"strings"
)

// finishVersion completes a rendered version folder. catalog is the
// `.catalog` block the templates were given. Whether the folder is what
// Rancher needs is the linter's to say (build lints the whole catalog
// model); this only keeps Rancher from templating text that is not meant
// for it.
func finishVersion(catalog string, files map[string][]byte) error {
	rc, ok := files["rancher-compose.yml"]
	if !ok || !strings.Contains(catalog, "{{") {
		return nil
	}
	// Rancher's executor runs rancher-compose.yml through its templating
	// too, so question texts with "{{" need the file to opt out.
	if strings.Count(string(rc), "{{") > strings.Count(catalog, "{{") {
		return fmt.Errorf("rancher-compose.yml uses Rancher templating and its questions contain \"{{\"; Rancher cannot have both (remove one)")
	}
	files["rancher-compose.yml"] = append([]byte("# notemplating\n"), rc...)
	return nil
}
