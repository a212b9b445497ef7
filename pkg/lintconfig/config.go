// Package lintconfig reads .catalogen.yaml: which rules run, at which
// severity, and which paths are skipped.
package lintconfig

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/schemas"
	"github.com/xeipuuv/gojsonschema"
	"gopkg.in/yaml.v3"
)

// FileName is the config file looked for upward from the linted path.
const FileName = ".catalogen.yaml"

// Config is a parsed .catalogen.yaml.
type Config struct {
	Path      string // where it was read from ("" for none)
	Settings  lint.Settings
	Exclude   []string
	FailLevel string   // "" when not set
	Profiles  []string // the profiles applied (profile.go)
}

// Excluded reports whether a slash path relative to the catalog root, or
// one of its parent folders, matches an exclude pattern.
func (c *Config) Excluded(p string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	parts := strings.Split(p, "/")
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		for _, pat := range c.Exclude {
			if ok, _ := path.Match(strings.TrimSuffix(pat, "/"), prefix); ok {
				return true
			}
		}
	}
	return false
}

// SearchDirs lists the folders where the configuration of a lint of dir is
// looked for, nearest first: dir and its parents up to the repository root
// (the nearest folder above the catalog root that holds .git) or, outside a
// repository, up to the catalog root. A folder above the checkout (a CI
// runner's work folder, a home directory) is never consulted: its file
// could silently switch the lint off.
func SearchDirs(dir, catalogRoot string) ([]string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root, err := filepath.Abs(catalogRoot)
	if err != nil {
		return nil, err
	}
	stop := root
	for d := root; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			stop = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	var dirs []string
	for d := abs; ; {
		dirs = append(dirs, d)
		if d == stop {
			return dirs, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			// dir is not below the stop folder: only dir itself counts.
			return dirs[:1], nil
		}
		d = parent
	}
}

// FindFor returns the configuration file for a lint of dir inside the
// catalog rooted at catalogRoot ("" when there is none); see SearchDirs.
func FindFor(dir, catalogRoot string) (string, error) {
	dirs, err := SearchDirs(dir, catalogRoot)
	if err != nil {
		return "", err
	}
	for _, d := range dirs {
		p := filepath.Join(d, FileName)
		if st, err := os.Lstat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", nil
}

// Find looks for FileName in dir and all its parents, without bound; the
// command uses FindFor.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(abs, FileName)
		if st, err := os.Lstat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs = parent
	}
}

var (
	schemaOnce sync.Once
	schema     *gojsonschema.Schema
	schemaErr  error
)

func compiled() (*gojsonschema.Schema, error) {
	schemaOnce.Do(func() {
		data, err := schemas.Load("catalogen-config.schema.json")
		if err != nil {
			schemaErr = err
			return
		}
		schema, schemaErr = gojsonschema.NewSchema(gojsonschema.NewBytesLoader(data))
	})
	return schema, schemaErr
}

// Load reads and validates the config at p. lookup resolves a rule ID or
// slug; an unknown rule name is an error.
func Load(p string, lookup func(string) *lint.Rule) (*Config, error) {
	data, err := readFile(p)
	if err != nil {
		return nil, err
	}
	return Parse(p, data, lookup)
}

// Parse reads config text; name is used in messages.
func Parse(name string, data []byte, lookup func(string) *lint.Rule) (*Config, error) {
	cfg := &Config{Path: name, Settings: lint.Settings{Disabled: map[string]bool{}, Severity: map[string]lint.Severity{}}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %v", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) == 0 {
		return cfg, nil
	}
	if errs := validate(name, root.Content[0]); len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	var generic any
	if err := root.Content[0].Decode(&generic); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	s, err := compiled()
	if err != nil {
		return nil, err
	}
	res, err := s.Validate(gojsonschema.NewGoLoader(generic))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if !res.Valid() {
		var msgs []string
		for _, e := range res.Errors() {
			line := lineOf(root.Content[0], e.Field())
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s: %s (see schemas/catalogen-config.schema.json)", name, line, e.Field(), e.Description()))
		}
		sort.Strings(msgs)
		return nil, errors.New(strings.Join(msgs, "\n"))
	}
	doc := root.Content[0]
	var profile *yaml.Node
	for i := 0; i+1 < len(doc.Content); i += 2 {
		key, val := doc.Content[i], doc.Content[i+1]
		switch key.Value {
		case "rules":
			if err := cfg.readRules(name, val, lookup); err != nil {
				return nil, err
			}
		case "exclude":
			for _, item := range val.Content {
				if _, err := path.Match(item.Value, ""); err != nil {
					return nil, fmt.Errorf("%s:%d:%d: bad exclude pattern %q: %v", name, item.Line, item.Column, item.Value, err)
				}
				cfg.Exclude = append(cfg.Exclude, item.Value)
			}
		case "fail-level":
			cfg.FailLevel = val.Value
		case "profile":
			profile = val
		}
	}
	if profile != nil {
		explicit := map[string]bool{}
		for id := range cfg.Settings.Severity {
			explicit[id] = true
		}
		if err := cfg.applyProfiles(name, profile, explicit); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

func (c *Config) readRules(name string, m *yaml.Node, lookup func(string) *lint.Rule) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], m.Content[i+1]
		r := lookup(key.Value)
		if r == nil {
			return fmt.Errorf("%s:%d:%d: rules: unknown rule %q: use a rule ID or slug from `catalogen rules`%s", name, key.Line, key.Column, key.Value, suggestRule(key.Value))
		}
		setting, sev := val.Value, ""
		if val.Kind == yaml.MappingNode {
			setting = ""
			for j := 0; j+1 < len(val.Content); j += 2 {
				switch val.Content[j].Value {
				case "enabled":
					if val.Content[j+1].Value == "false" {
						setting = "off"
					}
				case "severity":
					sev = val.Content[j+1].Value
				}
			}
		}
		switch setting {
		case "off", "false":
			c.Settings.Disabled[r.ID] = true
		case "on", "true", "":
		default:
			sev = setting
		}
		if sev != "" {
			s, err := lint.ParseSeverity(sev)
			if err != nil {
				return fmt.Errorf("%s:%d:%d: %v", name, val.Line, val.Column, err)
			}
			c.Settings.Severity[r.ID] = s
		}
	}
	return nil
}

// lineOf finds the line of a gojsonschema field path ("rules.D005").
func lineOf(n *yaml.Node, field string) int {
	line := n.Line
	if field == "(root)" {
		return line
	}
	for _, part := range strings.Split(field, ".") {
		found := false
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == part {
					line, n, found = n.Content[i].Line, n.Content[i+1], true
					break
				}
			}
		case yaml.SequenceNode:
			var idx int
			if _, err := fmt.Sscanf(part, "%d", &idx); err == nil && idx < len(n.Content) {
				n, found = n.Content[idx], true
				line = n.Line
			}
		}
		if !found {
			break
		}
	}
	return line
}
