package catalogdir

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/render"
)

// withDiagram gives every version of cat a topology drawing.
func withDiagram(cat *render.Catalog, drawing string) *render.Catalog {
	for _, e := range cat.Entries {
		for _, v := range e.Versions {
			v.Files[render.DiagramFile] = []byte(drawing)
		}
	}
	return cat
}

// The topology drawing follows catalogen's code, not the release: a new
// folder gets it, a released folder keeps the drawing it has (or none) when
// the drawing code changes, and is never refused for it.
func TestReleasedFoldersKeepTheirDiagram(t *testing.T) {
	dir := t.TempDir()
	build(t, dir, catalogOf("", "1.0.0")) // released before drawings existed
	p := build(t, dir, withDiagram(catalogOf("", "1.0.0", "1.1.0"), "<svg>new</svg>"))
	assert.Contains(t, p.Changed, "templates/app/1/"+render.DiagramFile)
	assert.NotContains(t, p.Changed, "templates/app/0/"+render.DiagramFile)
	assert.NoFileExists(t, filepath.Join(dir, "templates/app/0", render.DiagramFile))
	drawn, err := os.ReadFile(filepath.Join(dir, "templates/app/1", render.DiagramFile))
	require.NoError(t, err)
	assert.Equal(t, "<svg>new</svg>", string(drawn))

	// The drawing code changes: nothing released changes, nothing is refused.
	p = build(t, dir, withDiagram(catalogOf("", "1.0.0", "1.1.0"), "<svg>newer</svg>"))
	assert.True(t, p.UpToDate(), "changed: %v", p.Changed)
	drawn, err = os.ReadFile(filepath.Join(dir, "templates/app/1", render.DiagramFile))
	require.NoError(t, err)
	assert.Equal(t, "<svg>new</svg>", string(drawn))
}
