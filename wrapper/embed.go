// Package wrapper holds the build inputs of the setup wrapper image: the
// Dockerfile, the pinned Harbor installers and their file checksums.
package wrapper

import _ "embed"

// InstallersTSV is installers.tsv: per Harbor release, the wrapper image tag,
// the installer's source and the sha256 of its prepare.
//
//go:embed installers.tsv
var InstallersTSV string
