GO ?= go
FUZZTIME ?= 5m

.PHONY: all build test bench vet fmt fuzz docs out clean

all: vet test build

build:
	$(GO) build -o bin/catalogen ./cmd/catalogen

# The whole test suite (what .ci/run calls).
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

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
