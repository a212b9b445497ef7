// Command harbor-setup is the setup wrapper's program: it reads Harbor's
// settings from environment variables, writes harbor.cfg for one Harbor
// release, runs that release's prepare and delivers the generated files to
// the containers that read them. See docs/harbor-setup.md.
//
//	harbor-setup [--release VERSION] [--installer DIR] [--root DIR] [--python PATH] [--loader PATH]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/catalogen/catalogen/pkg/harborsetup"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Environ(), os.Stdout, os.Stderr))
}

func run(ctx context.Context, args, environ []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("harbor-setup", flag.ContinueOnError)
	fl.SetOutput(stderr)
	release := fl.String("release", "", "Harbor release of the installer (default: recognised from its prepare)")
	installer := fl.String("installer", "/harbor", "folder holding the release's installer (prepare, common/templates/)")
	root := fl.String("root", "/", "folder standing for the container's filesystem; outputs land below it")
	python := fl.String("python", "", "Python that runs prepare (default: looked up on PATH for the release)")
	loader := fl.String("loader", "/usr/local/bin/harbor-envload", "env loader binary delivered to the Harbor containers")
	timeout := fl.Duration("timeout", 10*time.Minute, "time limit for prepare")
	markdown := fl.Bool("markdown", false, "print the settings and consumer tables as Markdown (docs/harbor-setup.md) and exit")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *markdown {
		if err := writeMarkdown(stdout); err != nil {
			fmt.Fprintf(stderr, "harbor-setup: %v\n", err)
			return 1
		}
		return 0
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "harbor-setup: unexpected argument %q; settings come from environment variables\n", fl.Arg(0))
		return 2
	}
	r, err := pickRelease(*release, *installer)
	if err != nil {
		fmt.Fprintf(stderr, "harbor-setup: %v\n", err)
		return 2
	}
	py := *python
	if py == "" {
		if py, err = harborsetup.FindPython(ctx, r); err != nil {
			fmt.Fprintf(stderr, "harbor-setup: %v\n", err)
			return 2
		}
	}
	err = harborsetup.Run(ctx, harborsetup.Options{
		Release: r, Installer: *installer, Root: *root, Python: py, Loader: *loader,
		Environ: environ, Timeout: *timeout, Log: stdout,
	})
	if err != nil {
		var ps harborsetup.Problems
		if errors.As(err, &ps) {
			fmt.Fprintf(stderr, "harbor-setup: Harbor %s: %v\nNothing was changed. Fix the settings (the stack's answers) and restart the wrapper.\n", r.Version, err)
			return 2
		}
		fmt.Fprintf(stderr, "harbor-setup: Harbor %s: %v\n", r.Version, err)
		return 1
	}
	return 0
}

func pickRelease(version, installer string) (*harborsetup.Release, error) {
	if version != "" {
		return harborsetup.Lookup(version)
	}
	return harborsetup.Recognise(installer)
}
