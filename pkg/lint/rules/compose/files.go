package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

// composeFile is one rendered compose file of a version's project.
type composeFile struct {
	doc     *catalog.Doc
	version string // the file's `version` value, "" for version 1
	rc      bool   // rancher-compose rather than docker-compose
}

// composeFiles returns the version's rendered compose files, docker-compose
// first, as Rancher's executor processes them.
func composeFiles(v *catalog.Version) []composeFile {
	p := v.Project
	if p == nil {
		return nil
	}
	var out []composeFile
	if p.DC != nil {
		out = append(out, composeFile{doc: p.DC, version: p.DCVersion})
	}
	if p.RC != nil {
		out = append(out, composeFile{doc: p.RC, version: p.RCVersion, rc: true})
	}
	return out
}

func (f composeFile) name() string { return f.doc.File.Name }

// isV2 reports whether Rancher reads the file as version 2. Only "2" is;
// other values are D001's business.
func (f composeFile) isV2() bool { return f.version == "2" }

// readable reports whether Rancher reads the file's services at all: version
// 1 or 2 (version 3 is rejected, D001).
func (f composeFile) readable() bool { return f.version == "" || f.version == "2" }

// at is the position of node n of the file.
func (f composeFile) at(n *yaml.Node) catalog.Pos { return f.doc.At(n) }

// topLevelKeys are the keys of a version 1 file that are not services.
func (f composeFile) skipTopLevel(key string) bool {
	switch key {
	case "version", ".catalog":
		return true
	case "catalog":
		return f.rc // K003 reports a misplaced catalog block
	}
	return false
}

// isV2Only names version 2 top-level sections that a version 1 file would
// read as services.
func isV2Section(key string) bool {
	switch key {
	case "services", "volumes", "networks", "secrets":
		return true
	}
	return false
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// quoteList renders names as "a", "b" and "c".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// pairsOf returns a mapping's entries, or nil.
func pairsOf(n *yaml.Node) []yamlnode.Pair { return yamlnode.Pairs(n) }
