// Command catalogen renders Rancher 1.x catalog entries from blueprints and
// lints Rancher 1.x catalogs. See `catalogen --help`.
package main

import (
	"os"

	"github.com/catalogen/catalogen/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
