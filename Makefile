GO ?= go
FUZZTIME ?= 5m
STATICCHECK_VERSION ?= v0.8.2

.PHONY: all build test bench bench-lint vet fmt fuzz fuzz-list docs out clean wrapper-images

all: vet test build

build:
	$(GO) build -o bin/catalogen ./cmd/catalogen

# The whole test suite (what .ci/run calls). Installs the Debian tools the
# tests use when they are missing (docker-compose, git, pre-commit, xmllint),
# saying what it is doing at each step.
test:
	@echo "make test: checking the Debian tools the tests use (scripts/test-deps)" >&2
	./scripts/test-deps
	@echo "make test: go vet, gofmt, go mod tidy" >&2
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "make test: gofmt needed (make fmt)" >&2; exit 1; }
	@$(GO) mod tidy -diff || { echo "make test: go.mod/go.sum not tidy (go mod tidy)" >&2; exit 1; }
	@echo "make test: staticcheck $(STATICCHECK_VERSION)" >&2
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	@echo "make test: go test -race (every package; the slowest build the Harbor catalog and run pre-commit)" >&2
	$(GO) test -race -count=1 -timeout 10m ./...

# Benchmarks; BenchmarkLintCorpus and BenchmarkParseCorpus run side by side.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Lint against a bare parse of the community catalog, in CPU time per run
# (cpu-ns/op) on one core: separately, then alternated within each
# iteration (lint/parse, steadier on a busy machine); then lint's peak heap
# on 1 and 20 copies of it.
bench-lint:
	$(GO) test -run '^$$' -bench 'Corpus$$' -cpu 1 -count 5 -benchmem ./pkg/lint/rules
	$(GO) test -run '^$$' -bench LintOverParse -cpu 1 -benchtime 20x -count 3 ./pkg/lint/rules
	$(GO) test -run '^$$' -bench LintCopies -benchtime 1x ./pkg/lint/rules

# Every fuzz target of the repository, each for FUZZTIME (default 5m),
# found by scanning the test files rather than listed by hand, so a new
# target is fuzzed without editing this file. `make fuzz-list` shows them.
FUZZ_TARGETS = $(GO) list -f '{{$$d := .Dir}}{{range .TestGoFiles}}{{$$d}}/{{.}} {{end}}{{range .XTestGoFiles}}{{$$d}}/{{.}} {{end}}' ./... \
	| xargs grep -H '^func Fuzz[A-Za-z0-9_]*(' \
	| sed -E 's|^$(CURDIR)/(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*|./\1 \2|' | sort -u

fuzz-list:
	@$(FUZZ_TARGETS)

fuzz:
	@$(FUZZ_TARGETS) | while read -r pkg target; do \
		echo "== $$target ($$pkg)"; \
		$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }

fmt:
	gofmt -w $$(git ls-files '*.go')

# The setup wrapper image of every Harbor release in wrapper/installers.tsv,
# tagged WRAPPER_REPOSITORY:<wrapper tag> (what the built-in blueprint
# references). Needs a Docker engine; PUSH=1 pushes them.
WRAPPER_REPOSITORY ?= ghcr.io/catalogen/harbor-setup
wrapper-images:
	@awk -F'\t' '!/^#/ && NF == 6 { print $$1, $$2 }' wrapper/installers.tsv | while read -r release tag; do \
		echo "wrapper: Harbor $$release -> $(WRAPPER_REPOSITORY):$$tag"; \
		docker build -f wrapper/Dockerfile --build-arg HARBOR_RELEASE=$$release -t $(WRAPPER_REPOSITORY):$$tag . || exit 1; \
		if [ -n "$(PUSH)" ]; then docker push $(WRAPPER_REPOSITORY):$$tag || exit 1; fi; \
	done

# Render the built-in blueprints into ./out.
out:
	$(GO) run ./cmd/catalogen build --out ./out

clean:
	rm -rf bin out

# Regenerate docs/rules.md from the rule registry.
docs:
	$(GO) run ./cmd/catalogen rules --markdown > docs/rules.md
	$(GO) run ./cmd/harbor-setup --markdown > docs/harbor-setup.md
