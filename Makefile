# Kontakt — the project's commands. `make run` and `make test` are the two that matter.
SHELL := /bin/bash
.DEFAULT_GOAL := help

CARGO ?= cargo
BIN := target/debug/kontakt
export KONTAKT_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kontakt
NEXTEST := $(shell $(CARGO) nextest --version >/dev/null 2>&1 && echo yes)

.PHONY: help run build web web-deps e2e-deps georeport-deps test test-rust test-web e2e lint fmt fmt-check clippy openapi openapi-check db db-reset bench schema

help:
	@echo "make run       build everything, migrate, load demo data, serve http://127.0.0.1:8080"
	@echo "make test      every check: fmt, clippy, Rust tests, web UI checks, OpenAPI drift, e2e"
	@echo "make openapi   regenerate openapi/openapi.json and the web UI's API types"
	@echo "make bench     load 1,000,000 issues and measure the public API (bench/RESULTS.md)"
	@echo "make lint | fmt | db-reset | schema"

## Build and serve with demo data (and a mail catcher for the mail Kontakt sends).
run: db build web
	scripts/run.sh

build:
	$(CARGO) build -p kontakt

web-deps:
	@[ -d web-ui/node_modules ] || (cd web-ui && npm ci --no-audit --no-fund)

web: web-deps
	cd web-ui && npm run build

e2e-deps:
	@[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund)

## Every check CI runs.
test: db fmt-check clippy test-rust openapi-check test-web e2e
	@echo "All checks passed."

## PyPI's georeport client, which a test runs against the Open311 endpoint.
georeport-deps:
	@[ -x tests/georeport/.venv/bin/python ] || (python3 -m venv tests/georeport/.venv && tests/georeport/.venv/bin/pip install -q -r tests/georeport/requirements.txt)

test-rust: georeport-deps
ifeq ($(NEXTEST),yes)
	$(CARGO) nextest run --workspace --no-fail-fast
else
	$(CARGO) test --workspace --no-fail-fast
endif

test-web: web-deps
	cd web-ui && npm run typecheck && npm run lint && npm run test && npm run check:api

e2e: build web e2e-deps
	scripts/e2e.sh

lint: fmt-check clippy web-deps
	cd web-ui && npm run lint

fmt:
	$(CARGO) fmt --all

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## The OpenAPI document is generated from the code; the web UI's types from the document.
openapi: web-deps
	$(CARGO) run -q -p kontakt -- openapi > openapi/openapi.json
	cd web-ui && npm run gen:api

openapi-check:
	@$(CARGO) run -q -p kontakt -- openapi | diff -u openapi/openapi.json - \
		|| (echo "openapi/openapi.json is stale: run 'make openapi'" >&2; exit 1)

db:
	@scripts/ensure-postgres.sh

## Drop and recreate the development database with demo data.
db-reset: db build
	psql "$${KONTAKT_DATABASE_URL%/*}/postgres" -v ON_ERROR_STOP=1 -c 'DROP DATABASE IF EXISTS "$(notdir $(KONTAKT_DATABASE_URL))" WITH (FORCE)'
	$(BIN) migrate
	$(BIN) seed-demo

## Benchmarks of the public map, list, detail and creation on 1,000,000 issues.
bench: db
	bench/run.sh

## Regenerate api/src/schema.rs from the migrations (needs diesel_cli).
schema: db build
	psql "$${KONTAKT_DATABASE_URL%/*}/postgres" -qc 'DROP DATABASE IF EXISTS kontakt_schema WITH (FORCE)'
	KONTAKT_DATABASE_URL="$${KONTAKT_DATABASE_URL%/*}/kontakt_schema" $(BIN) migrate
	diesel print-schema --database-url "$${KONTAKT_DATABASE_URL%/*}/kontakt_schema" > api/src/schema.rs
