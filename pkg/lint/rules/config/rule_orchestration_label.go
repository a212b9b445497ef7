package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleC009 = &lint.Rule{
	ID:       "C009",
	Slug:     "config.orchestration-label",
	Severity: lint.Warning,
	Summary:  "io.rancher.orchestration.supported lists only cattle, kubernetes, mesos, swarm and windows",
	Doc: "The template label `io.rancher.orchestration.supported` is a comma-separated list of the " +
		"environment types that offer the template. Rancher's UI and CLI compare each item exactly with the " +
		"environment's orchestration, so `Kubernetes` or `k8s` never match, and the CLI does not trim spaces " +
		"around commas. A list whose items all fail hides the template everywhere. " +
		"Warning: Rancher's CLI and UI (v1.6) ignore other values, so the label has no effect.",
	Bad: `# config.yml
labels:
  io.rancher.orchestration.supported: 'cattle, Kubernetes'`,
	Good: `# config.yml
labels:
  io.rancher.orchestration.supported: 'cattle,kubernetes'`,
	Template: checkOrchestrationLabel,
}

const orchestrationLabel = "io.rancher.orchestration.supported"

var orchestrations = []string{"cattle", "kubernetes", "mesos", "swarm", "windows"}

func checkOrchestrationLabel(p *lint.Pass, t *catalog.Template) {
	c, ok := readConfig(t)
	if !ok {
		return
	}
	_, labels := c.field("labels")
	_, v := yamlnode.Get(labels, orchestrationLabel)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Value == "" {
		return // absent or empty: offered in every environment
	}
	valid := 0
	var spaced, unknown []string
	empty := false
	for _, item := range strings.Split(v.Value, ",") {
		name := strings.TrimSpace(item)
		switch {
		case name == "":
			empty = true
		case slices.Contains(orchestrations, name):
			valid++
			if name != item {
				spaced = append(spaced, strconv.Quote(name))
			}
		default:
			unknown = append(unknown, strconv.Quote(name)+orchestrationHint(name))
		}
	}
	var problems []string
	if len(unknown) > 0 {
		problems = append(problems, fmt.Sprintf("%s not an orchestration Rancher knows", strings.Join(unknown, ", ")+plural(len(unknown), " is", " are")))
	}
	if len(spaced) > 0 {
		problems = append(problems, fmt.Sprintf("spaces around %s, which the rancher CLI does not trim, so %s never match%s there", strings.Join(spaced, ", "), plural(len(spaced), "it", "they"), plural(len(spaced), "es", "")))
	}
	if empty {
		problems = append(problems, "an empty item (a doubled or trailing comma)")
	}
	if len(problems) == 0 {
		return
	}
	msg := fmt.Sprintf("%s %q: %s", orchestrationLabel, v.Value, strings.Join(problems, "; "))
	if valid == 0 && len(unknown) > 0 {
		msg += "; no item matches any environment, so Rancher hides the template everywhere"
	}
	p.Report(c.at(v), "%s. Write a comma-separated list of %s without spaces", msg, strings.Join(orchestrations, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func orchestrationHint(name string) string {
	lower := strings.ToLower(name)
	switch {
	case slices.Contains(orchestrations, lower):
		return fmt.Sprintf(" (write %q: the comparison is case-sensitive)", lower)
	case lower == "k8s" || lower == "kube":
		return ` (write "kubernetes")`
	}
	return ""
}
