//go:build unix

package render

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/catalogen/catalogen/pkg/blueprint"
	"github.com/catalogen/catalogen/pkg/rancher/tmpl"
)

// greeterOnDisk copies testdata/greeter into a fresh folder (inside a
// "project" folder that is a git work tree) and returns the blueprint path.
func greeterOnDisk(t *testing.T) (project, bp string) {
	t.Helper()
	project = t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(project, ".git"), 0o755))
	dir := filepath.Join(project, "greeter")
	require.NoError(t, os.CopyFS(dir, os.DirFS("testdata/greeter")))
	return project, filepath.Join(dir, "blueprint.yaml")
}

func renderFile(t *testing.T, bp string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		b, err := blueprint.LoadFile(bp)
		if err == nil {
			_, err = Render([]*blueprint.Blueprint{b})
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("build hangs")
		return nil
	}
}

// A file of the templates folder that is a symbolic link is refused: its
// target (any readable file) would be copied into the catalog, shown by
// --diff and pushed by publish.
func TestTemplateSymlinkRefused(t *testing.T) {
	_, bp := greeterOnDisk(t)
	secret := filepath.Join(t.TempDir(), "secret")
	require.NoError(t, os.WriteFile(secret, []byte("do-not-ship"), 0o600))
	for _, name := range []string{"leak.txt", "_leak.tmpl"} {
		link := filepath.Join(filepath.Dir(bp), "templates", "standalone", name)
		if name[0] == '_' {
			link = filepath.Join(filepath.Dir(bp), "templates", name)
		}
		require.NoError(t, os.Symlink(secret, link))
		err := renderFile(t, bp)
		require.Error(t, err, name)
		require.Contains(t, err.Error(), "symbolic link")
		require.NoError(t, os.Remove(link))
	}
	require.NoError(t, renderFile(t, bp), "the blueprint renders once the links are gone")
}

// FIFOs and devices are refused without being opened: reading one would
// block or never end.
func TestTemplateSpecialFilesRefused(t *testing.T) {
	_, bp := greeterOnDisk(t)
	fifo := filepath.Join(filepath.Dir(bp), "templates", "standalone", "pipe.yml.tmpl")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	err := renderFile(t, bp)
	require.Error(t, err)
	require.Contains(t, err.Error(), "not a regular file")
}

// The templates folder (and the icon) must stay inside the project the
// blueprint belongs to, and must not be reached through a link.
func TestTemplatesPathConfined(t *testing.T) {
	project, bp := greeterOnDisk(t)
	data, err := os.ReadFile(bp)
	require.NoError(t, err)
	outside := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(outside, "t"), os.DirFS(filepath.Join(filepath.Dir(bp), "templates"))))
	rel, err := filepath.Rel(filepath.Dir(bp), filepath.Join(outside, "t"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(bp, []byte(strings.Replace(string(data), "templates: templates", "templates: "+filepath.ToSlash(rel), 1)), 0o644))
	err = renderFile(t, bp)
	require.Error(t, err)
	require.Contains(t, err.Error(), "leaves the folder the blueprint is read from")

	// A link to the same folder is refused too.
	require.NoError(t, os.Symlink(filepath.Join(outside, "t"), filepath.Join(project, "linked")))
	require.NoError(t, os.WriteFile(bp, []byte(strings.Replace(string(data), "templates: templates", "templates: ../linked", 1)), 0o644))
	err = renderFile(t, bp)
	require.Error(t, err)
	require.Contains(t, err.Error(), "symbolic link")
}

// A blueprint template that builds gigabytes or loops without end fails
// with an error naming the template, within the limits.
func TestBlueprintTemplateBounds(t *testing.T) {
	for name, body := range map[string]string{
		"until":     `{{ range until 100000000 }}x{{ end }}`,
		"repeat":    `{{ $s := repeat 1000000 "ab" }}{{ replace "a" $s $s }}`,
		"nesting":   strings.Repeat("{{ if true }}", 100_000) + strings.Repeat("{{ end }}", 100_000),
		"recursion": `{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Render([]*blueprint.Blueprint{loadGreeter(t, map[string]string{"templates/standalone/README.md.tmpl": body})})
			require.Error(t, err)
			require.Contains(t, err.Error(), "README.md.tmpl")
		})
	}
}

// A template that smuggles a Rancher-side call to env into a rendered file
// renders it literally; the rendered file, checked the way build lints it,
// does not read the environment.
func TestSmuggledEnvNotRead(t *testing.T) {
	t.Setenv("CATALOGEN_SMUGGLED", "smuggled-secret-77")
	cat, err := Render([]*blueprint.Blueprint{loadGreeter(t, map[string]string{
		"templates/standalone/README.md.tmpl": "{{`{{ env \"CATALOGEN_SMUGGLED\" }}`}}\n",
	})})
	require.NoError(t, err)
	readme := cat.Entries[0].Versions[0].Files["README.md"]
	require.Contains(t, string(readme), `{{ env "CATALOGEN_SMUGGLED" }}`)
	out, perr, eerr := tmpl.Render("README.md", readme, tmpl.Data{})
	require.NoError(t, perr)
	require.NoError(t, eerr)
	require.NotContains(t, string(out), "smuggled-secret-77")
}
