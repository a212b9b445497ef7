//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue: report files were 0600 whatever the umask, and a failure named
// the temporary file.
func TestReportFileModeAndErrors(t *testing.T) {
	root := badSuppressionCatalog(t)
	dir := t.TempDir()
	for _, mask := range []int{0o022, 0o077, 0o002} {
		old := syscall.Umask(mask)
		out := filepath.Join(dir, "lint.json")
		os.Remove(out)
		code, _, stderr := run("lint", "--format", "json", "-o", out, root)
		syscall.Umask(old)
		assert.Equal(t, ExitFindings, code, stderr)
		st, err := os.Stat(out)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o666&^mask), st.Mode().Perm(), "umask %03o", mask)
	}
	// An existing report keeps its mode.
	out := filepath.Join(dir, "kept.json")
	require.NoError(t, os.WriteFile(out, nil, 0o640))
	require.NoError(t, os.Chmod(out, 0o640))
	run("lint", "--format", "json", "-o", out, root)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())

	missing := filepath.Join(dir, "no-such-dir", "lint.json")
	code, _, stderr := run("lint", "--format", "json", "-o", missing, root)
	assert.Equal(t, ExitInternal, code)
	assert.Contains(t, stderr, "writing the report to "+missing)
	assert.NotContains(t, stderr, ".catalogen-", "the temporary file is not named")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), "."), "no temporary file left: %s", e.Name())
	}
}
