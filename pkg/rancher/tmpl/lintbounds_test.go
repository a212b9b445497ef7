//go:build unix

package tmpl_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// The bounds promised for lint on untrusted input: whatever a catalog holds
// below the file size cap, `catalogen lint` ends within 10 s and 1 GiB.
const (
	lintTimeBound   = 10 * time.Second
	lintMemoryBound = 1 << 30
)

// hostileCatalogs are templates built to exhaust memory, time or the stack,
// each as large as the file size cap allows where size helps.
func hostileCatalogs() map[string][]string {
	pad := func(prefix, unit, suffix string) string {
		n := (catalog.MaxFileSize - len(prefix) - len(suffix) - 1) / len(unit)
		return prefix + strings.Repeat(unit, n) + suffix
	}
	slow := `{{ $l := until 100000 }}{{ range $l }}{{ range $l }}{{ range $l }}{{ end }}{{ end }}{{ end }}`
	many := make([]string, 30)
	for i := range many {
		many[i] = slow
	}
	return map[string][]string{
		"nested if at the cap":   {pad("", "{{if 1}}", "")},
		"actions at the cap":     {pad("", "{{1}}", "")},
		"literal replace":        {pad(`{{ $s := "`, "a", `" }}{{ replace "a" $s $s }}`)},
		"print a huge literal":   {pad(`{{ $s := "`, "a", `" }}{{ print $s $s $s $s $s $s $s $s }}`)},
		"range over huge text":   {pad(`{{ range until 100000 }}`, "x", `{{ end }}`)},
		"splitList of the cap":   {pad(`{{ splitList "," "`, ",", `" }}`)},
		"until":                  {`{{ range until 100000000 }}x{{ end }}`},
		"dict holding itself":    {`{{ $d := dict }}{{ $_ := set $d "a" $d }}{{ $d }}{{ toJson $d }}`},
		"exponential recursion":  {`{{ define "a" }}{{ if . }}{{ template "a" (slice . 1) }}{{ template "a" (slice . 1) }}{{ end }}{{ end }}{{ template "a" (until 60) }}`},
		"slow loops":             {slow},
		"many slow templates":    many,
		"aliased growing values": {`{{ $d := dict }}{{ $l := list $d $d $d $d $d $d $d $d }}{{ $s := repeat 1000000 "a" }}{{ range until 8 }}{{ $_ := set $d (toString .) $s }}{{ end }}{{ $l }}`},
	}
}

func writeCatalog(t *testing.T, templates []string) string {
	t.Helper()
	dir := t.TempDir()
	write := func(p, content string) {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("templates/app/config.yml", "name: App\ndescription: x\nversion: \"1.0.0\"\ncategory: Test\n")
	for i, src := range templates {
		write(fmt.Sprintf("templates/app/%d/docker-compose.yml.tpl", i), src)
		write(fmt.Sprintf("templates/app/%d/rancher-compose.yml", i), fmt.Sprintf(".catalog:\n  name: App\n  version: \"1.0.%d\"\n", i))
	}
	return dir
}

// TestLintBoundsOnHostileTemplates runs the real binary on each hostile
// catalog and measures its CPU time and peak resident memory (the kernel's
// maxrss, which counts everything the process touched and, on Linux, starts
// from the test process's own size at fork: an upper bound).
func TestLintBoundsOnHostileTemplates(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "catalogen")
	build := exec.Command("go", "build", "-o", bin, "./cmd/catalogen")
	build.Dir = "../../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for name, templates := range hostileCatalogs() {
		t.Run(name, func(t *testing.T) {
			for _, src := range templates {
				if len(src) > catalog.MaxFileSize {
					t.Fatalf("input of %d bytes is above the cap", len(src))
				}
			}
			dir := writeCatalog(t, templates)
			cmd := exec.Command(bin, "lint", "--format", "json", dir)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			elapsed := time.Since(start)
			if cmd.ProcessState == nil || !cmd.ProcessState.Exited() || cmd.ProcessState.ExitCode() > 1 {
				t.Fatalf("lint did not finish normally: %v\n%s", err, tail(stderr.String()))
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			rss := ru.Maxrss * 1024
			cpu := time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
			t.Logf("%s wall, %s CPU, %d MiB peak", elapsed.Round(time.Millisecond), cpu.Round(time.Millisecond), rss>>20)
			// CPU time, not wall time: the machine running the tests may be
			// busy with other work, which stretches wall time but not the
			// work lint does.
			if cpu > lintTimeBound {
				t.Errorf("lint used %s of CPU, above %s", cpu, lintTimeBound)
			}
			if rss > lintMemoryBound {
				t.Errorf("lint peaked at %d MiB, above %d MiB", rss>>20, lintMemoryBound>>20)
			}
			if stdout.Len() > 1<<20 {
				t.Errorf("a report of %d bytes", stdout.Len())
			}
			if !strings.Contains(stdout.String(), `"T00`) {
				t.Errorf("no T001/T002 finding names the limit:\n%s", tail(stdout.String()))
			}
		})
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
