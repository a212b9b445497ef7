GO ?= go
FUZZTIME ?= 5m

.PHONY: all build test bench vet fmt fuzz docs out clean

all: vet test build

build:
	$(GO) build -o bin/catalogen ./cmd/catalogen

# The whole test suite (what .ci/run calls). Installs the Debian tools the
# tests use when they are missing (docker-compose, git, pre-commit).
test:
	./scripts/test-deps
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 10m ./...

# Benchmarks; BenchmarkLintCorpus and BenchmarkParseCorpus run side by side.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target for FUZZTIME (default 5m).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLintVersion$$' -fuzztime $(FUZZTIME) ./pkg/lint/rules
	$(GO) test -run '^$$' -fuzz '^FuzzInterpolate$$' -fuzztime $(FUZZTIME) ./pkg/rancher/interp
	$(GO) test -run '^$$' -fuzz '^FuzzParseAffinityValue$$' -fuzztime $(FUZZTIME) ./pkg/rancher/labels
	$(GO) test -run '^$$' -fuzz '^FuzzParseSelector$$' -fuzztime $(FUZZTIME) ./pkg/rancher/labels
	$(GO) test -run '^$$' -fuzz '^FuzzCompare$$' -fuzztime $(FUZZTIME) ./pkg/rancher/version

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }

fmt:
	gofmt -w $$(git ls-files '*.go')

# Render the built-in blueprints into ./out.
out:
	$(GO) run ./cmd/catalogen build --out ./out

clean:
	rm -rf bin out

# Regenerate docs/rules.md from the rule registry.
docs:
	$(GO) run ./cmd/catalogen rules --markdown > docs/rules.md
