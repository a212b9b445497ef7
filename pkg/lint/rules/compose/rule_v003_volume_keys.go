package compose

import (
	"encoding/json"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/spelling"
	"github.com/catalogen/catalogen/pkg/yamlnode"
	"gopkg.in/yaml.v3"
)

var ruleV003 = &lint.Rule{
	ID:       "V003",
	Slug:     "volume.keys",
	Formerly: []string{"vol.keys"},
	Severity: lint.Error,
	Summary:  "top-level volumes use only driver, driver_opts, external and per_container, with the right types",
	Doc: "Rancher's executor decodes each top-level volume into driver (string), driver_opts (a map of strings " +
		"or numbers), external (true, or {name: ...}) and per_container (bool); any other key, or a driver_opts " +
		"value that is a list, map or boolean, fails the stack. Volume names start with a letter or digit and use " +
		"letters, digits, '_', '.' and '-' (Rancher names the volume <stack>_<name>_<random>). " +
		"Error: the executor (v1.6) rejects the stack.",
	Bad: `version: '2'
services:
  web:
    image: nginx:1.25
    volumes:
      - data:/data
volumes:
  data:
    drivers: rancher-nfs
    driver_opts:
      onRemove: [purge]
`,
	Good: `version: '2'
services:
  web:
    image: nginx:1.25
    volumes:
      - data:/data
volumes:
  data:
    driver: rancher-nfs
    driver_opts:
      onRemove: purge
`,
	Version: checkVolumeKeys,
}

var volumeKeys = []string{"driver", "driver_opts", "external", "per_container"}

func checkVolumeKeys(p *lint.Pass, v *catalog.Version) {
	a := newAnswers(v)
	for _, f := range composeFiles(v) {
		if !f.isV2() {
			continue
		}
		k, vols := yamlnode.Get(yamlnode.Resolve(f.doc.Root), "volumes")
		if k == nil || yamlnode.IsNull(vols) {
			continue
		}
		if !yamlnode.IsMap(vols) {
			p.Report(f.at(k), "top-level volumes: must be a mapping of volume names to their settings, not a %s", kindName(vols))
			continue
		}
		for _, vol := range yamlnode.Pairs(vols) {
			checkVolume(p, f, a, vol)
		}
	}
}

func checkVolume(p *lint.Pass, f composeFile, a *answers, vol yamlnode.Pair) {
	name := vol.Key.Value
	if !strings.Contains(name, "$") && !validVolumeName(name) {
		p.Report(f.at(vol.Key), "volume name %q is not valid: start with a letter or digit and use only letters, digits, '_', '.' and '-'", name)
	}
	if yamlnode.IsNull(vol.Value) {
		return
	}
	if !yamlnode.IsMap(vol.Value) {
		p.Report(f.at(vol.Value), "volume %q must be a mapping (driver:, driver_opts:, external:, per_container:) or empty, not a %s", name, kindName(vol.Value))
		return
	}
	conv := &converter{answers: a, unsure: map[*yaml.Node]bool{}}
	for _, kv := range yamlnode.Pairs(vol.Value) {
		key := kv.Key.Value
		val := conv.value(kv.Value, 1)
		sure := !conv.unsureUnder(kv.Value)
		bad := func(format string, args ...any) {
			if sure {
				p.Report(f.at(valueNode(kv)), format, args...)
			}
		}
		switch key {
		case "driver":
			if _, ok := val.(string); !ok && val != nil {
				bad("driver of volume %q must be a string (local, rancher-nfs, ...), not %s", name, describe(val))
			}
		case "driver_opts":
			opts, ok := val.(map[string]any)
			if !ok && val != nil {
				bad("driver_opts of volume %q must be a mapping of option names to strings, not %s", name, describe(val))
				continue
			}
			for _, opt := range yamlnode.Pairs(kv.Value) {
				switch x := opts[opt.Key.Value].(type) {
				case string, json.Number:
				default:
					if !conv.unsureUnder(opt.Value) {
						p.Report(f.at(valueNode(opt)), "driver_opts.%s of volume %q must be a string or a number, not %s; Rancher passes driver options as strings: quote it", opt.Key.Value, name, describe(x))
					}
				}
			}
		case "external":
			switch x := val.(type) {
			case bool, nil:
			case map[string]any:
				for _, ek := range yamlnode.Pairs(kv.Value) {
					if ek.Key.Value != "name" {
						p.Report(f.at(ek.Key), "external of volume %q takes only name:, not %q", name, ek.Key.Value)
					} else if _, ok := x["name"].(string); !ok && !conv.unsureUnder(ek.Value) {
						p.Report(f.at(valueNode(ek)), "external.name of volume %q must be a string, not %s", name, describe(x["name"]))
					}
				}
			default:
				bad("external of volume %q must be true, false or {name: ...}, not %s", name, describe(x))
			}
		case "per_container":
			if _, ok := val.(bool); !ok && val != nil {
				bad("per_container of volume %q must be true or false, not %s", name, describe(val))
			}
		default:
			msg := "volume %q has key %q, which Rancher does not accept (only driver, driver_opts, external and per_container)"
			if hint := spelling.Closest(key, volumeKeys); hint != "" {
				p.Report(f.at(kv.Key), msg+"%s", name, key, spelling.Hint(hint))
			} else {
				p.Report(f.at(kv.Key), msg, name, key)
			}
		}
	}
}

// valueNode is the pair's value, or its key when the value has no position.
func valueNode(p yamlnode.Pair) *yaml.Node {
	if p.Value == nil || p.Value.Line == 0 {
		return p.Key
	}
	return p.Value
}

func validVolumeName(name string) bool {
	if name == "" || !isAlnum(rune(name[0])) {
		return false
	}
	for _, r := range name {
		if !isAlnum(r) && r != '_' && r != '.' && r != '-' {
			return false
		}
	}
	return true
}
