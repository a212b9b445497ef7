// Package blueprints embeds the built-in blueprints, so that
// `catalogen build` works from any directory without a checkout.
package blueprints

import "embed"

// FS holds every *.yaml blueprint of this folder.
//
//go:embed *.yaml
var FS embed.FS
