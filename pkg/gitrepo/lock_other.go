//go:build !unix

package gitrepo

import "os"

// tryLock: without flock, the lock file's creation (O_EXCL, in Lock) is
// the lock.
func tryLock(*os.File) (bool, error) { return false, nil }

func unlock(*os.File) {}
