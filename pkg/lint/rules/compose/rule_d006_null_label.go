package compose

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleD006 = &lint.Rule{
	ID:       "D006",
	Slug:     "compose.null-label",
	Formerly: []string{"dc.null-label"},
	Severity: lint.Error,
	Summary:  "no label has a null value",
	Doc: "Rancher's executor turns every label value into a string, except null: a label written `key:` with " +
		"nothing after it (or a template that renders to nothing) stays null, and the stack fails with " +
		"\"Cannot unmarshal '<nil>'\". Write an empty string (`key: \"\"`) or remove the label. Environment " +
		"variables may be null; labels may not. " +
		"Error: the executor (v1.6) cannot decode a null label value and the deploy fails.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.container.pull_image:`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.container.pull_image: always`,
	Version: checkNullLabels,
}

func checkNullLabels(p *lint.Pass, v *catalog.Version) {
	if v.Project == nil {
		return
	}
	for _, s := range v.Project.Services {
		for _, f := range s.Fields("labels") {
			labels := yamlnode.Resolve(f.Value)
			if labels == nil || labels.Kind != yaml.MappingNode {
				continue
			}
			for _, pr := range yamlnode.Pairs(labels) {
				if !yamlnode.IsNull(pr.Value) {
					continue
				}
				pos := f.Doc.At(pr.Key)
				if f.Doc.Rendered && strings.Contains(f.Doc.File.Line(pos.Line), "{{") {
					p.Report(pos, "label %q of service %q renders to null (its template produces nothing with the questions' defaults): Rancher fails with \"Cannot unmarshal '<nil>'\"; quote the value (%s: \"{{ ... }}\") or remove the label", pr.Key.Value, s.Name, pr.Key.Value)
					continue
				}
				p.Report(pos, "label %q of service %q has no value (null): Rancher fails with \"Cannot unmarshal '<nil>'\"; write %s: \"\" or remove the label", pr.Key.Value, s.Name, pr.Key.Value)
			}
		}
	}
}
