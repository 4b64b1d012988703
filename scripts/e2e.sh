#!/usr/bin/env bash
# Runs the browser suite (tests/e2e, Playwright + system Chromium) against a real server
# with demo data on its own database and port, then stops the server and drops the database.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${KONTAKT_E2E_PORT:-18080}
server=${KONTAKT_TEST_DATABASE_SERVER:-postgres://postgres@127.0.0.1:5432}
db="kontakt_e2e_$$"
export KONTAKT_DATABASE_URL="$server/$db"
export KONTAKT_BIND="127.0.0.1:$port"
export KONTAKT_PUBLIC_URL="http://127.0.0.1:$port"
export KONTAKT_WEB_DIR="web-ui/dist"
export KONTAKT_STORAGE_DIR=$(mktemp -d -t kontakt-e2e-storage.XXXXXX)
export KONTAKT_E2E_URL="http://127.0.0.1:$port"
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
# The suite runs its own SMTP listener on this port and reads the mail from it.
export KONTAKT_SMTP_URL="smtp://127.0.0.1:${KONTAKT_E2E_SMTP_PORT:-18025}"
export KONTAKT_E2E_SMTP_PORT=${KONTAKT_E2E_SMTP_PORT:-18025}
export KONTAKT_MAIL_POLL_INTERVAL_MS=200
export KONTAKT_MAIL_RETRY_BASE_MS=200
export KONTAKT_WEBHOOK_ALLOW_PRIVATE_TARGETS=true  # the suite's webhook receivers listen on loopback
# A prebuilt server binary may be named (default: the debug build).
bin=${KONTAKT_E2E_BIN:-target/debug/kontakt}
log=$(mktemp -t kontakt-e2e-server.XXXXXX.log)

cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql "$server/postgres" -q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

"$bin" migrate
"$bin" seed-demo
"$bin" serve >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 50); do
  curl -sf "$KONTAKT_E2E_URL/readyz" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "the server exited; its log:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "$KONTAKT_E2E_URL/readyz" >/dev/null || { echo "the server did not become ready; its log:" >&2; cat "$log" >&2; exit 1; }

cd tests/e2e
npx playwright test "$@"
