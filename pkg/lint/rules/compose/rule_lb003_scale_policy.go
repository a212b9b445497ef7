package compose

import (
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleLB003 = &lint.Rule{
	ID:       "LB003",
	Slug:     "lb.scale-policy",
	Severity: lint.Error,
	Summary:  "scale_policy.min is not greater than scale_policy.max",
	Doc: "A service's scale_policy bounds how many containers Rancher runs; Cattle rejects a policy whose min " +
		"is greater than its max, and the stack fails to deploy. " +
		"Error: Cattle (v1.6) rejects the scale policy.",
	Bad: `web:
  scale_policy:
    min: 3
    max: 2`,
	Good: `web:
  scale_policy:
    min: 2
    max: 3`,
	Version: checkScalePolicy,
}

func checkScalePolicy(p *lint.Pass, v *catalog.Version) {
	if v.Project == nil {
		return
	}
	a := newAnswers(v)
	for _, s := range v.Project.Services {
		e, ok := s.Field("scale_policy")
		if !ok || !yamlnode.IsMap(e.Value) {
			continue
		}
		minK, minV := yamlnode.Get(e.Value, "min")
		_, maxV := yamlnode.Get(e.Value, "max")
		lo, okLo := intValue(a, minV)
		hi, okHi := intValue(a, maxV)
		if okLo && okHi && lo > hi {
			p.Report(e.Doc.At(minK), "scale_policy of service %q has min %d greater than max %d; Cattle rejects it: make min <= max", s.Name, lo, hi)
		}
	}
}

// intValue reads an integer or numeric string after interpolation.
func intValue(a *answers, n *yaml.Node) (int64, bool) {
	s, ok := a.scalar(n)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return i, err == nil
}
