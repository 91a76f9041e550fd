#!/usr/bin/env bash
# Bulk insert, side by side in one run: store::BulkInserter against sqlite3 .import on SQLite and
# against COPY on PostgreSQL 15 (a throwaway server on loopback), same rows, same table shape.
#   bench/bulk_insert.sh [ROWS]      (default 1000000; build first with scripts/build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AFTERFLOW_BUILD_DIR:-$root/build}
rows=${1:-1000000}
work=$(mktemp -d /tmp/afterflow-bench.XXXXXX)
chmod 755 "$work"
trap '"$root/tests/support/postgres-server" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
bench="$build/bench/bulk_insert_bench"
schema="CREATE TABLE bench_shipment (id BIGINT PRIMARY KEY, reference TEXT NOT NULL, client BIGINT, region TEXT, weight_kg DOUBLE PRECISION, cost_cents BIGINT, ship_date TEXT)"

rate() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'; }

ours_sqlite=$("$bench" --db "$work/ours.db" --rows "$rows" --csv "$work/rows.csv" | cut -f3 | cut -d' ' -f1)
sqlite3 "$work/import.db" "$schema"
import_s=$(seconds sqlite3 "$work/import.db" ".import --csv $work/rows.csv bench_shipment")

"$root/tests/support/postgres-server" start "$work/pg" >/dev/null
url=$(cat "$work/pg/url")
ours_pg=$("$bench" --db "$url" --rows "$rows" | cut -f3 | cut -d' ' -f1)
port=${url##*:}; port=${port%%/*}
export PGPASSWORD=afterflow
psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "DROP TABLE IF EXISTS bench_shipment" -c "$schema"
copy_s=$(seconds psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "\\copy bench_shipment FROM '$work/rows.csv' CSV")

printf '%-44s %10s %12s %8s\n' "bulk insert, $rows rows" seconds rows/s ratio
printf '%-44s %10s %12s %8s\n' "SQLite: store::BulkInserter" "$ours_sqlite" "$(rate "$ours_sqlite")" \
  "$(awk -v a="$import_s" -v b="$ours_sqlite" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-44s %10s %12s %8s\n' "SQLite: sqlite3 .import" "$import_s" "$(rate "$import_s")" "1.00x"
printf '%-44s %10s %12s %8s\n' "PostgreSQL: store::BulkInserter (psqlODBC)" "$ours_pg" "$(rate "$ours_pg")" \
  "$(awk -v a="$copy_s" -v b="$ours_pg" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-44s %10s %12s %8s\n' "PostgreSQL: COPY (psql \\copy)" "$copy_s" "$(rate "$copy_s")" "1.00x"
