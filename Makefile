# newsgraph: `make run` to serve the summit graph, `make test` to test everything.
.DEFAULT_GOAL := help
SHELL := bash

# The local development Neo4j (tools/neo4j). Its data lives in .neo4j/dev and
# survives restarts; nothing here ever deletes it.
NEO4J_PORT ?= 7687
NEO4J_DIR ?= $(CURDIR)/.neo4j/dev
NEO4J_DEV_PASSWORD ?= newsgraph-dev
export NEO4J_PORT NEO4J_DIR

.PHONY: help run build import neo4j neo4j-stop test test-short bench bench-quick bench-scale soak eval generate generate-check lint lint-schema tree-check web web-check

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

run: ## start the local Neo4j (unless NEO4J_URI points elsewhere), then the server on :8080
	@if [[ -z "$${NEO4J_URI:-}" || "$${NEO4J_URI}" == "bolt://127.0.0.1:$(NEO4J_PORT)" || "$${NEO4J_URI}" == "bolt://localhost:$(NEO4J_PORT)" ]]; then \
		NEO4J_PASSWORD="$${NEO4J_PASSWORD:-$(NEO4J_DEV_PASSWORD)}" tools/neo4j/start || exit 1; \
		export NEO4J_URI="bolt://127.0.0.1:$(NEO4J_PORT)" NEO4J_PASSWORD="$${NEO4J_PASSWORD:-$(NEO4J_DEV_PASSWORD)}"; \
	else \
		echo "using the Neo4j at $${NEO4J_URI}"; \
	fi; \
	go run .

build: ## build bin/newsgraph
	go build -o bin/newsgraph .

import: ## first load of a new local database from DOCS (JSON files or directories) with newsgraph import, offline; Neo4j must be stopped
	@test -n "$(DOCS)" || { echo "usage: make import DOCS='reports/ more.json'"; exit 1; }
	NEWSGRAPH_NEO4J_ADMIN=tools/neo4j/admin go run . import $(DOCS)

neo4j: ## start the local Neo4j on NEO4J_PORT (default 7687), data in .neo4j/dev
	@NEO4J_PASSWORD="$${NEO4J_PASSWORD:-$(NEO4J_DEV_PASSWORD)}" tools/neo4j/start

neo4j-stop: ## stop the local Neo4j (the data stays)
	@tools/neo4j/stop

test: ## the whole suite against its own Neo4j (own port, throwaway data), stopped afterwards
	@tools/test

test-short: ## only the tests that need no Neo4j, in seconds
	go test -short ./...

bench: ## the benchmark on its own Neo4j (data kept in .neo4j/bench); results in bench/results
	@tools/bench

bench-quick: ## the benchmark's smoke test: small data, the correctness gate, a few timings
	@tools/bench --quick

bench-scale: ## the million-statement stage (not in CI): store kept in .neo4j/bench-scale; Q1-Q5, RSS, store size
	@tools/bench --scale

DURATION ?= 30m
soak: ## the server under reads, writes, deletes and Neo4j kills for DURATION (default 30m), then the invariants
	@tools/soak $(DURATION)

eval: ## measure the extractor on the gold reports (the seed and internal/extract/testdata/gold); -v lists what it missed
	go run ./bench/eval $(EVAL_FLAGS)

generate: ## regenerate the gqlgen code from schema/*.graphqls
	go generate ./...

generate-check: generate ## fail if the committed generated code is stale
	@git diff --exit-code -- graph examples go.mod go.sum || { echo "generated code is stale: run 'make generate' and commit"; exit 1; }

tree-check: ## fail if a compiled binary or a file over 5 MB is tracked
	@tools/check-tree

lint-schema: ## graphql-schema-linter over schema/*.graphqls: every type, field, argument and value described
	@tools/web lint-schema

lint: ## gofmt and go vet
	@out="$$(gofmt -l .)"; if [[ -n "$$out" ]]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go vet ./...

web: ## rebuild the explorer (web/explorer, TypeScript + Vite) into web/explorer/dist, which the binary embeds
	@tools/web build

web-check: web ## fail if an explorer operation does not validate, or its generated types or build are stale
	@git diff --exit-code -- web/explorer/src/gql web/explorer/dist || { echo "the explorer's generated types or build are stale: run 'make web' and commit web/explorer/src/gql and web/explorer/dist"; exit 1; }
	@test -z "$$(git status --porcelain -- web/explorer/src/gql web/explorer/dist)" || { echo "web/explorer/src/gql or dist has files not committed: run 'make web' and commit"; git status --porcelain -- web/explorer/src/gql web/explorer/dist; exit 1; }
