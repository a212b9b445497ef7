package tmpl

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Each case is a template that, without the limits, crashed the process,
// built gigabytes or ran without end.
var hostileTemplates = map[string]struct {
	src  string
	want string // in the parse or execution error
}{
	"nested if":           {strings.Repeat("{{if 1}}", 500_000) + strings.Repeat("{{end}}", 500_000), "nest deeper"},
	"else-if chain":       {"{{if 0}}" + strings.Repeat("{{else if 0}}", 500_000) + "{{end}}", "nest deeper"},
	"braces in strings":   {strings.Repeat(`{{if 1}}{{"{{end}}"}}`, 100_000), "nest deeper"},
	"many actions":        {strings.Repeat("{{1}}", MaxActions+1), "actions"},
	"until":               {`{{ range until 100000000 }}x{{ end }}`, "until"},
	"untilStep":           {`{{ range untilStep 0 1000000000 1 }}{{ end }}`, "untilStep"},
	"seq":                 {`{{ seq 1000000000 }}`, "seq"},
	"repeat":              {`{{ repeat 1000000000 "abc" }}`, "repeat"},
	"indent":              {`{{ indent 1000000000 "a" }}`, "indent"},
	"replace":             {`{{ $s := repeat 1000000 "a" }}{{ replace "a" $s $s }}`, "replace"},
	"regexReplaceAll":     {`{{ $s := repeat 1000000 "a" }}{{ regexReplaceAll "" $s $s }}`, "regexReplaceAll"},
	"wrapWith":            {`{{ $s := repeat 1000000 "a" }}{{ wrapWith 1 $s $s }}`, "wrapWith"},
	"join":                {`{{ $s := repeat 1000000 "a" }}{{ join $s (until 1000) }}`, "join"},
	"printf width":        {`{{ printf "` + strings.Repeat("%999999d", 20) + `" }}`, "printf"},
	"print twice":         {`{{ $s := repeat 1000000 "a" }}{{ print $s $s $s $s $s $s $s $s $s $s }}`, "MiB"},
	"concat":              {`{{ $l := until 100000 }}{{ range until 100 }}{{ $l = concat $l $l }}{{ end }}`, "MiB"},
	"dict holding itself": {`{{ $d := dict }}{{ $_ := set $d "a" $d }}{{ $d }}`, "nests deeper"},
	"aliased dict":        {`{{ $d := dict }}{{ $l := list $d $d $d $d $d $d $d $d $d $d $d $d $d $d $d $d }}{{ $l = concat $l $l $l $l $l $l $l $l }}{{ $s := repeat 1000000 "a" }}{{ range until 8 }}{{ $_ := set $d (toString .) $s }}{{ end }}{{ $l }}`, "exceeds"},
	"splitList":           {`{{ $s := repeat 1000000 "," }}{{ splitList "," $s }}`, "splitList"},
	"huge action quoted":  {`{{ splitList "," "` + strings.Repeat(",", 1<<20) + `" }}`, "splitList"},
	"uniq":                {`{{ uniq (until 100000) }}`, "uniq"},
	"randAlphaNum":        {`{{ randAlphaNum 1000000000 }}`, "randAlphaNum"},
	"recursion":           {`{{ define "a" }}{{ template "a" . }}{{ end }}{{ template "a" . }}`, "nest deeper"},
	"output":              {`{{ range until 1000 }}{{ repeat 100000 "x" }}{{ end }}`, "exceeds"},
}

