package compose

import (
	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
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
func (f composeFile) isV2() bool { return composefile.IsV2Version(f.version) }

// readable reports whether Rancher reads the file's services at all: version
// 1 or 2 (version 3 is rejected, D001).
func (f composeFile) readable() bool { return f.version == "" || f.version == "2" }

// at is the position of node n of the file.
func (f composeFile) at(n *yaml.Node) catalog.Pos { return f.doc.At(n) }

// skipTopLevel reports the top-level keys of a version 1 file that are not
// services (K003 reports a misplaced catalog block).
func (f composeFile) skipTopLevel(key string) bool {
	return composefile.NotService(key, f.rc, true)
}

// isV2Section names version 2 top-level sections that a version 1 file would
// read as services.
func isV2Section(key string) bool {
	switch key {
	case "services", "volumes", "networks", "secrets":
		return true
	}
	return false
}

// misreadSection reports whether service s of the project is really a
// misplaced file section rather than a service: a version 2 section
// (services:, volumes:) at the top of a version 1 file, which D002 and V001
// report, or any service of a file whose version Rancher does not read
// (D001).
func misreadSection(proj *catalog.Project, s *catalog.Service) bool {
	for _, e := range []struct {
		entry   *catalog.Entry
		version string
	}{{s.DC, proj.DCVersion}, {s.RC, proj.RCVersion}} {
		if e.entry == nil {
			continue
		}
		if e.version != "" && e.version != "2" {
			return true
		}
		if e.version == "" && isV2Section(s.Name) {
			return true
		}
	}
	return false
}
