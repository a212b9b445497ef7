//go:build unix

package catalogdir

import "syscall"

// openFlags make opening a file that was swapped for a link or a FIFO after
// it was listed fail or return at once, instead of following or blocking.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOFOLLOW
