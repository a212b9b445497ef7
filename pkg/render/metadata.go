package render

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/catalogen/catalogen/pkg/blueprint"
)

// catalogBlock writes the `.catalog:` block of one version. It is generated
// rather than templated so that every blueprint string (labels, descriptions,
// defaults) is quoted correctly and every default is a string, which is how
// Rancher stores it anyway (an unquoted 1.10 would become "1.1"). questions
// is the entry's questions block, from questionsBlock.
func catalogBlock(bp *blueprint.Blueprint, e blueprint.Entry, r blueprint.Release, questions string, quoted map[string]bool) (string, error) {
	m := &mapping{quoted: quoted}
	m.str("name", e.Title)
	m.str("version", r.CatalogVersion())
	m.str("description", e.Description)
	m.str("minimum_rancher_version", first(r.MinimumRancherVersion, bp.App.MinimumRancherVersion))
	m.str("maximum_rancher_version", first(r.MaximumRancherVersion, bp.App.MaximumRancherVersion))
	if r.UpgradeFrom == blueprint.NoUpgrade {
		// A range that admits no running stack, on purpose.
		n := m.strNode(r.UpgradeRange())
		n.LineComment = "# catalogen:ignore K012 -- no in-place upgrade from an earlier release (upgradeFrom: none)"
		m.add("upgrade_from", n)
	} else {
		m.str("upgrade_from", r.UpgradeRange())
	}
	top := &mapping{quoted: quoted}
	top.add(".catalog", m.node())
	out, err := encode(top.node())
	return out + questions, err
}

// questionsBlock encodes an entry's questions, indented to sit inside the
// .catalog block. Encoding is most of the renderer's own work, and versions
// of an entry ask mostly the same questions, so each question is encoded
// once into items (variable → encoded sequence item) and the block is
// their concatenation, which is exactly what encoding the whole list gives.
func questionsBlock(e blueprint.Entry, items map[string]string) (string, error) {
	if len(e.Questions) == 0 {
		return "", nil
	}
	var b strings.Builder
	b.WriteString("  questions:\n")
	for _, q := range e.Questions {
		item, ok := items[q.Variable]
		if !ok {
			out, err := encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{questionNode(q, nil)}})
			if err != nil {
				return "", err
			}
			var ib strings.Builder
			for _, line := range strings.SplitAfter(out, "\n") {
				if strings.TrimSpace(line) != "" {
					ib.WriteString("    ")
				}
				ib.WriteString(line)
			}
			item = ib.String()
			if items != nil {
				items[q.Variable] = item
			}
		}
		b.WriteString(item)
	}
	return b.String(), nil
}

// encodeItems fills items (variable → encoded sequence item, indented as
// questionsBlock writes it) for all of questions with one encoder: an
// encoder costs more than the few questions it writes, and the encoded
// list is its items one after the other, each starting with "- " at the
// start of a line. Should the split not give one item per question, items
// are left for questionsBlock to encode one by one.
func encodeItems(questions []blueprint.Question, items map[string]string, quoted map[string]bool) error {
	if len(questions) == 0 {
		return nil
	}
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, q := range questions {
		list.Content = append(list.Content, questionNode(q, quoted))
	}
	out, err := encode(list)
	if err != nil {
		return err
	}
	var split []string
	for _, line := range strings.SplitAfter(out, "\n") {
		if strings.HasPrefix(line, "- ") || len(split) == 0 {
			split = append(split, "")
		}
		if strings.TrimSpace(line) != "" {
			line = "    " + line
		}
		split[len(split)-1] += line
	}
	if len(split) != len(questions) {
		return nil
	}
	for i, q := range questions {
		items[q.Variable] = split[i]
	}
	return nil
}

func questionNode(q blueprint.Question, quoted map[string]bool) *yaml.Node {
	m := &mapping{quoted: quoted}
	m.str("variable", q.Variable)
	if len(q.Ignore) > 0 {
		// On the variable's line, where question findings point.
		rules := make([]string, 0, len(q.Ignore))
		for id := range q.Ignore {
			rules = append(rules, id)
		}
		sort.Strings(rules)
		var reasons []string
		for _, id := range rules {
			reasons = append(reasons, q.Ignore[id])
		}
		m.content[1].LineComment = "# catalogen:ignore " + strings.Join(rules, ",") + " -- " + strings.Join(reasons, "; ")
	}
	m.str("label", q.Label)
	m.str("description", q.Description)
	m.str("type", q.Type)
	if q.Required {
		m.add("required", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	m.str("default", q.Default)
	if len(q.Options) > 0 {
		opts := &yaml.Node{Kind: yaml.SequenceNode}
		for _, o := range q.Options {
			opts.Content = append(opts.Content, m.strNode(o))
		}
		m.add("options", opts)
	}
	m.int("min", q.Min)
	m.int("max", q.Max)
	m.int("min_length", q.MinLength)
	m.int("max_length", q.MaxLength)
	m.str("valid_chars", q.ValidChars)
	m.str("invalid_chars", q.InvalidChars)
	return m.node()
}

// configYAML writes the entry's config.yml. Its version names the blueprint's
// default release, which catalog-service matches by string equality.
func configYAML(bp *blueprint.Blueprint, e blueprint.Entry) ([]byte, error) {
	m := &mapping{}
	m.str("name", e.Title)
	m.str("description", e.Description)
	m.str("version", bp.DefaultRelease().CatalogVersion())
	m.str("category", bp.App.Category)
	m.str("license", bp.App.License)
	m.str("projectURL", bp.App.ProjectURL)
	m.str("maintainer", bp.App.Maintainer)
	out, err := encode(m.node())
	return []byte(out), err
}

// readIcon returns the entry's icon as catalogIcon-<entry>.<ext>.
func readIcon(bp *blueprint.Blueprint, e blueprint.Entry) (string, []byte, error) {
	if bp.Icon == "" {
		return "", nil, nil
	}
	data, err := bp.Source.ReadFile(bp.Icon)
	if err != nil {
		return "", nil, fmt.Errorf("%s: icon: %w", bp.File, err)
	}
	return "catalogIcon-" + e.Name + path.Ext(bp.Icon), data, nil
}

// mapping builds a YAML mapping node in insertion order, skipping empty
// strings and nil numbers so optional fields are left out.
type mapping struct {
	content []*yaml.Node
	// quoted keeps needsDoubleQuotes' answers (nil: none kept). An entry's
	// versions write the same keys, titles and descriptions again, and the
	// answer is a YAML 1.1 typing worked out by regular expressions.
	quoted map[string]bool
}

func (m *mapping) add(key string, v *yaml.Node) {
	m.content = append(m.content, m.strNode(key), v)
}

func (m *mapping) str(key, v string) {
	if v != "" {
		m.add(key, m.strNode(v))
	}
}

// strNode is strNode with m's kept answers.
func (m *mapping) strNode(s string) *yaml.Node {
	if m.quoted == nil {
		return strNode(s)
	}
	quote, ok := m.quoted[s]
	if !ok {
		quote = needsDoubleQuotes(s)
		m.quoted[s] = quote
	}
	return scalarNode(s, quote)
}

func (m *mapping) int(key string, v *int) {
	if v != nil {
		m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(*v)})
	}
}

func (m *mapping) node() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Content: m.content} }

// strNode is a string scalar; the explicit tag makes the encoder quote values
// that would otherwise read back as numbers, booleans or null.
func strNode(s string) *yaml.Node { return scalarNode(s, needsDoubleQuotes(s)) }

func scalarNode(s string, quote bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if quote {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func encode(n *yaml.Node) (string, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
