package release

import (
	"testing"

	"github.com/catalogen/catalogen/pkg/lint/linttest"
)

func TestRules(t *testing.T) { linttest.Run(t, "testdata", Rules()) }
