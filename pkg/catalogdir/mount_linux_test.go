package catalogdir

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Build into a folder that is a mount point (a container volume), with
// another file system mounted inside it: no EBUSY, the release lands on
// the mounted file system, and the inner mount's content is untouched.
// Mounting needs root, or a user namespace where that is allowed.
func TestWriteIntoMountPoints(t *testing.T) {
	if os.Geteuid() != 0 {
		if os.Getenv("CATALOGEN_IN_USERNS") != "" {
			t.Fatal("not root inside the user namespace")
		}
		if err := exec.Command("unshare", "-rm", "true").Run(); err != nil {
			t.Skip("mounting needs root or unprivileged user namespaces (unshare -rm), neither is available here")
		}
		cmd := exec.Command("unshare", "-rm", os.Args[0], "-test.run=^TestWriteIntoMountPoints$", "-test.v")
		cmd.Env = append(os.Environ(), "CATALOGEN_IN_USERNS=1")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		return
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, syscall.Mount("tmpfs", dir, "tmpfs", 0, ""))
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	build(t, dir, catalogOf("", "1.0.0"))

	inner := filepath.Join(dir, "templates", "other")
	require.NoError(t, os.MkdirAll(inner, 0o755))
	require.NoError(t, syscall.Mount("tmpfs", inner, "tmpfs", 0, ""))
	t.Cleanup(func() { syscall.Unmount(inner, syscall.MNT_DETACH) })
	require.NoError(t, os.WriteFile(filepath.Join(inner, "keep"), []byte("mine"), 0o644))

	var before syscall.Stat_t
	require.NoError(t, syscall.Stat(dir, &before))
	build(t, dir, catalogOf("", "1.0.0", "1.1.0"))
	var after syscall.Stat_t
	require.NoError(t, syscall.Stat(dir, &after))
	assert.Equal(t, before.Dev, after.Dev, "the output folder is still the mounted file system")
	assert.Equal(t, before.Ino, after.Ino)
	data, err := os.ReadFile(filepath.Join(inner, "keep"))
	require.NoError(t, err)
	assert.Equal(t, "mine", string(data))
	_, err = os.Stat(filepath.Join(dir, "templates/app/1/rancher-compose.yml"))
	require.NoError(t, err)
}
