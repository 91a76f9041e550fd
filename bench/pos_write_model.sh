#!/usr/bin/env bash
# What writing a POS import's finished rows costs SQLite under alternative schemas of sale,
# sale_line and installed_unit, with no parsing, mapping or binding: the rows of an imported
# file, copied into plain tables, go into a migrated database (the candidate's DDL applied) with
# one INSERT ... SELECT per table in one transaction, with the import's WAL, foreign keys and
# 49 MiB page cache. Prints the CPU seconds (user + sys) of the sqlite3 shell per statement and
# in all, beside `sqlite3 .import` of the same CSV. docs/PERFORMANCE.md, "POS import".
#   bench/pos_write_model.sh [ROWS] [ROUNDS]   (defaults 1000000 and 1; build first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AFTERFLOW_BUILD_DIR:-$root/build}
rows=${1:-1000000}
rounds=${2:-1}
work=$(mktemp -d /tmp/afterflow-poswrite.XXXXXX)
trap 'rm -rf "$work"' EXIT
afterflow="$build/cli/afterflow"
"$build/bench/pos_generate" "$rows" > "$work/rows.csv"
"$afterflow" --db "$work/imported.db" db migrate >/dev/null
"$afterflow" --db "$work/imported.db" import pos "$work/rows.csv" --mapping "$root/schemas/pos-mappings/vendor-a.ini" >/dev/null
# Plain copies in id order; random() stands in for a 64-bit hash of the source key.
sqlite3 "$work/rows.db" "ATTACH '$work/imported.db' AS i;
  CREATE TABLE sale AS SELECT *, random() AS source_hash FROM i.sale ORDER BY sale_id;
  CREATE TABLE sale_line AS SELECT * FROM i.sale_line ORDER BY sale_id, line_no;
  CREATE TABLE installed_unit AS SELECT * FROM i.installed_unit ORDER BY unit_id;"
"$afterflow" --db "$work/empty.db" db migrate >/dev/null
sqlite3 "$work/empty.db" "ATTACH '$work/imported.db' AS i; INSERT INTO party SELECT * FROM i.party;"
table_sql() { sqlite3 "$work/empty.db" "SELECT sql FROM sqlite_master WHERE name = '$1'"; }
sale_sql=$(table_sql sale); line_sql=$(table_sql sale_line); unit_sql=$(table_sql installed_unit)
recreate() {  # SALE_DDL LINE_DDL: the three tables again, then the indexes passed on stdin
  printf 'DROP TABLE installed_unit; DROP TABLE sale_line; DROP TABLE sale;\n%s;\n%s;\n%s;\n' "$1" "$2" "$unit_sql"
  cat
}
hashed_sale=$(printf '%s' "$sale_sql" | sed -e 's/source_key     TEXT NOT NULL UNIQUE/source_key TEXT NOT NULL/' \
  -e 's/created_at     TEXT NOT NULL$/created_at TEXT NOT NULL, source_hash INTEGER NOT NULL/')
partial="CREATE INDEX sale_by_customer ON sale (customer_id, occurred_at) WHERE customer_id IS NOT NULL;
CREATE INDEX sale_by_dealer ON sale (dealer_id, business_day) WHERE dealer_id IS NOT NULL;
CREATE INDEX sale_by_day ON sale (business_day);
CREATE INDEX installed_unit_by_customer ON installed_unit (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX installed_unit_by_serial ON installed_unit (serial_number);"

ddl() {
  case "$1" in
    0015) ;;  # as migrated
    0013) printf '%s\n' "DROP INDEX sale_by_customer; DROP INDEX sale_by_dealer; DROP INDEX installed_unit_by_customer;
