#!/usr/bin/env bash
# `make bench`: loads BENCH_ISSUES (default 1,000,000) generated issues into a database of its
# own, starts the release server, and measures the staff statistics (one request at a time),
# then the public map, list, detail and creation over HTTP with wrk at BENCH_CONNECTIONS
# (default 32) concurrent clients, each beside the same database work run directly in
# PostgreSQL with pgbench (bench/*.sql: the SQL the server issues for that request).
# BENCH_ONLY=stats measures the statistics alone. Prints the figures recorded in
# bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${BENCH_ISSUES:-1000000}
connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_SECONDS:-15}
warmup=${BENCH_WARMUP:-5}
port=${BENCH_PORT:-18090}
server=${KONTAKT_TEST_DATABASE_SERVER:-postgres://postgres@127.0.0.1:5432}
db=kontakt_bench
url="$server/$db"
base="http://127.0.0.1:$port"
bench=$PWD/bench
export BENCH_ISSUES=$count

[ "${BENCH_ONLY:-all}" = stats ] || command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed: apt-get install -y postgresql-client" >&2; exit 1; }
cargo build --release -q -p kontakt

existing=$(psql "$url" -Atc "SELECT count(*) FROM issues WHERE title LIKE 'Zgłoszenie testowe %'" 2>/dev/null || echo 0)
if [ "${BENCH_REUSE:-1}" != 1 ] || [ "$existing" != "$count" ]; then
  echo "== generating $count issues (a few minutes)"
  psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  KONTAKT_DATABASE_URL=$url target/release/kontakt migrate >/dev/null 2>&1
  KONTAKT_DATABASE_URL=$url target/release/kontakt seed-demo >/dev/null 2>&1
  time psql "$url" -q -v count="$count" -f bench/generate.sql
fi
facts=$(psql "$url" -Atc "SELECT count(*) FROM issue_stats s JOIN issues i ON i.id = s.issue_id WHERE i.title LIKE 'Zgłoszenie testowe %'")
if [ "$facts" != "$count" ]; then
  echo "== statistics facts of the generated issues"
  time psql "$url" -q -f bench/stats-facts.sql
fi

log=$(mktemp -t kontakt-bench.XXXXXX.log)
KONTAKT_DATABASE_URL=$url KONTAKT_BIND=127.0.0.1:$port KONTAKT_DATABASE_POOL_SIZE=$connections \
  KONTAKT_STORAGE_DIR=$(mktemp -d) RUST_LOG=warn target/release/kontakt serve >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(date -u +%F); $(psql "$url" -Atc 'SHOW server_version')"
echo "== load before: $(uptime)"
# busy: the processes using more than 5 % of a core over one second.
busy() { top -b -n2 -d1 -w 200 | awk '/^top -/ {n++} n == 2 && $1 ~ /^[0-9]+$/ && $9 > 5 {printf "%s %s%%; ", $12, $9}'; }
echo "== busiest processes before: $(busy)"
echo "== database: $(psql "$url" -Atc "SELECT pg_size_pretty(pg_database_size('$db'))"), issues table with indexes: $(psql "$url" -Atc "SELECT pg_size_pretty(pg_total_relation_size('issues'))")"
points() { curl -s "$base/api/v1/issues/map?bbox=$1" | python3 -c 'import json,sys; body=sys.stdin.buffer.read(); print(len(json.loads(body)["features"]), "points,", len(body) // 1024, "KiB")'; }
echo "== map answer for a district box (0.025° × 0.016°): $(points 19.44,51.75,19.465,51.766); for a street box (0.004° × 0.002°): $(points 19.455,51.758,19.459,51.760)"
echo "   (answers are put together from shared 0.01° cells and clipped to the box)"

summary=()
# http NAME WRK-ARGS…: one measured wrk run over HTTP.
http() {
  local name=$1; shift
  echo "== $name: HTTP (wrk, $connections connections, ${duration}s)"
  local out; out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")
  grep -E "Latency|50%|99%|Requests/sec|Transfer/sec|Non-2xx|Socket errors" <<<"$out" || true
  summary+=("$(awk -v name="$name" '
    /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2} /^Requests\/sec/ {rps = $2} /^Transfer\/sec/ {bytes = $2}
    /Non-2xx/ {bad = $NF} /Socket errors/ {sub(/^ +/, ""); errors = "; " $0}
    END {printf "%-22s HTTP     p50 %9s  p99 %9s  %9s req/s  %s/s  non-2xx %s%s", name, p50, p99, rps, bytes, bad + 0, errors}' <<<"$out")")
}
# warm NAME WRK-ARGS…: an unmeasured wrk pass with the same script (fills the map's cells).
warm() {
  local name=$1; shift
  echo "== $name: ${warmup}s warm-up pass with the same script first (not measured)"
  wrk -t2 -c"$connections" -d"${warmup}s" "$@" >/dev/null
}
# sql NAME SCRIPT PGBENCH-ARGS…: the same database work directly in PostgreSQL, p50/p99 from
# pgbench's per-transaction log (one transaction = one request's queries).
sql() {
  local name=$1 script=$2; shift 2
  local dir; dir=$(mktemp -d)
  echo "== $name: directly in PostgreSQL (pgbench bench/$script, $connections clients, ${duration}s)"
  (cd "$dir" && pgbench -n -c "$connections" -j 2 -T "$duration" -l "$@" -f "$bench/$script" "$url" >out 2>&1) \
    || { echo "pgbench failed:"; tail -5 "$dir/out"; }
  grep -E "^tps|latency average|failed transactions" "$dir/out" || true
  local tps; tps=$(awk '/^tps/ {printf "%.0f", $3}' "$dir/out")
  local line; line=$(cat "$dir"/pgbench_log.* | awk '$3 ~ /^[0-9]+$/ {print $3}' | sort -n | awk -v tps="$tps" '
    {a[NR] = $1}
    END {if (NR) printf "p50 %7.2fms  p99 %7.2fms  %9s q/s    (%d transactions)", a[int(NR * 0.5) + 1] / 1000, a[int(NR * 0.99) + 1] / 1000, tps, NR}')
  echo "pgbench latency $line"
  summary+=("$(printf "%-22s pgbench  %s" "$name" "$line")")
  rm -rf "$dir"
}

# stats NAME PATH: ten requests one after another (a dashboard is opened by one person at a
# time), min/median/max.
stats() {
  local name=$1 path=$2 times=() status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base$path")
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; return 1; }
  for _ in $(seq 1 10); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$base$path")")
  done
  local line; line=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1}
    END {printf "min %5.0f ms  median %5.0f ms  max %5.0f ms", a[1] * 1000, a[int((NR + 1) / 2)] * 1000, a[NR] * 1000}')
  echo "== $name: $line"
  summary+=("$(printf "%-30s HTTP     %s" "$name" "$line")")
}

