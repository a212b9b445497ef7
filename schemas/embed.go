// Package schemas embeds catalogen's JSON schemas: the blueprint format, the
// .catalogen.yaml config and Rancher's compose file shapes. Editors can use
// the same files through a `# yaml-language-server: $schema=` line.
package schemas

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
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

// FieldName renders a validation error's data path (as gojsonschema gives it,
// split on '.') the way a person writes it: releases[1].images.log.
func FieldName(path []string) string {
	var b strings.Builder
	for _, seg := range path {
		if _, err := strconv.Atoi(seg); err == nil {
			b.WriteString("[" + seg + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}
