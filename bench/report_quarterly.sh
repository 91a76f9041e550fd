#!/usr/bin/env bash
# The quarterly report over a long shipment history (issue 6: at most 0.2 s at 5 million
# shipments), on SQLite and on a throwaway PostgreSQL 15 on loopback, beside the plain aggregate
# SQL over the raw tables in the same database, and a check that both give the same figures.
#   bench/report_quarterly.sh [SHIPMENTS] [YEARS] [RUNS]   (default 5000000 4 5; build first with scripts/build)
#   AFTERFLOW_BENCH_BACKENDS=sqlite (or postgresql) runs one backend only.
# Load: bench/report_history_generate's tables go straight into a migrated database through each
# database's own bulk loader (sqlite3 .import, psql \copy), its indexes dropped during the load
# and built again after; then `afterflow db rebuild-rollups` makes every fact and rollup with the
# product's own rollup code. Not part of CI. Uses about 1.3 GB of disk per million shipments
# (both backends), in $AFTERFLOW_BENCH_DIR (default /tmp), removed at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AFTERFLOW_BUILD_DIR:-$root/build}
shipments=${1:-5000000}
years=${2:-4}
runs=${3:-5}
period=2026Q3
backends=${AFTERFLOW_BENCH_BACKENDS:-sqlite postgresql}
work=$(mktemp -d "${AFTERFLOW_BENCH_DIR:-/tmp}/afterflow-report.XXXXXX")
chmod 755 "$work"
# AFTERFLOW_BENCH_KEEP=1 keeps the databases (and the server running) to look at query plans.
if [ -z "${AFTERFLOW_BENCH_KEEP:-}" ]; then
  trap '"$root/tests/support/postgres-server" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
fi
afterflow="$build/cli/afterflow"
generate="$build/bench/report_history_generate $shipments $years"
tables="party party_role shipment shipment_line shipment_event receipt receipt_line"
columns() { "$build/bench/report_history_generate" 1 1 "$1" | head -1; }
say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# Wall and CPU seconds (user + system) of one command, and how they went (the machine is shared).
measure() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The report as a person runs it, process start included: RUNS runs, medians of wall and CPU.
time_report() {
  local url=$1; shift
  : > "$work/walls"; : > "$work/cpus"
  for _ in $(seq "$runs"); do
    read -r wall cpu < <(measure "$afterflow" --db "$url" report quarterly --period "$period" --format json \
      -o "$work/report.json" "$@")
    echo "$wall" >> "$work/walls"; echo "$cpu" >> "$work/cpus"
  done
  printf 'afterflow report quarterly --period %s %s: median wall %s s, CPU %s s (runs: %s)\n' "$period" "$*" \
    "$(median < "$work/walls")" "$(median < "$work/cpus")" "$(tr '\n' ' ' < "$work/walls")"
}

# The same report from `afterflow serve` (warm connections, as a web client gets it): one request
# to warm up, then RUNS requests each, medians of curl's total time.
time_served() {
  local url=$1 port=18199
  "$afterflow" --db "$url" serve --port "$port" > "$work/serve.log" 2>&1 &
  local server=$!
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done
  for client in "" CLIENT01 CLIENT12; do
    local path="/api/reports/quarterly?period=$period&format=json${client:+&client=$client}"
    curl -sf -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port$path" > "$work/first"
    : > "$work/served"
    for _ in $(seq "$runs"); do
      curl -sf -o "$work/served.json" -w '%{time_total}\n' "http://127.0.0.1:$port$path" >> "$work/served"
    done
    printf 'GET %s from afterflow serve: median %s s (first %s s; runs: %s)\n' "$path" "$(median < "$work/served")" \
      "$(cat "$work/first")" "$(tr '\n' ' ' < "$work/served")"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
}

report_all() {
  local url=$1
  read -r wall cpu < <(measure "$afterflow" --db "$url" db rebuild-rollups)
  say "afterflow db rebuild-rollups: wall $wall s, CPU $cpu s"
  time_report "$url"
  time_report "$url" --client CLIENT01
  time_report "$url" --client CLIENT12
  time_served "$url"
  "$build/bench/report_bench" "$url" "$period" "$runs"
  "$build/bench/report_bench" "$url" "$period" "$runs" CLIENT12
}

