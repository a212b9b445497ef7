package metadata

import (
	"bytes"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules/internal/yamlpos"
	"github.com/catalogen/catalogen/pkg/rancher/composefile"
	"github.com/catalogen/catalogen/pkg/rancher/yaml11"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleK001 = &lint.Rule{
	ID: "K001", Slug: "catalog.raw-yaml", Formerly: []string{"rc.raw-yaml"}, Severity: lint.Error,
	Summary: "rancher-compose.yml is valid YAML before templating, and a v1 file is a map of maps",
	Doc: "catalog-service reads `.catalog` from the raw rancher-compose.yml, before any Go templating, " +
		"with libcompose's CreateConfig: the file must be valid YAML as written, and unless it says " +
		"`version: '2'` it must be a mapping whose every value is a mapping (or empty), because each " +
		"top-level key is a service. Otherwise the version folder fails to load and disappears from the " +
		"catalog, even if the templated file would be fine. " +
		"Error: catalog-service (v1.6) drops the version folder.",
	Bad: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
scale: 2            # a v1 file's top-level keys are services
`,
	Good: `# rancher-compose.yml
.catalog:
  version: "1.0.0"
web:
  scale: 2
`,
	Version: checkRawYAML,
}

func checkRawYAML(p *lint.Pass, v *catalog.Version) {
	f := v.RancherCompose
	if f == nil || f.ReadErr != nil {
		return
	}
	if e := f.ParseErr; e != nil {
		pos := catalog.FilePos(f)
		if e.Line > 0 {
			line, col := yamlpos.Locate(f.Data, e)
			pos = catalog.LinePos(f, line, col)
		}
		hint := ""
		if bytes.Contains(f.Data, []byte("{{")) {
			hint = "; the file must be valid YAML with its template actions as written: keep {{ }} inside quoted values or behind a YAML comment (# {{- if ... }})"
		}
		p.Report(pos, "rancher-compose.yml is not valid YAML before templating (%s): catalog-service cannot read .catalog and drops this version%s", e.Msg, hint)
		return
	}
	if f.Doc == nil {
		return // empty file: K002 reports the missing .catalog
	}
	doc := &catalog.Doc{File: f, Root: f.Doc}
	root := yamlnode.Resolve(f.Doc)
	if k := yaml11.KindOf(root); k != yaml11.Map {
		p.Report(doc.At(root), "rancher-compose.yml must be a mapping of keys, not %s: catalog-service cannot decode it and drops this version", k.WithArticle())
		return
	}
	v2 := composefile.IsV2(root)
	for _, pair := range yamlnode.Pairs(root) {
		key, val := pair.Key.Value, pair.Value
		k := yaml11.KindOf(val)
		switch {
		case key == "version":
			if k.IsCollection() {
				p.Report(doc.At(val), "`version` must be a string such as '2', not %s", k.WithArticle())
			} else if !v2 && k != yaml11.Null {
				p.Report(doc.At(val), "`version: %s` is not '2', so libcompose reads the file as v1, where every top-level key is a service and `version` must be a mapping: write version: '2' (with services: under it) or remove the key", describe(val))
			}
		case key == "services" || key == "volumes" || key == "networks":
			if k != yaml11.Map && k != yaml11.Null {
				p.Report(doc.At(val), "`%s` must be a mapping, not %s", key, k.WithArticle())
				continue
			}
			if key == "services" {
				checkServiceValues(p, doc, val, "services.")
			}
		case !v2:
			if k != yaml11.Map && k != yaml11.Null {
				p.Report(doc.At(valueOrKey(pair)), "top-level `%s` is %s, but in a v1 rancher-compose.yml every top-level key is a service and its value must be a mapping: indent it under a service, or add version: '2' and put services under services:", key, k.WithArticle())
			}
		}
	}
}

// checkServiceValues reports services whose body is not a mapping.
func checkServiceValues(p *lint.Pass, doc *catalog.Doc, services *yaml.Node, prefix string) {
	for _, pair := range yamlnode.Pairs(services) {
		if k := yaml11.KindOf(pair.Value); k != yaml11.Map && k != yaml11.Null {
			p.Report(doc.At(valueOrKey(pair)), "service `%s%s` must be a mapping of settings, not %s", prefix, pair.Key.Value, k.WithArticle())
		}
	}
}

func valueOrKey(pair yamlnode.Pair) *yaml.Node {
	if pair.Value != nil && pair.Value.Line > 0 {
		return pair.Value
	}
	return pair.Key
}
