package render

import (
	"fmt"
	"strings"
)

// checkName refuses names that would place a file anywhere but directly in
// its folder (separators, "..", absolute paths) or that Rancher reads
// specially: a config.yml inside a version folder would replace the entry's
// metadata, since catalog-service recognises it anywhere by base name.
func checkName(what, name string) error {
	switch {
	case name == "" || name == "." || name == "..":
		return fmt.Errorf("%s %q is not a file name", what, name)
	case strings.ContainsAny(name, `/\`):
		return fmt.Errorf("%s %q contains a path separator; it must be a plain name inside its folder", what, name)
	case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return fmt.Errorf("%s %q contains a control character", what, name)
	case name == "config.yml" && what == "output file name":
		return fmt.Errorf("a version folder must not contain config.yml: Rancher would read it as the entry's metadata")
	}
	return nil
}

// DiagramFile is the file of each version folder that draws where the
// version's containers land on the hosts it is written for (catalogen plan
// on the version's typical inventory). Build adds it to each new version
// folder from the linted model; a README shows it with
// `![topology](topology.svg)`, relative to the version folder, where both
// Rancher's catalog UI and a git host resolve it.
const DiagramFile = "topology.svg"
