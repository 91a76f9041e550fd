#!/usr/bin/env bash
# POS CSV import, side by side in one run: `afterflow import pos` (parse, map, dedupe, match
# customers, sale + sale_line + installed_unit) against the databases' own loaders putting the
# same file into a plain table with the same columns: sqlite3 .import, and COPY via psql \copy on
# a throwaway PostgreSQL 15. Each line gives wall seconds and the CPU seconds (user + sys) of the
# client process (for PostgreSQL the server's own work is in neither column), and the load
# average before and after, since other work on the machine distorts wall time.
#   bench/pos_import.sh [ROWS]      (default 1000000; build first with scripts/build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AFTERFLOW_BUILD_DIR:-$root/build}
rows=${1:-1000000}
work=$(mktemp -d /tmp/afterflow-posbench.XXXXXX)
chmod 755 "$work"
trap '"$root/tests/support/postgres-server" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
afterflow="$build/cli/afterflow"
mapping="$root/schemas/pos-mappings/vendor-a.ini"
"$build/bench/pos_generate" "$rows" > "$work/rows.csv"
columns="store TEXT, business_day TEXT, register TEXT, receipt TEXT, time TEXT, sku TEXT, description TEXT, qty TEXT, amount TEXT, currency TEXT, loyalty TEXT, email TEXT, phone TEXT, serial TEXT, type TEXT, reason TEXT, disposal TEXT"

# "WALL CPU" of one command (CPU: user + sys of it and its children).
measure() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}
rate() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

load_before=$(load)
# The schema is migrated first, so the timing is the import alone.
"$afterflow" --db "$work/ours.db" db migrate >/dev/null
read -r ours_sqlite ours_sqlite_cpu < <(measure "$afterflow" --db "$work/ours.db" import pos "$work/rows.csv" --mapping "$mapping")
read -r again_sqlite again_sqlite_cpu < <(measure "$afterflow" --db "$work/ours.db" import pos "$work/rows.csv" --mapping "$mapping")
sqlite3 "$work/import.db" "CREATE TABLE pos_rows ($columns)"
read -r import_s import_cpu < <(measure sqlite3 "$work/import.db" ".import --csv --skip 1 $work/rows.csv pos_rows")

"$root/tests/support/postgres-server" start "$work/pg" >/dev/null
url=$(cat "$work/pg/url")
"$afterflow" --db "$url" db migrate >/dev/null
read -r ours_pg ours_pg_cpu < <(measure "$afterflow" --db "$url" import pos "$work/rows.csv" --mapping "$mapping")
read -r again_pg again_pg_cpu < <(measure "$afterflow" --db "$url" import pos "$work/rows.csv" --mapping "$mapping")
port=${url##*:}; port=${port%%/*}
export PGPASSWORD=afterflow
psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "DROP TABLE IF EXISTS pos_rows" -c "CREATE TABLE pos_rows ($columns)"
read -r copy_s copy_cpu < <(measure psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "\\copy pos_rows FROM '$work/rows.csv' CSV HEADER")
load_after=$(load)

line() { printf '%-52s %8s %8s %10s %8s %8s\n' "$@"; }
line "POS CSV import, $rows rows ($(du -m "$work/rows.csv" | cut -f1) MB)" wall-s cpu-s rows/s wall-x cpu-x
line "SQLite: afterflow import pos" "$ours_sqlite" "$ours_sqlite_cpu" "$(rate "$ours_sqlite")" "$(ratio "$import_s" "$ours_sqlite")" "$(ratio "$import_cpu" "$ours_sqlite_cpu")"
line "SQLite: afterflow import pos, again (all known)" "$again_sqlite" "$again_sqlite_cpu" "$(rate "$again_sqlite")" "$(ratio "$import_s" "$again_sqlite")" "$(ratio "$import_cpu" "$again_sqlite_cpu")"
line "SQLite: sqlite3 .import (plain table)" "$import_s" "$import_cpu" "$(rate "$import_s")" "1.00x" "1.00x"
line "PostgreSQL: afterflow import pos (psqlODBC)" "$ours_pg" "$ours_pg_cpu" "$(rate "$ours_pg")" "$(ratio "$copy_s" "$ours_pg")" "-"
line "PostgreSQL: afterflow import pos, again (all known)" "$again_pg" "$again_pg_cpu" "$(rate "$again_pg")" "$(ratio "$copy_s" "$again_pg")" "-"
line "PostgreSQL: COPY via psql \\copy (plain table)" "$copy_s" "$copy_cpu" "$(rate "$copy_s")" "1.00x" "-"
echo "ratios: the reference's time / ours (above 1.00x: ours is faster); load average before: $load_before, after: $load_after"