CREATE INDEX sale_by_customer ON sale (customer_id, occurred_at);
CREATE INDEX sale_by_dealer ON sale (dealer_id, business_day);
CREATE INDEX installed_unit_by_customer ON installed_unit (customer_id);" ;;
    lines-without-rowid) printf '%s\n' "$partial" | recreate "$sale_sql" "$line_sql WITHOUT ROWID" ;;
    hashed-key) printf '%s\nCREATE INDEX sale_by_source ON sale (source_hash);\n' "$partial" |
                  recreate "$hashed_sale" "$line_sql WITHOUT ROWID" ;;
    floor) printf 'CREATE INDEX sale_by_source ON sale (source_hash);\n' | recreate "$hashed_sale" "$line_sql WITHOUT ROWID" ;;
  esac
}

columns="sale_id, source_key, source_format, kind, dealer_id, store_code, workstation, operator, business_day, occurred_at, customer_id, loyalty_id, currency, total_cents, import_run_id, created_at"
write() {  # SCHEMA: prints "sale lines units commit total" CPU seconds
  cp "$work/empty.db" "$work/target.db"
  ddl "$1" | sqlite3 "$work/target.db"
  local hash=""
  case "$1" in hashed-key|floor) hash=", source_hash" ;; esac
  /usr/bin/time -f '%U %S' -o "$work/time" sqlite3 -bail "$work/target.db" > "$work/timer" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA foreign_keys=ON;
PRAGMA cache_size=-50000;
ATTACH '$work/rows.db' AS r;
BEGIN IMMEDIATE;
.timer on
INSERT INTO sale ($columns$hash) SELECT $columns$hash FROM r.sale;
INSERT INTO sale_line SELECT * FROM r.sale_line;
INSERT INTO installed_unit SELECT * FROM r.installed_unit;
COMMIT;
SQL
  local steps
  steps=$(grep -o 'user [0-9.]* sys [0-9.]*' "$work/timer" | awk '{ printf "%.2f ", $2 + $4 }')
  awk -v s="$steps" '{ printf "%s%.2f\n", s, $1 + $2 }' "$work/time"
  rm -f "$work/target.db" "$work/target.db-wal" "$work/target.db-shm"
}
reference() {
  rm -f "$work/import.db"
  sqlite3 "$work/import.db" "CREATE TABLE pos_rows (store TEXT, business_day TEXT, register TEXT, receipt TEXT, time TEXT, sku TEXT, description TEXT, qty TEXT, amount TEXT, currency TEXT, loyalty TEXT, email TEXT, phone TEXT, serial TEXT, type TEXT, reason TEXT, disposal TEXT)"
  /usr/bin/time -f '%U %S' -o "$work/time" sqlite3 "$work/import.db" ".import --csv --skip 1 $work/rows.csv pos_rows"
  awk '{ printf "- - - - %.2f\n", $1 + $2 }' "$work/time"
}

printf '%-22s %6s %6s %6s %6s %6s   (CPU s, %s rows)\n' schema sale lines units commit total "$rows"
# What the INSERT ... SELECT pays to read the copies (each row decoded to its last column).
/usr/bin/time -f '%U %S' -o "$work/time" sqlite3 -bail "$work/rows.db" > "$work/timer" <<SQL
.timer on
SELECT count(*) FROM sale WHERE source_hash IS NULL;
SELECT count(*) FROM sale_line WHERE disposal_method = 'none of these';
SELECT count(*) FROM installed_unit WHERE status IS NULL;
SQL
printf '%-22s %6s %6s %6s %6s %6s\n' "reading the copies" $(grep -o 'user [0-9.]* sys [0-9.]*' "$work/timer" |
  awk '{ printf "%.2f ", $2 + $4 }') - "$(awk '{ printf "%.2f", $1 + $2 }' "$work/time")"
for round in $(seq "$rounds"); do
  for schema in 0013 0015 lines-without-rowid hashed-key floor; do
    printf '%-22s %6s %6s %6s %6s %6s\n' "$schema" $(write "$schema")
  done
  printf '%-22s %6s %6s %6s %6s %6s\n' "sqlite3 .import" $(reference)
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
