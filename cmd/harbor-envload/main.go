// Command harbor-envload is the entrypoint of the Harbor containers that
// read what the setup wrapper generates. It waits for the wrapper's ready
// marker, exports the container's env file exactly as Docker Compose reads
// env files, and execs the image's original command, which stays PID 1 and
// receives stop signals.
//
//	harbor-envload [--ready FILE] [--env FILE] [--timeout 10m] -- COMMAND [ARG...]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/catalogen/catalogen/pkg/envfile"
)

func main() {
	err := run(os.Args[1:], os.Environ(), os.Stderr, syscall.Exec)
	fmt.Fprintf(os.Stderr, "harbor-envload: %v\n", err)
	os.Exit(1)
}

type execFunc func(argv0 string, argv []string, envv []string) error

// run returns only on failure: on success exec replaces the process.
func run(args, environ []string, stderr io.Writer, exec execFunc) error {
	fl := flag.NewFlagSet("harbor-envload", flag.ContinueOnError)
	fl.SetOutput(stderr)
	ready := fl.String("ready", "", "wait until this file exists")
	envFile := fl.String("env", "", "env file to export (NAME=value lines)")
	timeout := fl.Duration("timeout", 10*time.Minute, "how long to wait for --ready")
	if err := fl.Parse(args); err != nil {
		return err
	}
	argv := fl.Args()
	if len(argv) == 0 {
		return errors.New("no command given; usage: harbor-envload [--ready FILE] [--env FILE] -- COMMAND [ARG...]")
	}
	if *ready != "" {
		if err := wait(*ready, *timeout); err != nil {
			return err
		}
	}
	env := environ
	if *envFile != "" {
		f, err := os.Open(*envFile)
		if err != nil {
			return fmt.Errorf("%v; the setup wrapper writes it (see its log)", err)
		}
		vars, err := envfile.Parse(f, *envFile)
		f.Close()
		if err != nil {
			return err
		}
		env = envfile.Merge(environ, vars)
		fmt.Fprintf(stderr, "harbor-envload: %d variables from %s\n", len(vars), *envFile)
	}
	path, err := lookPath(argv[0], env)
	if err != nil {
		return err
	}
	return exec(path, argv, env)
}

func wait(ready string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for said := false; ; said = true {
		if _, err := os.Stat(ready); err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not appear within %s; the setup wrapper (harbor-setupwrapper) writes it once Harbor's configuration is complete: see its log", ready, timeout)
		}
		if !said {
			fmt.Fprintf(os.Stderr, "harbor-envload: waiting for %s\n", ready)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// lookPath finds a command in the PATH of the environment it will run with.
func lookPath(name string, env []string) (string, error) {
	if strings.Contains(name, "/") {
		return name, nil
	}
	pathVar := "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			pathVar = v
		}
	}
	for _, dir := range filepath.SplitList(pathVar) {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: not found in PATH %s", name, pathVar)
}
