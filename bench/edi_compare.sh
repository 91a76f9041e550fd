#!/bin/bash
# Compares the EDI engine with the npm peer parsers and a naive memchr tokenizer on generated files.
#
# usage: bench/edi_compare.sh [MB]                      (MB: size of each test file, default 100)
#   AFTERFLOW_BUILD_DIR  a configured and built tree (default: build/ beside this folder); nothing is built here
#   BENCH_PEERS_SRC      the bench-peers folder (default: ../shared/bench-peers beside the repository);
#                        when it is missing the peers are skipped and only our figures are printed
#   BENCH_PEERS_DIR      where bench-peers installs the npm packages (its own default when unset)
#   TMPDIR               where the test files go (needs about 4 x MB of space at the peak)
#
# For an X12 004010 856 file and an EDIFACT D96A IFTSTA file of MB megabytes each (bench/edi_generate), it
# runs `edi_bench --mode read`, `--mode validate` and `--mode ack` (validate, and write the 997 or CONTRL
# the file asks for), then bench-peers/run (x12-parser, node-x12
# stream, @stedi/x12-tools 997 / edifact parse+validate, ts-edifact, and the memchr tokenizer), every
# program timed the same way: /usr/bin/time -f '%e %M' (wall seconds, peak RSS). MB/s = file bytes / 1e6 /
# wall seconds, start-up included. Then one table per file, with each row's MB/s divided by the fastest
# npm peer's and by the memchr tokenizer's. Also CPU seconds (user + sys) of every program but the memchr
# tokenizer (the node peers' through a `node` wrapper on PATH that times each of them), and the ratio by
# CPU time: node runs garbage collection and I/O on threads of its own, so on a busy machine its wall
# time flatters it against a one-thread program. Last, our peak RSS on files 3 x MB, to show it does not
# grow with the file. A single run: expect +-15% between runs on a shared machine.
# Exits non-zero when a step fails (a program exits non-zero, or our validator finds errors in the files).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
mb=${1:-100}
if ! [[ "$mb" =~ ^[0-9]+([.][0-9]+)?$ ]] || [ "$(awk -v m="$mb" 'BEGIN{print (m > 0)}')" != 1 ]; then
  echo "usage: $0 [MB]   (MB > 0, default 100)" >&2
  exit 2
fi
big=$(awk -v m="$mb" 'BEGIN{print m * 3}')
build=${AFTERFLOW_BUILD_DIR:-$repo/build}
peers=${BENCH_PEERS_SRC:-$repo/../shared/bench-peers}
[ -d "$peers" ] && peers=$(cd "$peers" && pwd)

die() { echo "edi_compare: $*" >&2; exit 1; }

# --- what we need ----------------------------------------------------------------------------------
generate=$build/bench/edi_generate
bench=$build/bench/edi_bench
for program in "$generate" "$bench"; do
  [ -x "$program" ] || die "$program not found: build first (cmake --build $build), or set AFTERFLOW_BUILD_DIR"
done
if [ ! -x /usr/bin/time ]; then
  echo "edi_compare: /usr/bin/time is missing; installing the Debian package 'time'" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; } ||
      die "could not install the 'time' package"
  else
    sudo apt-get install -y -qq time >/dev/null || die "could not install the 'time' package (try: sudo apt-get install time)"
  fi
fi
use_peers=1
if [ ! -x "$peers/run" ]; then
  echo "edi_compare: no bench-peers at $peers (../shared is missing?): skipping the npm peers and the memchr" \
       "tokenizer; only our figures are printed, ratio columns show n/a" >&2
  use_peers=0
elif ! command -v node >/dev/null || ! command -v g++ >/dev/null; then
  echo "edi_compare: node or g++ is missing: skipping the peers (bench-peers needs both)" >&2
  use_peers=0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/edi_compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
failed=0
if [ $use_peers = 1 ]; then
  # bench-peers/run starts each npm peer as `node`: this wrapper, first on PATH, adds its CPU seconds.
  mkdir "$tmp/shim"
  printf '#!/bin/sh\nexec /usr/bin/time -a -o %q -f %q %q "$@"\n' "$tmp/node-cpu" 'CPU %U %S' "$(command -v node)" >"$tmp/shim/node"
  chmod +x "$tmp/shim/node"
fi

# --- measuring -------------------------------------------------------------------------------------
# Rows of a file's table go to $tmp/rows.<name>, tab-separated: label, MB/s, seconds, RSS MB, kind, note,
# CPU seconds ("-" when unknown) (kind: ours, peer, limit).

