package lint

import "github.com/catalogen/catalogen/pkg/catalog"

// Requires makes a version check out of a check on an analysis of the
// version (go/analysis's Requires): analysis returns the version's result,
// computed once and shared by every rule that requires it, or nil when the
// version has nothing to analyse (no docker-compose project, say: other
// rules report why). The check runs only when there is a result, so the
// rules that share an analysis do not each repeat that guard.
//
//	Version: lint.Requires(stack.New, checkS004),
func Requires[T any](analysis func(*catalog.Version) *T, check func(p *Pass, result *T)) func(*Pass, *catalog.Version) {
	return func(p *Pass, v *catalog.Version) {
		if r := analysis(v); r != nil {
			check(p, r)
		}
	}
}