if [ "${BENCH_ONLY:-all}" = all ] || [ "${BENCH_ONLY:-}" = stats ]; then
  token=$(curl -s -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"admin@demo.kontakt.example","password":"Kontakt-demo-2026!"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  all="from=$(date -u -d '-731 days' +%F)&to=$(date -u +%F)"
  unit=zarzad-drog-i-transportu
  echo "== statistics over $(psql "$url" -Atc "SELECT count(*) FROM issue_stats WHERE counted") issues"
  stats "stats, all issues (2 years)" "/api/v1/stats?$all"
  stats "stats, last 365 days" "/api/v1/stats"
  stats "stats, one unit, 2 years" "/api/v1/stats?$all&unit=$unit"
  stats "stats CSV per unit, 2 years" "/api/v1/stats/export?breakdown=unit&$all"
  stats "heat map, 2 years" "/api/v1/stats/heatmap?$all"
  stats "public stats, 2 years" "/api/v1/stats/public?$all"
  echo "== plan of the statistics' aggregation over all issues"
  sed -e "s/:from/now() - interval '731 days'/g; s/:to/now()/g" bench/stats.sql |
    awk 'BEGIN {RS = ";"} /SELECT/ {print "BEGIN; SET LOCAL work_mem = '"'"'64MB'"'"'; SET LOCAL jit = off;"
      print "EXPLAIN (ANALYZE, BUFFERS) " $0 "; COMMIT;"}' | psql "$url" -Atq
fi
[ "${BENCH_ONLY:-all}" = stats ] && { printf '%s\n' "${summary[@]}"; exit 0; }

BOX_LON=0.025 BOX_LAT=0.016 warm "map, district box" -s bench/map.lua "$base"
BOX_LON=0.025 BOX_LAT=0.016 http "map, district box" -s bench/map.lua "$base"
sql "map, district box" map.sql -D dlon=0.025 -D dlat=0.016
sql "map, one cell" map-cell.sql
BOX_LON=0.004 BOX_LAT=0.002 warm "map, street box" -s bench/map.lua "$base"
BOX_LON=0.004 BOX_LAT=0.002 http "map, street box" -s bench/map.lua "$base"
sql "map, street box" map.sql -D dlon=0.004 -D dlat=0.002
http "list with filters" -s bench/list.lua "$base"
sql "list with filters" list.sql
http "detail" -s bench/detail.lua "$base"
sql "detail" detail.sql -D issues="$count"
http "create" -s bench/create.lua "$base"
sql "create" create.sql -D idempotency_key=0

echo "== load after: $(uptime)"
echo "== busiest processes after: $(busy)"
echo "== summary (HTTP: the request through the server, warm map cells; pgbench: the request's SQL alone;"
echo "   for the map the SQL is the whole-box query the server issued before the grid cells, and"
echo "   the cell query it now issues per cell on a cache miss)"
printf '%s\n' "${summary[@]}"
# (Mail delivery warnings are expected: the benchmark runs without an SMTP server.)
if grep -qE '"level":"ERROR"|panicked' "$log"; then
  echo "== server log errors:"
  grep -E '"level":"ERROR"|panicked' "$log" | sort | uniq -c | head -20 || true
fi

# plan SCRIPT SED-SUBSTITUTIONS: EXPLAIN ANALYZE of a one-statement pgbench script.
plan() {
  psql "$url" -Atc "EXPLAIN (ANALYZE, BUFFERS) $(sed -e '/^\\/d' -e '/^--/d' -e '/^SELECT 1;$/d' -e "$2" "bench/$1")"
}
echo "== plan of the cell query (cell 19.45–19.46, 51.75–51.76)"
plan map-cell.sql 's/:cx/1945/g; s/:cy/5175/g'
echo "== plan of the whole-box district query"
plan map.sql 's/:lon0/19.44/g; s/:lat0/51.75/g; s/:dlon/0.025/g; s/:dlat/0.016/g'
