#!/usr/bin/env bash
# POS CSV import, side by side in one run: `afterflow import pos` (parse, map, dedupe, match
# customers, sale + sale_line + installed_unit) against the databases' own loaders putting the
# same file into a plain table with the same columns: sqlite3 .import, and COPY via psql \copy on
# a throwaway PostgreSQL 15.
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

rate() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

# The schema is migrated first, so the timing is the import alone.
"$afterflow" --db "$work/ours.db" db migrate >/dev/null
ours_sqlite=$(seconds "$afterflow" --db "$work/ours.db" import pos "$work/rows.csv" --mapping "$mapping")
again_sqlite=$(seconds "$afterflow" --db "$work/ours.db" import pos "$work/rows.csv" --mapping "$mapping")
sqlite3 "$work/import.db" "CREATE TABLE pos_rows ($columns)"
import_s=$(seconds sqlite3 "$work/import.db" ".import --csv --skip 1 $work/rows.csv pos_rows")

"$root/tests/support/postgres-server" start "$work/pg" >/dev/null
url=$(cat "$work/pg/url")
"$afterflow" --db "$url" db migrate >/dev/null
ours_pg=$(seconds "$afterflow" --db "$url" import pos "$work/rows.csv" --mapping "$mapping")
again_pg=$(seconds "$afterflow" --db "$url" import pos "$work/rows.csv" --mapping "$mapping")
port=${url##*:}; port=${port%%/*}
export PGPASSWORD=afterflow
psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "DROP TABLE IF EXISTS pos_rows" -c "CREATE TABLE pos_rows ($columns)"
copy_s=$(seconds psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "\\copy pos_rows FROM '$work/rows.csv' CSV HEADER")

printf '%-52s %10s %12s %8s\n' "POS CSV import, $rows rows ($(du -m "$work/rows.csv" | cut -f1) MB)" seconds rows/s ratio
printf '%-52s %10s %12s %8s\n' "SQLite: afterflow import pos" "$ours_sqlite" "$(rate "$ours_sqlite")" "$(ratio "$import_s" "$ours_sqlite")"
printf '%-52s %10s %12s %8s\n' "SQLite: afterflow import pos, again (all known)" "$again_sqlite" "$(rate "$again_sqlite")" "$(ratio "$import_s" "$again_sqlite")"
printf '%-52s %10s %12s %8s\n' "SQLite: sqlite3 .import (plain table)" "$import_s" "$(rate "$import_s")" "1.00x"
printf '%-52s %10s %12s %8s\n' "PostgreSQL: afterflow import pos (psqlODBC)" "$ours_pg" "$(rate "$ours_pg")" "$(ratio "$copy_s" "$ours_pg")"
printf '%-52s %10s %12s %8s\n' "PostgreSQL: afterflow import pos, again (all known)" "$again_pg" "$(rate "$again_pg")" "$(ratio "$copy_s" "$again_pg")"
printf '%-52s %10s %12s %8s\n' "PostgreSQL: COPY via psql \\copy (plain table)" "$copy_s" "$(rate "$copy_s")" "1.00x"
