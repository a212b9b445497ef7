//go:build unix

package lintconfig

import "syscall"

// openFlags make opening a file swapped for a link or a FIFO after the
// check fail or return at once, instead of following or blocking.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOFOLLOW
