// Package lintrun is `catalogen lint` as a library: the catalog at each
// path, with the configuration that applies to it (given, or the
// .catalogen.yaml found from the path up to its repository's root),
// optionally compared with a git base revision as a pull-request gate
// does, linted by every rule. The command adds flags, output formats, fixes
// and exit codes.
package lintrun

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/rules"
	"github.com/catalogen/catalogen/pkg/lintconfig"
)

// Options say how to lint.
type Options struct {
	Config   string // the configuration file; "" finds .catalogen.yaml
	NoConfig bool   // use no configuration file at all
	// Base is a git revision to compare with (pull-request mode): the
	// release rules run, and only findings in the template folders the
	// change touches are kept unless All is set.
	Base string
	All  bool
}

// Target is one linted path.
type Target struct {
	Path       string
	Catalog    *catalog.Catalog
	Result     *lint.Result
	Config     *lintconfig.Config // nil when none applies
	BaseConfig *lintconfig.Config // the base revision's, in pull-request mode
}

// Run is the lint of several paths.
type Run struct {
	Targets []Target
	// FailLevel is the fail-level the configuration sets ("" when none
	// does): the first path's configuration, or in pull-request mode the
	// base revision's, so a change cannot lower its own gate.
	FailLevel string
	// Configs are the configuration files used, each once, in order of
	// first use.
	Configs []string
}

// UsageError is an error in what was asked (a path that does not exist, a
// bad configuration, a base revision that cannot be read), as opposed to a
// failure of the machine.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// Lint lints the catalog at each path (see DistinctPaths for paths inside
// one another).
func Lint(ctx context.Context, paths []string, o Options) (*Run, error) {
	run := &Run{}
	announced := map[string]bool{}
	for _, p := range paths {
		cat, err := loadCatalog(p)
		if err != nil {
			return nil, err
		}
		t := Target{Path: p, Catalog: cat}
		var base *catalog.Catalog
		if o.Base != "" {
			var git *gitBase
			git, base, err = loadBase(ctx, p, cat.Root, o.Base)
			if err != nil {
				return nil, err
			}
			if t.Config, err = Config(p, cat.Root, o); err != nil {
				return nil, err
			}
			if t.BaseConfig, err = git.config(ctx, p, cat.Root, o); err != nil {
				return nil, err
			}
		} else if t.Config, err = Config(p, cat.Root, o); err != nil {
			return nil, err
		}
		policy := t.Config
		if o.Base != "" {
			policy = t.BaseConfig
		}
		if policy != nil && run.FailLevel == "" {
			run.FailLevel = policy.FailLevel
		}
		for _, c := range []*lintconfig.Config{t.Config, t.BaseConfig} {
			if c != nil && !announced[c.Path] {
				announced[c.Path] = true
				run.Configs = append(run.Configs, c.Path)
			}
		}
		t.Result = lint.Run(cat, rules.All(), settingsFor(t.Config, t.BaseConfig, base))
		if base != nil && !o.All {
			onlyTouched(t.Result, touched(base, cat))
		}
		run.Targets = append(run.Targets, t)
	}
	return run, nil
}

// settingsFor combines the head configuration with, in pull-request mode,
// the base revision's: there the release rules' settings, the exclusions
// come from the base only.
func settingsFor(cfg, baseCfg *lintconfig.Config, base *catalog.Catalog) lint.Settings {
	s := lint.Settings{Disabled: map[string]bool{}, Severity: map[string]lint.Severity{}}
	if cfg != nil {
		for id, v := range cfg.Settings.Disabled {
			s.Disabled[id] = v
		}
		for id, v := range cfg.Settings.Severity {
			s.Severity[id] = v
		}
		s.Exclude = cfg.Excluded
	}
	if base == nil {
		return s
	}
	s.Base = base
	s.Exclude = nil
	for _, r := range rules.All() {
		if r.Change == nil {
			continue
		}
		delete(s.Disabled, r.ID)
		delete(s.Severity, r.ID)
		if baseCfg != nil {
			if baseCfg.Settings.Disabled[r.ID] {
				s.Disabled[r.ID] = true
			}
			if sev, ok := baseCfg.Settings.Severity[r.ID]; ok {
				s.Severity[r.ID] = sev
			}
		}
	}
	if baseCfg != nil {
		s.Exclude = baseCfg.Excluded
	}
	return s
}

// DistinctPaths checks that every PATH exists and drops those inside (or
// equal to) another, so that nothing is linted and reported twice.
func DistinctPaths(args []string) ([]string, error) {
	resolved := make([]string, len(args))
	for i, p := range args {
		if _, err := os.Stat(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, usagef("%s does not exist: give a catalog root (the folder holding templates/), a template folder or a version folder", p)
			}
			return nil, fmt.Errorf("%s cannot be read: %v", p, errors.Unwrap(err))
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		resolved[i] = abs
	}
	inside := func(p, dir string) bool {
		return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
	}
	var out []string
	for i, p := range args {
		covered := false
		for j := range args {
			if i == j {
				continue
			}
			// Equal paths: keep the first; nested: keep the outer one.
			if (resolved[i] == resolved[j] && j < i) || (resolved[i] != resolved[j] && inside(resolved[i], resolved[j])) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, p)
		}
	}
	return out, nil
}

// TemplateFolders maps changed files to the template folders holding them
// (<top>/<name> under a catalog root), each once, in order of first use.
func TemplateFolders(files []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		parts := strings.Split(filepath.ToSlash(filepath.Clean(f)), "/")
		for i := len(parts) - 2; i >= 0; i-- {
			if !catalog.IsTemplateTop(parts[i]) || i+2 > len(parts)-1 {
				continue
			}
			dir := filepath.FromSlash(strings.Join(parts[:i+2], "/"))
			if st, err := os.Stat(dir); err == nil && st.IsDir() && !seen[dir] {
				seen[dir] = true
				out = append(out, dir)
			}
			break
		}
	}
	return out
}

// loadCatalog reads the catalog at PATH p, mapping errors to exit codes.
// It streams: lint.Run reads one template folder at a time.
func loadCatalog(p string) (*catalog.Catalog, error) {
	cat, err := catalog.Load(p, catalog.Options{Streaming: true})
	if err == nil {
		return cat, nil
	}
	if errors.Is(err, catalog.ErrNoCatalog) {
		return nil, usagef("%v", err)
	}
	if st, serr := os.Stat(p); serr == nil && !st.IsDir() {
		return nil, usagef("%v", err)
	}
	return nil, fmt.Errorf("%v (check that the folder is readable)", err)
}

// Config finds and reads the configuration that applies to path p of the
// catalog rooted at catalogRoot: o.Config, else the first .catalogen.yaml
// from p's folder up to the repository's root; nil when there is none or
// o.NoConfig is set.
func Config(p, catalogRoot string, o Options) (*lintconfig.Config, error) {
	if o.NoConfig {
		return nil, nil
	}
	file := o.Config
	if file == "" {
		found, err := lintconfig.FindFor(dirOf(p), catalogRoot)
		if err != nil || found == "" {
			return nil, nil
		}
		file = found
	}
	cfg, err := lintconfig.Load(file, rules.Lookup)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usagef("--config %s does not exist", file)
		}
		return nil, usagef("configuration: %v", err)
	}
	return cfg, nil
}

func dirOf(p string) string {
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return filepath.Dir(p)
	}
	return p
}
