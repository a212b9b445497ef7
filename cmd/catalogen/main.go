// Command catalogen renders Rancher 1.x catalog entries from blueprints and
// lints Rancher 1.x catalogs. See `catalogen --help`.
package main

import (
	"os"
	"runtime/debug"

	"github.com/catalogen/catalogen/pkg/cli"
)

// gcPercent is the collector's setting when GOGC is not set (BenchmarkBuildHarbor
// in pkg/build runs with it too).
const gcPercent = 200

func main() {
	// catalogen is a short-lived process: each collection it spares saves
	// work, and each page of heap it grows into costs a fault. GOGC=200
	// balances the two (measured as whole processes on the community
	// catalog: lint takes about 15% less CPU than at 400, where the fresh
	// pages cost more than the collections saved, and as much as at 100
	// with a smaller heap than 400's; build takes the same at 200 and 400).
	// GOGC from the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
		if os.Getenv("GOMEMLIMIT") == "" {
			// Lint holds one template folder's parses at a time: near
			// 256 MiB the collector runs as often as it must instead
			// (20 copies of the community catalog stay under 300 MiB).
			debug.SetMemoryLimit(256 << 20)
		}
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
