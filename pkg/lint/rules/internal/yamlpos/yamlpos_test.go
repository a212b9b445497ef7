package yamlpos

import (
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// Each case's error is placed on the character a user has to change.
func TestLocate(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
	}{
		{"web:\n  image: nginx\n\tports: []\n", 3, 1},
		{"web:\n  image: nginx\n  \tports: []\n", 3, 3},
		{"web:\n  command: run: now\n", 2, 15},
		{"version: '2'\nservices:\n  web:\n    image: x\n   labels:\n      a: b\n", 5, 4},
	} {
		var e *catalog.YAMLError
		c2, err := catalog.LoadFiles(map[string][]byte{"templates/a/0/docker-compose.yml": []byte(c.src)}, catalog.Options{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		e = c2.Templates[0].Versions[0].DockerCompose.ParseErr
		if e == nil {
			t.Fatalf("%q parses", c.src)
		}
		line, col := Locate([]byte(c.src), e)
		if line != c.line || col != c.col {
			t.Errorf("%q (%s): at %d:%d, want %d:%d", c.src, e.Msg, line, col, c.line, c.col)
		}
	}
}
