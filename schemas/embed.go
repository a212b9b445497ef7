// Package schemas embeds catalogen's JSON schemas: the blueprint format, the
// .catalogen.yaml config and Rancher's compose file shapes. Editors can use
// the same files through a `# yaml-language-server: $schema=` line.
package schemas

import (
	"embed"
	"fmt"
)

// FS holds every *.json schema of this folder.
//
//go:embed *.json
var FS embed.FS

// Load returns the schema file name (for example "blueprint.schema.json").
func Load(name string) ([]byte, error) {
	data, err := FS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("no embedded schema %q: %w", name, err)
	}
	return data, nil
}
