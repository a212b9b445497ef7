// Command catalogen renders Rancher 1.x catalog entries from blueprints and
// lints Rancher 1.x catalogs. See `catalogen --help`.
package main

import (
	"os"
	"runtime/debug"

	"github.com/catalogen/catalogen/pkg/cli"
)

func main() {
	// catalogen is a short-lived process whose catalog model stays live for
	// the whole run: collecting garbage less often makes a lint of a large
	// catalog about a third faster for a few MB more (measured on the
	// community catalog). GOGC from the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
		if os.Getenv("GOMEMLIMIT") == "" {
			// Lint holds one template folder's parses at a time: near
			// 256 MiB the collector runs as often as it must instead
			// (20 copies of the community catalog stay under 300 MiB).
			debug.SetMemoryLimit(256 << 20)
		}
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
