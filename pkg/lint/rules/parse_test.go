package rules_test

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
)

// parseAll reads and parses files with as many workers as the loader uses,
// so the comparison with the linter is fair.
func parseAll(b *testing.B, paths []string) {
	var wg sync.WaitGroup
	next := make(chan string)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Error(err)
					continue
				}
				if isYAML(p) {
					var n yaml.Node
					_ = yaml.Unmarshal(data, &n) // templates may not be YAML; the cost is what counts
				}
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
}

func isYAML(p string) bool {
	return strings.HasSuffix(p, ".yml") || strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".tpl")
}
