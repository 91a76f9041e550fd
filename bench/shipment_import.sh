#!/usr/bin/env bash
# `afterflow import shipments` side by side in one run: against sqlite3 .import of the same file
# into a plain table with the same columns, and against PostgreSQL's COPY (psql \copy) on a
# throwaway PostgreSQL 15 on loopback. Also what each database's shell needs to do the same job:
# .import (or \copy) into a plain table, then INSERT ... SELECT into shipment with its indexes.
#   bench/shipment_import.sh [ROWS]      (default 1000000; build first with scripts/build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AFTERFLOW_BUILD_DIR:-$root/build}
rows=${1:-1000000}
work=$(mktemp -d /tmp/afterflow-bench.XXXXXX)
chmod 755 "$work"
trap '"$root/tests/support/postgres-server" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
afterflow="$build/cli/afterflow"
csv="$work/shipments.csv"
"$build/bench/shipment_csv_generate" "$rows" > "$csv"
columns=$(head -1 "$csv" | sed 's/,/ TEXT, /g; s/$/ TEXT/')
plain="CREATE TABLE plain_shipment ($columns)"

# Wall seconds and CPU seconds (user + system) of one command; the machine is shared.
measure() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null || true
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}
rate() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
row() { printf '%-58s %9s %9s %10s %8s %8s\n' "$1" "$2" "$3" "$(rate "$2")" "$4" "$5"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# SQLite: ours, into a seeded database (clients and carriers the file names).
"$afterflow" --db "$work/ours.db" db seed >/dev/null
read -r ours_s ours_cpu < <(measure "$afterflow" --db "$work/ours.db" import shipments "$csv")
sqlite3 "$work/import.db" "$plain"
read -r import_s import_cpu < <(measure sqlite3 "$work/import.db" ".import --csv --skip 1 $csv plain_shipment")
# The sqlite3 shell doing our job: the same .import, then the rows into shipment (parties by code).
"$afterflow" --db "$work/shell.db" db seed >/dev/null
# The rows into shipment as the shells can write them; $1 is the money column's cents expression.
into_shipment() {
  cat <<SQL
INSERT INTO shipment (client_id, carrier_id, bill_of_lading, pro_number, ship_notice_id, origin_city,
  origin_postal_code, origin_country, origin_region, destination_city, destination_postal_code, destination_country,
  destination_region, transport_mode, distance_km, goods_description, pieces, weight_kg, volume_m3,
  freight_cost_cents, currency, planned_ship_date, ship_date, planned_delivery, promised_delivery, actual_delivery,
  status, created_at, updated_at)
SELECT c.party_id, k.party_id, bill_of_lading, pro_number, ship_notice_id, origin_city, origin_postal_code,
  origin_country, origin_region, destination_city, destination_postal_code, destination_country, destination_region,
  CASE lower(mode) WHEN 'ltl' THEN 'road' ELSE lower(mode) END, CAST(distance_km AS REAL), goods,
  CAST(pieces AS INTEGER), CAST(weight_kg AS REAL), CAST(volume_m3 AS REAL), $1,
  currency, planned_ship_date, ship_date, planned_delivery, promised_delivery, actual_delivery, status, 'x', 'x'
FROM plain_shipment p JOIN party c ON c.party_code = p.client_code JOIN party k ON k.party_code = p.carrier_code;
SQL
}
cat > "$work/shell.sql" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE plain_shipment ($columns);
.import --csv --skip 1 $csv plain_shipment
$(into_shipment "CAST(round(freight_cost * 100) AS INTEGER)")
COMMIT;
SQL
read -r shell_s shell_cpu < <(measure sqlite3 "$work/shell.db" ".read $work/shell.sql")

# PostgreSQL.
"$root/tests/support/postgres-server" start "$work/pg" >/dev/null
url=$(cat "$work/pg/url")
port=${url##*:}; port=${port%%/*}
export PGPASSWORD=afterflow
"$afterflow" --db "$url" db seed >/dev/null
read -r ours_pg ours_pg_cpu < <(measure "$afterflow" --db "$url" import shipments "$csv")
psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "$plain"
read -r copy_s copy_cpu < <(measure psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow \
  -c "\\copy plain_shipment FROM '$csv' CSV HEADER")
# psql doing our job: \copy into a temporary table, then the rows into shipment, one transaction.
psql -q -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "CREATE DATABASE shell"
"$afterflow" --db "${url%/*}/shell" db seed >/dev/null
cat > "$work/shell_pg.sql" <<SQL
BEGIN;
CREATE TEMP TABLE plain_shipment ($columns);
\\copy plain_shipment FROM '$csv' CSV HEADER
$(into_shipment "CAST(round(CAST(freight_cost AS numeric) * 100) AS BIGINT)")
COMMIT;
SQL
read -r shell_pg shell_pg_cpu < <(measure psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U afterflow -d shell \
  -f "$work/shell_pg.sql")
applied_sqlite=$(sqlite3 "$work/ours.db" "SELECT count(*) FROM shipment")
applied_pg=$(psql -qtA -h 127.0.0.1 -p "$port" -U afterflow -d afterflow -c "SELECT count(*) FROM shipment")

echo "load average (1, 5, 15 min): $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(nproc) cores"
printf '%-58s %9s %9s %10s %8s %8s\n' "import shipments, $rows rows ($(du -m "$csv" | cut -f1) MB)" wall_s cpu_s rows/s ratio cpu_ratio
row "SQLite: afterflow import shipments ($applied_sqlite applied)" "$ours_s" "$ours_cpu" "$(ratio "$import_s" "$ours_s")" "$(ratio "$import_cpu" "$ours_cpu")"
row "SQLite: sqlite3 .import, plain table (reference)" "$import_s" "$import_cpu" "1.00x" "1.00x"
row "SQLite: sqlite3 .import + INSERT SELECT into shipment" "$shell_s" "$shell_cpu" "$(ratio "$import_s" "$shell_s")" "$(ratio "$import_cpu" "$shell_cpu")"
row "PostgreSQL: afterflow import shipments ($applied_pg applied)" "$ours_pg" "$ours_pg_cpu" "$(ratio "$copy_s" "$ours_pg")" "-"
row "PostgreSQL: COPY (psql \\copy), plain table (reference)" "$copy_s" "$copy_cpu" "1.00x" "-"
row "PostgreSQL: psql \\copy + INSERT SELECT into shipment" "$shell_pg" "$shell_pg_cpu" "$(ratio "$copy_s" "$shell_pg")" "-"