func TestRenderBounds(t *testing.T) {
	for name, c := range hostileTemplates {
		t.Run(name, func(t *testing.T) {
			freshRun(t)
			maxDuration = time.Minute
			defer func() { maxDuration = MaxDuration }()
			out, perr, eerr := Render("docker-compose.yml.tpl", []byte(c.src), Data{})
			err := perr
			if err == nil {
				err = eerr
			}
			if err == nil {
				t.Fatalf("rendered %d bytes without an error", len(out))
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
			if _, _, _, ok := ErrorLine(err); !ok {
				t.Errorf("error without a line: %v", err)
			}
			if len(err.Error()) > 4*MaxErrorContext+200 {
				t.Errorf("error of %d bytes quotes too much of the template", len(err.Error()))
			}
			if len(out) > MaxOutput {
				t.Errorf("output %d bytes above the cap", len(out))
			}
		})
	}
}

// freshRun gives a test the whole of the run's total time, and the tests
// after it too: the total is the process's, and a test binary is one
// process.
func freshRun(t *testing.T) {
	spent.Store(0)
	t.Cleanup(func() { spent.Store(0) })
}

// The limits never change what an ordinary template renders, including the
// printing of missing values, nil, errors and collections.
func TestRenderInstrumentedOutputUnchanged(t *testing.T) {
	data := Data{Values: map[string]string{"A": "1"}}
	for src, want := range map[string]string{
		`{{ .Values.MISSING }}|{{ .Nothing }}`:                                      "<no value>|<no value>",
		`{{ list 1 "a" }}{{ dict "k" "v" }}`:                                        "[1 a]map[k:v]",
		`{{ range $i, $e := list "a" "b" }}{{ $i }}{{ $e }}{{ end }}`:               "0a1b",
		`{{ define "x" }}[{{ . }}]{{ end }}{{ template "x" .Values.A }}`:            "[1]",
		`{{ $x := 1 }}{{ $x = 2 }}{{ $x }}`:                                         "2",
		`{{ range until 3 }}{{ if eq . 1 }}{{ continue }}{{ end }}{{ . }}{{ end }}`: "02",
		`{{ printf "%05d|%s" 42 "x" }}{{ print 1 2 }}{{ html "<" }}`:                "00042|x1 2&lt;",
		`{{ with .Values.A }}{{ . }}{{ else }}none{{ end }}`:                        "1",
	} {
		out, perr, eerr := Render("t", []byte(src), data)
		if perr != nil || eerr != nil {
			t.Errorf("%s: %v %v", src, perr, eerr)
			continue
		}
		if string(out) != want {
			t.Errorf("%s rendered %q, want %q", src, out, want)
		}
	}
}

// A render that runs out of time is stopped where it is: Render returns
// with ErrTimeLimit and no goroutine keeps running.
func TestRenderTimeLimitStops(t *testing.T) {
	spent.Store(0)
	defer spent.Store(0)
	before := runtime.NumGoroutine()
	for _, src := range []string{
		`{{ $l := until 100000 }}{{ range $l }}{{ range $l }}{{ range $l }}{{ end }}{{ end }}{{ end }}`,
		`{{ define "a" }}{{ if . }}{{ template "a" (slice . 1) }}{{ template "a" (slice . 1) }}{{ end }}{{ end }}{{ template "a" (until 50) }}`,
	} {
		start := time.Now()
		_, perr, eerr := Render("t", []byte(src), Data{})
		if perr != nil || !errors.Is(eerr, ErrTimeLimit) {
			t.Fatalf("%s: want the time limit, got %v %v", src, perr, eerr)
		}
		if d := time.Since(start); d > MaxDuration+2*time.Second {
			t.Errorf("%s: stopped after %s", src, d)
		}
	}
	time.Sleep(10 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after: a render keeps running", before, after)
	}
}

// Once the process has spent MaxTotalDuration rendering, every further
// render stops at its first step.
func TestRenderTotalTimeLimit(t *testing.T) {
	spent.Store(int64(MaxTotalDuration))
	defer spent.Store(0)
	start := time.Now()
	_, _, eerr := Render("t", []byte(`{{ range until 10 }}{{ end }}`), Data{})
	if !errors.Is(eerr, ErrTimeLimit) {
		t.Fatalf("want the time limit, got %v", eerr)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %s with the budget spent", d)
	}
	StartRun()
	if _, _, eerr := Render("t", []byte(`{{ range until 10 }}{{ end }}`), Data{}); eerr != nil {
		t.Errorf("a new run still has no budget: %v", eerr)
	}
}

// Lint renders untrusted templates inside CI jobs: nothing of the
// environment, the network, the clock or randomness reaches the output.
func TestRenderReadsNothingOfTheHost(t *testing.T) {
	t.Setenv("CATALOGEN_TEST_SECRET", "s3cr3t-value")
	src := `{{ env "CATALOGEN_TEST_SECRET" }}|{{ expandenv "$CATALOGEN_TEST_SECRET" }}|{{ getHostByName "localhost" }}|{{ now | date "2006" }}|{{ randAlphaNum 4 }}|{{ uuidv4 }}|{{ (genCA "x" 1).Cert | len | lt 0 }}`
	first, perr, eerr := Render("t", []byte(src), Data{})
	if perr != nil || eerr != nil {
		t.Fatal(perr, eerr)
	}
	if strings.Contains(string(first), "s3cr3t") || strings.Contains(string(first), "127.0.0.1") {
		t.Errorf("the host leaks into the output: %q", first)
	}
	again, _, _ := Render("t", []byte(src), Data{})
	if string(again) != string(first) {
		t.Errorf("output changes between renders: %q, %q", first, again)
	}
	full := FuncMap()
	safe := SafeFuncMap()
	for name := range HostFunctions {
		if _, ok := full[name]; !ok {
			t.Errorf("HostFunctions lists %s, which Rancher's executor does not have", name)
		} else if safe[name] == nil {
			t.Errorf("SafeFuncMap has no stub for %s", name)
		}
	}
	for name := range DeterministicFuncMap() {
		if _, host := HostFunctions[name]; host {
			t.Errorf("DeterministicFuncMap keeps %s", name)
		}
	}
}

// Ordinary renders do not use up the run's total: a process that renders
// thousands of small templates keeps its budget for a slow one.
func TestOrdinaryRendersKeepTheTotal(t *testing.T) {
	spent.Store(0)
	defer spent.Store(0)
	for i := 0; i < 5000; i++ {
		if _, perr, eerr := Render("t", []byte(`image: {{ .Values.A | default "x" }}`), Data{}); perr != nil || eerr != nil {
			t.Fatal(perr, eerr)
		}
	}
	if d := time.Duration(spent.Load()); d > MaxTotalDuration/2 {
		t.Errorf("5000 small renders used %s of the run's %s", d, MaxTotalDuration)
	}
}
