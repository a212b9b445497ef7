package render

import (
	"maps"
	"strings"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// templateData is what a template sees as ".". README.md documents it.
type templateData struct {
	App     blueprint.App
	Entry   entryInfo
	Release releaseInfo
	// Images merges blueprint, entry and release images (later wins). It is
	// a map[string]any so that sprig's hasKey and get work on it.
	Images    map[string]any
	Data      map[string]any // blueprint, entry, release data; later wins per key
	Questions []blueprint.Question
	// Catalog is the `.catalog:` block (name, version, description, Rancher
	// versions, upgrade_from, questions) to put in rancher-compose.yml.
	Catalog string
}

type entryInfo struct {
	Name, Title, Description string
}

type releaseInfo struct {
	Version        string // the application's version, e.g. 1.1.1
	Revision       int
	CatalogVersion string // e.g. 1.1.1-rancher.1
	Previous       string // the entry's previous catalog version, "" for its first
	Default        bool   // this is the version config.yml points at
	UpgradeFrom    string
}

func newTemplateData(bp *blueprint.Blueprint, e blueprint.Entry, r blueprint.Release, previous, questions string, quoted map[string]bool) (*templateData, error) {
	d := &templateData{
		App:   bp.App,
		Entry: entryInfo{Name: e.Name, Title: e.Title, Description: e.Description},
		Release: releaseInfo{
			Version:        r.Version,
			Revision:       r.Revision,
			CatalogVersion: r.CatalogVersion(),
			Previous:       previous,
			Default:        r.CatalogVersion() == bp.DefaultRelease().CatalogVersion(),
			UpgradeFrom:    r.UpgradeFrom,
		},
		Images:    merged(anyValues(bp.Images), anyValues(e.Images), anyValues(r.Images)),
		Data:      merged(bp.Data, e.Data, r.Data),
		Questions: e.Questions,
	}
	block, err := catalogBlock(bp, e, r, questions, quoted)
	if err != nil {
		return nil, err
	}
	d.Catalog = strings.TrimSuffix(block, "\n")
	return d, nil
}

func merged[V any](layers ...map[string]V) map[string]V {
	out := map[string]V{}
	for _, l := range layers {
		maps.Copy(out, l)
	}
	return out
}

func anyValues(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
