#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers; starts an installed but stopped cluster.
set -euo pipefail
host=${PGHOST:-127.0.0.1}
port=${PGPORT:-5432}
ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }
ready && exit 0
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "PostgreSQL is not running; starting cluster $version/main…" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
fi
cat >&2 <<MSG
PostgreSQL is not reachable at $host:$port.
Kontakt needs PostgreSQL 13 or newer. Either start it (Debian: pg_ctlcluster <version> main start),
install it (apt-get install -y postgresql), or point KONTAKT_DATABASE_URL at a running server.
MSG
exit 1