# ours LABEL FILE MODE ROWS: edi_bench under /usr/bin/time; checks validate mode found no errors.
ours() {
  local label=$1 file=$2 mode=$3 rows=$4 bytes out rc=0
  bytes=$(stat -c %s "$file")
  out=$( { /usr/bin/time -f 'TIME %e %M %U %S' "$bench" "$file" --mode "$mode" --show 5; } 2>&1 ) || rc=$?
  if [ "$rc" != 0 ] || ! grep -q '^TIME ' <<<"$out"; then
    echo "edi_compare: edi_bench --mode $mode $file failed (exit $rc):" >&2
    echo "$out" >&2
    failed=1
    printf '%s\t-\t-\t-\tours\tFAILED\t-\n' "$label" >>"$rows"
    return
  fi
  local line errors self
  line=$(grep '^afterflow ' <<<"$out")
  errors=$(awk '{for (i = 2; i <= NF; ++i) if ($i == "errors") print $(i - 1)}' <<<"$line")
  self=$(awk '{for (i = 2; i <= NF; ++i) if ($i == "MB/s") print $(i - 1)}' <<<"$line")
  if [ "$mode" != read ] && [ "$errors" != 0 ]; then
    echo "edi_compare: the validator found $errors errors in $file (the generator should write valid files):" >&2
    grep -v '^TIME ' <<<"$out" >&2
    failed=1
  fi
  grep '^TIME ' <<<"$out" | tail -1 | awk -v l="$label" -v b="$bytes" -v e="$errors" -v s="$self" -v m="$mode" \
    '{ printf "%s\t%.1f\t%.2f\t%.1f\tours\t%s errors; edi_bench clock (no process start): %s MB/s\t%.2f\n",
         l, b / 1e6 / ($2 > 0 ? $2 : 0.01), $2, $3 / 1024, e, s, $4 + $5 }' >>"$rows"
}

# peers FILE ROWS: bench-peers/run, its lines parsed back ("LABEL  N MB/s  S s  R MB RSS"); the node
# wrapper's CPU lines, one per node run in the order run starts them, go to the peer rows in order.
peers() {
  local file=$1 rows=$2 out rc=0
  : >"$tmp/node-cpu"
  out=$(PATH="$tmp/shim:$PATH" "$peers/run" "$file" 2>&1) || rc=$?
  awk 'FNR == NR { if ($1 == "CPU") cpu[++n] = $2 + $3; next }
       $NF == "RSS" && $(NF - 5) == "MB/s" {
         label = $1; for (i = 2; i <= NF - 7; ++i) label = label " " $i
         kind = label ~ /memchr/ ? "limit" : "peer"
         seconds = kind == "peer" && ++used <= n ? sprintf("%.2f", cpu[used]) : "-"
         printf "%s\t%s\t%s\t%s\t%s\t\t%s\n", label, $(NF - 6), $(NF - 4), $(NF - 2), kind, seconds }' \
    "$tmp/node-cpu" - <<<"$out" >>"$rows"
  if [ "$rc" != 0 ]; then
    echo "edi_compare: bench-peers/run $file failed (exit $rc); the table lacks the peers it did not finish:" >&2
    echo "$out" | sed 's/^/    /' >&2
    failed=1
  fi
}

