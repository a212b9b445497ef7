package config

import (
	"strings"
	"testing"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

// Two folders with the same .catalog.version (K006) are one value in C005's
// count, and a semver-named folder without .catalog.version counts by its
// name, as catalog-service reads it.
func TestC005Counts(t *testing.T) {
	res := linttest.LintFiles(t, map[string][]byte{
		"templates/app/config.yml":                []byte("name: App\nversion: \"9.9.9\"\n"),
		"templates/app/0/rancher-compose.yml":     []byte(".catalog:\n  version: \"1.0.0\"\n"),
		"templates/app/1/rancher-compose.yml":     []byte(".catalog:\n  version: \"1.0.0\"\n"),
		"templates/app/2.0.0/rancher-compose.yml": []byte(".catalog:\n  name: App\n"),
	}, []*lint.Rule{ruleC005})
	if len(res.Findings) != 1 {
		t.Fatalf("%d findings, want 1", len(res.Findings))
	}
	if msg := res.Findings[0].Message; !strings.Contains(msg, "none of the 2 .catalog.version values") {
		t.Errorf("message %q should count 2 distinct versions", msg)
	}
	res = linttest.LintFiles(t, map[string][]byte{
		"templates/app/config.yml":                []byte("name: App\nversion: \"2.0.0\"\n"),
		"templates/app/2.0.0/rancher-compose.yml": []byte(".catalog:\n  name: App\n"),
	}, []*lint.Rule{ruleC005})
	if len(res.Findings) != 0 {
		t.Errorf("a semver folder name is the version: %v", res.Findings[0].Message)
	}
}
