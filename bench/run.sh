#!/usr/bin/env bash
# `make bench`: loads BENCH_ISSUES (default 1,000,000) generated issues into a database of its
# own, starts the release server, and measures the public map, list, detail and creation over
# HTTP with wrk at BENCH_CONNECTIONS (default 32) concurrent clients, plus the map query run
# directly in PostgreSQL with pgbench. Prints the figures recorded in bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${BENCH_ISSUES:-1000000}
connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_SECONDS:-15}
port=${BENCH_PORT:-18090}
server=${KONTAKT_TEST_DATABASE_SERVER:-postgres://postgres@127.0.0.1:5432}
db=kontakt_bench
url="$server/$db"
base="http://127.0.0.1:$port"
export BENCH_ISSUES=$count

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
cargo build --release -q -p kontakt

existing=$(psql "$url" -Atc "SELECT count(*) FROM issues WHERE title LIKE 'Zgłoszenie testowe %'" 2>/dev/null || echo 0)
if [ "${BENCH_REUSE:-1}" != 1 ] || [ "$existing" != "$count" ]; then
  echo "== generating $count issues (a few minutes)"
  psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  KONTAKT_DATABASE_URL=$url target/release/kontakt migrate >/dev/null 2>&1
  KONTAKT_DATABASE_URL=$url target/release/kontakt seed-demo >/dev/null 2>&1
  time psql "$url" -q -v count="$count" -f bench/generate.sql
fi

log=$(mktemp -t kontakt-bench.XXXXXX.log)
KONTAKT_DATABASE_URL=$url KONTAKT_BIND=127.0.0.1:$port KONTAKT_DATABASE_POOL_SIZE=$connections \
  KONTAKT_STORAGE_DIR=$(mktemp -d) RUST_LOG=warn target/release/kontakt serve >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(date -u +%F)"
echo "== database: $(psql "$url" -Atc "SELECT pg_size_pretty(pg_database_size('$db'))"), issues table with indexes: $(psql "$url" -Atc "SELECT pg_size_pretty(pg_total_relation_size('issues'))")"
district=$(curl -s "$base/api/v1/issues/map?bbox=19.44,51.75,19.465,51.766" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
street=$(curl -s "$base/api/v1/issues/map?bbox=19.455,51.758,19.459,51.760" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
echo "== points in a district box (0.025° × 0.016°): $district; in a street box (0.004° × 0.002°): $street"

run() {
  local name=$1; shift
  echo "== $name"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" | grep -E "Latency|50%|99%|Requests/sec|Non-2xx|Socket errors"
}
BOX_LON=0.025 BOX_LAT=0.016 run "map, district box" -s bench/map.lua "$base"
BOX_LON=0.004 BOX_LAT=0.002 run "map, street box" -s bench/map.lua "$base"
run "list with filters" -s bench/list.lua "$base"
run "detail" -s bench/detail.lua "$base"
run "create" -s bench/create.lua "$base"

echo "== map query directly in PostgreSQL (pgbench, $connections clients)"
pglog=$(mktemp -d)
(cd "$pglog" && pgbench -n -c "$connections" -j 2 -T "$duration" -l -f "$OLDPWD/bench/map.sql" "$url" | grep -E "tps|latency average")
cat "$pglog"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "pgbench latency p50 %.2f ms, p99 %.2f ms over %d queries\n", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, NR}'
rm -rf "$pglog"

echo "== plan of the map query"
psql "$url" -Atc "EXPLAIN (ANALYZE, BUFFERS) $(sed -e '/^\\set/d' -e '/^--/d' -e 's/:lon0/19.44/g; s/:lat0/51.75/g' bench/map.sql)"
