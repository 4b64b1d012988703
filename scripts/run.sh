#!/usr/bin/env bash
# `make run`: migrate, load demo data, start the development mail catcher, and serve.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/debug/kontakt

$bin migrate

# Mail goes to a local catcher (MailDev) unless the deployment points elsewhere.
if [ -z "${KONTAKT_SMTP_URL:-}" ]; then
  export KONTAKT_SMTP_URL=smtp://127.0.0.1:1025
  if ! (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null; then
    [ -d tools/mail-catcher/node_modules ] || (cd tools/mail-catcher && npm ci --no-audit --no-fund --silent)
    (cd tools/mail-catcher && exec npm start --silent >/dev/null 2>&1) &
    catcher=$!
    trap 'kill $catcher 2>/dev/null || true' EXIT
  fi
  mail_note="  Mail inbox: http://127.0.0.1:1080/  (every mail Kontakt sends lands here)"
else
  mail_note="  Mail:       sent through $KONTAKT_SMTP_URL"
fi

cat <<MSG

  Kontakt:    http://127.0.0.1:8080/
  API docs:   http://127.0.0.1:8080/api/docs/
  OpenAPI:    http://127.0.0.1:8080/api/openapi.json
  Health:     http://127.0.0.1:8080/healthz  /readyz  /metrics
$mail_note

MSG
# Loads (or refreshes) the demo data and prints the demo accounts.
$bin seed-demo 2>&1 | grep -v '^{'
echo
KONTAKT_LOG_FORMAT=${KONTAKT_LOG_FORMAT:-pretty} $bin serve