say "load average: $(cut -d' ' -f1-3 /proc/loadavg); $shipments shipments over $years years, $runs runs each"

# SQLite: the migrated schema, its indexes put aside while the rows go in.
if [[ " $backends " == *" sqlite "* ]]; then
db="$work/history.db"
"$afterflow" --db "$db" db migrate >/dev/null
{
  echo "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;"
  echo "CREATE TEMP TABLE kept_index AS SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
  echo "  AND tbl_name IN ('$(echo $tables | sed "s/ /','/g")');"
  sqlite3 "$db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name IN ('$(echo $tables | sed "s/ /','/g")')"
  echo "BEGIN;"
  for table in $tables; do
    cols=$(columns "$table")
    # .import writes empty fields as '': NULLIF makes them NULL, as psql's CSV does.
    echo "CREATE TEMP TABLE staged ($cols);"
    echo ".import --csv --skip 1 \"|$generate $table\" staged"
    echo "INSERT INTO $table ($cols) SELECT $(echo "$cols" | sed "s/\([a-z_][a-z_0-9]*\)/NULLIF(\1, '')/g") FROM staged;"
    echo "DROP TABLE staged;"
  done
  echo "COMMIT;"
  echo ".headers off"
  echo ".output $work/indexes.sql"
  echo "SELECT sql || ';' FROM kept_index;"
  echo ".output stdout"
  echo ".read $work/indexes.sql"
} > "$work/load.sql"
read -r wall cpu < <(measure sqlite3 "$db" ".read $work/load.sql")
say "SQLite: loaded and indexed in $wall s wall, $cpu s CPU; $(du -m "$db" | cut -f1) MB"
report_all "$db"
say "SQLite done; df: $(df -h "$work" | awk 'NR == 2 { print $4 " free" }')"
[ -n "${AFTERFLOW_BENCH_KEEP:-}" ] || rm -f "$db" "$db-wal" "$db-shm"
fi

if [[ " $backends " == *" postgresql "* ]]; then
# PostgreSQL: the same rows through \copy, indexes that back no constraint put aside meanwhile.
"$root/tests/support/postgres-server" start "$work/pg" >/dev/null
url=$(cat "$work/pg/url")
port=${url##*:}; port=${port%%/*}
export PGPASSWORD=afterflow
psql_args=(-qtA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U afterflow -d afterflow)
pg() { psql "${psql_args[@]}" "$@"; }
"$afterflow" --db "$url" db migrate >/dev/null
list="'$(echo $tables | sed "s/ /','/g")'"
pg -c "SELECT indexdef || ';' FROM pg_indexes i WHERE schemaname = 'public' AND tablename IN ($list)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)" \
  > "$work/indexes.sql"
{
  sed 's/^CREATE \(UNIQUE \)\?INDEX \([a-z_0-9]*\) .*/DROP INDEX \2;/' "$work/indexes.sql"
  for table in $tables; do
    echo "\\copy $table ($(columns "$table")) FROM PROGRAM '$generate $table' WITH (FORMAT csv, HEADER true)"
  done
  cat "$work/indexes.sql"
  for table in party shipment shipment_event receipt; do
    key=$([ "$table" = shipment_event ] && echo event_id || echo "${table}_id")
    echo "SELECT setval(pg_get_serial_sequence('$table', '$key'), (SELECT max($key) FROM $table));"
  done
  echo "ANALYZE $(echo $tables | sed "s/ /, /g");"
} > "$work/load-pg.sql"
read -r wall cpu < <(measure psql "${psql_args[@]}" -f "$work/load-pg.sql")
say "PostgreSQL: loaded, indexed and analyzed in $wall s wall ($cpu s CPU in psql and the generator);" \
  "$(pg -c "SELECT pg_database_size('afterflow') / 1048576") MB"
report_all "$url"
fi
[ -z "${AFTERFLOW_BENCH_KEEP:-}" ] || say "kept in $work (tests/support/postgres-server stop $work/pg)"
say "done; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