# table TITLE ROWS BYTES: the rows with MB/s ratios to the fastest npm peer and to the memchr
# tokenizer, and MB per CPU second with its ratio to the fastest peer by that measure.
table() {
  local title=$1 rows=$2 bytes=$3
  echo
  echo "$title"
  awk -F '\t' -v bytes="$bytes" '
    { label[NR] = $1; rate[NR] = $2; secs[NR] = $3; rss[NR] = $4; kind[NR] = $5; note[NR] = $6
      cpuRate[NR] = ($7 != "" && $7 != "-" && $7 + 0 > 0) ? sprintf("%.1f", bytes / 1e6 / $7) : "-"
      if ($5 == "peer" && $2 + 0 > fastest) { fastest = $2 + 0; fastestName = $1 }
      if ($5 == "peer" && cpuRate[NR] != "-" && cpuRate[NR] + 0 > fastestCpu) { fastestCpu = cpuRate[NR] + 0; fastestCpuName = $1 }
      if ($5 == "limit") limit = $2 + 0 }
    function ratio(r, base) { return (base > 0 && r != "-") ? sprintf("%.2f", r / base) : "n/a" }
    END {
      line = "------------------------------------------------------------------------------------------------------------------------------"
      printf "%-36s %9s %8s %9s %16s %16s %11s %12s  %s\n", "program", "MB/s", "seconds", "peak RSS", "vs fastest peer",
             "vs memchr tok.", "MB/CPU-s", "vs peer, CPU", "note"
      print line
      for (i = 1; i <= NR; ++i)
        printf "%-36s %9s %8s %6s MB %16s %16s %11s %12s  %s\n", label[i], rate[i], secs[i], rss[i],
               ratio(rate[i], fastest), ratio(rate[i], limit), cpuRate[i], ratio(cpuRate[i], fastestCpu), note[i]
      print line
      if (fastest > 0) printf "fastest npm peer: %s (%.1f MB/s)\n", fastestName, fastest
      else print "fastest npm peer: n/a (peers skipped)"
      if (fastestCpu > 0) printf "fastest npm peer by CPU time (user + sys): %s (%.1f MB per CPU second)\n", fastestCpuName, fastestCpu
      if (limit > 0) printf "memchr tokenizer: %.1f MB/s\n", limit
    }' "$rows"
}

# --- the runs --------------------------------------------------------------------------------------
echo "edi_compare: $mb MB files in $tmp; build $build; peers $([ $use_peers = 1 ] && echo "$peers" || echo skipped)"
echo "machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')," \
     "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"

kinds=(x12-856 edifact-iftsta)
titles=("X12 004010 856 ship notices" "EDIFACT D96A IFTSTA status reports")
for i in 0 1; do
  kind=${kinds[$i]}
  file=$tmp/$kind.edi
  rows=$tmp/rows.$kind
  : >"$rows"
  echo
  echo "== $kind: generating $mb MB"
  "$generate" "$kind" --mb "$mb" --out "$file" | sed 's/^/    /' || die "edi_generate $kind failed"
  cat "$file" >/dev/null  # page cache warm for everybody
  echo "== $kind: afterflow (edi_bench)"
  ours "afterflow edi_bench read" "$file" read "$rows"
  ours "afterflow edi_bench validate" "$file" validate "$rows"
  ours "afterflow edi_bench ack" "$file" ack "$rows"
  if [ $use_peers = 1 ]; then
    echo "== $kind: peers (bench-peers/run)"
    peers "$file" "$rows"
  fi
  table "${titles[$i]}, $(stat -c %s "$file") bytes" "$rows" "$(stat -c %s "$file")" | tee "$tmp/table.$kind"
  rm -f "$file"
done

# --- peak RSS on a file three times larger -------------------------------------------------------------
echo
echo "== peak RSS of edi_bench at $mb MB and at $big MB (bounded memory: should not grow with the file)"
rss_rows=$tmp/rss
: >"$rss_rows"
for kind in "${kinds[@]}"; do
  file=$tmp/$kind.big.edi
  "$generate" "$kind" --mb "$big" --out "$file" | sed 's/^/    /' || die "edi_generate $kind --mb $big failed"
  cat "$file" >/dev/null
  rows=$tmp/rows.big.$kind
  : >"$rows"
  ours "read" "$file" read "$rows"
  ours "validate" "$file" validate "$rows"
  ours "ack" "$file" ack "$rows"
  while IFS=$'\t' read -r mode rate secs rss _ _; do
    small=$(awk -F '\t' -v l="afterflow edi_bench $mode" '$1 == l { print $4 }' "$tmp/rows.$kind")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$mode" "$small" "$rss" "$rate" "$secs" >>"$rss_rows"
  done <"$rows"
  rm -f "$file"
done
awk -F '\t' -v s="$mb" -v b="$big" '
  BEGIN { printf "%-16s %-9s %14s %14s %10s %12s %10s\n", "file", "mode", "RSS @ " s " MB", "RSS @ " b " MB", "growth", "MB/s @ " b " MB", "seconds" }
  { printf "%-16s %-9s %11s MB %11s MB %10s %12s %10s\n", $1, $2, $3, $4, ($3 > 0 ? sprintf("x%.2f", $4 / $3) : "n/a"), $5, $6 }' "$rss_rows"

echo
if [ "$failed" != 0 ]; then
  echo "edi_compare: some steps failed (see above)" >&2
  exit 1
fi
echo "edi_compare: done"
