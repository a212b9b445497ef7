//go:build !unix

package lintconfig

// openFlags: elsewhere the type check on the opened handle has to do.
const openFlags = 0
