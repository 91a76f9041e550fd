#!/usr/bin/env bash
# `afterflow receive` of one X12 interchange of N 856 ship notices (each a new shipment with one
# line, ship dates over a year), into a seeded SQLite database: what keeping the report rollups
# costs on the EDI write path.
#   bench/receive_ship_notices.sh [N] [OTHER-AFTERFLOW]   (default 20000; build first with scripts/build)
# With OTHER-AFTERFLOW (another build's binary), that one receives the same file into its own
# database right after ours, for a ratio from one run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AFTERFLOW_BUILD_DIR:-$root/build}
notices=${1:-20000}
other=${2:-}
work=$(mktemp -d /tmp/afterflow-receive.XXXXXX)
trap 'rm -rf "$work"' EXIT
file="$work/ship-notices.edi"

awk -v n="$notices" 'BEGIN {
  printf "ISA*00*          *00*          *ZZ*NORDWIND       *ZZ*AFTERFLOW      *261122*1200*U*00401*000000001*0*P*>~\n"
  printf "GS*SH*NORDWIND*AFTERFLOW*20261122*1200*1*X*004010~\n"
  for (i = 1; i <= n; i++) {
    month = 1 + i % 12; day = 1 + i % 28; promised = day + 3; if (promised > 28) promised = 28
    printf "ST*856*%04d~\nBSN*00*ASN-%d*2026%02d%02d*1200~\nDTM*011*2026%02d%02d*0930~\nDTM*017*2026%02d%02d~\n", i, i, month, day, month, day, month, promised
    printf "HL*1**S~\nTD1*CTN25*%d****G*%d*KG~\nTD5*B*2*FSTF*M~\nREF*BM*BOL-%d~\nREF*CN*PRO-%d~\n", 1 + i % 5, 10 + i % 900, i, i
    printf "N1*ST*SERVICE CENTER*92*SC%d~\nN4*MUNICH*%s*80331*DE~\nHL*2*1*I~\nLIN**BP*WM-800~\nSN1**%d*EA~\nSE*15*%04d~\n", i % 7, (i % 3 == 0 ? "BY" : i % 3 == 1 ? "HE" : "NW"), 1 + i % 4, i
  }
  printf "GE*%d*1~\nIEA*1*000000001~\n", n
}' > "$file"

receive() {
  local afterflow=$1 db=$2
  "$afterflow" --db "$db" db seed >/dev/null
  "$afterflow" --db "$db" partner add NORDWIND --role client --standard x12 --version 004010 \
    --isa-qualifier ZZ --isa-id NORDWIND >/dev/null
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$afterflow" --db "$db" receive "$file" > "$work/summary"
  read -r wall user system < "$work/time"
  printf '%s: wall %s s, CPU %s s; %s shipments, %s in the rollups\n  %s\n' "$afterflow" "$wall" \
    "$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')" \
    "$(sqlite3 "$db" 'SELECT count(*) FROM shipment')" \
    "$(sqlite3 "$db" 'SELECT COALESCE(sum(shipments), 0) FROM shipment_rollup')" "$(head -c 300 "$work/summary")"
}

echo "receive of $notices X12 856 ship notices in one interchange ($(du -k "$file" | cut -f1) KB);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
receive "$build/cli/afterflow" "$work/ours.db"
if [ -n "$other" ]; then receive "$other" "$work/other.db"; fi
