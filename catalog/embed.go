// Package catalog embeds the templates the built-in blueprints render:
// everything an application's catalog entries contain lives here and in
// blueprints/, none of it in Go code.
package catalog

import "embed"

// FS holds templates/<app>/... (partials included: the all: prefix keeps
// files whose names start with _ or .).
//
//go:embed all:templates
var FS embed.FS
