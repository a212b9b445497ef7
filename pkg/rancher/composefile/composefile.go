// Package composefile is how Rancher 1.6's executor (libcompose) reads the
// top level of a docker-compose.yml or rancher-compose.yml: which version
// the file is, and so where its services are and which of its top-level
// sections are interpolated. Every reader (the catalog model, the rules,
// catalogen render and plan) asks here, so that they cannot disagree.
package composefile

import (
	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/yamlnode"
)

// IsV2 reports whether a compose document is read as version 2: its
// `version` is the scalar 2, quoted or not. Any other value ("2.0", "3",
// "1") or none makes it a version 1 file, whose top-level keys are all
// services.
func IsV2(root *yaml.Node) bool {
	v := yamlnode.Value(yamlnode.Resolve(root), "version")
	return v != nil && v.Kind == yaml.ScalarNode && IsV2Version(v.Value)
}

// IsV2Version is IsV2 for the text of a `version` value.
func IsV2Version(version string) bool { return version == "2" }

// Sections are the top-level keys of a version 2 file whose entries are
// deployed and interpolated; a version 1 file's top-level keys are all
// services.
var Sections = []string{"services", "volumes", "networks"}

// IsSection reports whether key is one of Sections.
func IsSection(key string) bool {
	for _, s := range Sections {
		if s == key {
			return true
		}
	}
	return false
}

// Deployed reports whether Rancher's executor keeps a top-level key of a
// compose file when it deploys the stack: every key but the `.catalog`
// block, which it removes first (at the top level only).
func Deployed(key string) bool { return key != ".catalog" }

// Interpolated reports whether the executor interpolates `$` in the values
// under a top-level key (never in keys): in a version 2 file the entries of
// Sections, in a version 1 file every deployed key (each is a service, even
// one called `version` or `catalog`).
func Interpolated(key string, v2 bool) bool {
	if !Deployed(key) {
		return false
	}
	return !v2 || IsSection(key)
}

// NotService reports whether a key of a services map (the top level of a
// version 1 file, or `services:` of a version 2 one) is, to catalogen's
// readers, not a service: the `.catalog` block anywhere; in
// rancher-compose.yml also `catalog`, which the executor would read as a
// service and reject (K003 reports where the block belongs); and `version`
// at the top level. topLevel says that the map is the document's top level.
// It is the readers' view, stricter than the executor's (Deployed,
// Interpolated), which reads such keys as services.
func NotService(key string, rancherCompose, topLevel bool) bool {
	switch key {
	case ".catalog":
		return true
	case "catalog":
		return rancherCompose
	case "version":
		return topLevel
	}
	return false
}
