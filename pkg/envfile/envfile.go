// Package envfile reads env files the way Docker Compose 1.x reads an
// env_file (compose/config/environment.py, env_vars_from_file), which is how
// Harbor's own compose files hand prepare's env files to its containers:
// each line is stripped; empty lines and lines starting with # are skipped;
// the rest splits at the first "=", and the value is taken verbatim: no
// quote removal, no backslash processing, no word splitting, no expansion.
package envfile

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Var is one NAME=value line.
type Var struct {
	Name, Value string
	Line        int
}

// Parse reads an env file. A line without "=" is an error: Compose would
// take the value from its own environment, which a container does not have.
func Parse(r io.Reader, name string) ([]Var, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var vars []Var
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimFunc(sc.Text(), isSpace)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: %q has no \"=\"; write NAME=value", name, n, line)
		}
		if k == "" || strings.ContainsRune(k, 0) || strings.ContainsRune(v, 0) {
			return nil, fmt.Errorf("%s:%d: not a NAME=value line", name, n)
		}
		vars = append(vars, Var{Name: k, Value: v, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return vars, nil
}

// isSpace is Python's str.isspace for one character, what strip() removes.
func isSpace(c rune) bool { return unicode.IsSpace(c) || (c >= 0x1c && c <= 0x1f) }

// Merge returns environ (KEY=VALUE strings) with the variables set, later
// ones winning, in a stable order: environ's order, then new names in file
// order.
func Merge(environ []string, vars []Var) []string {
	index := map[string]int{}
	out := make([]string, 0, len(environ)+len(vars))
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		if i, ok := index[k]; ok {
			out[i] = kv
			continue
		}
		index[k] = len(out)
		out = append(out, kv)
	}
	for _, v := range vars {
		kv := v.Name + "=" + v.Value
		if i, ok := index[v.Name]; ok {
			out[i] = kv
			continue
		}
		index[v.Name] = len(out)
		out = append(out, kv)
	}
	return out
}

// Format writes variables as an env file that Parse reads back exactly,
// or says which value cannot be carried.
func Format(vars []Var) ([]byte, error) {
	var b bytes.Buffer
	for _, v := range vars {
		if strings.ContainsAny(v.Value, "\n\r\x00") || strings.TrimFunc(v.Value, isSpace) != v.Value && v.Value != "" {
			return nil, fmt.Errorf("%s: the value cannot be carried by an env file", v.Name)
		}
		fmt.Fprintf(&b, "%s=%s\n", v.Name, v.Value)
	}
	return b.Bytes(), nil
}
