#!/usr/bin/env bash
# Benchmark of `kemitraan-data generate` at 100 000 and 1 000 000 partners.
#
#   bash bench/generate.sh [SCALE...]      (default: 100000 1000000)
#
# Builds the release binary (the datatool profile uses opt-level 3), runs
# each scale into a temporary directory under $BENCH_TMP (default /tmp;
# deleted afterwards) and prints wall time, CPU time, peak memory (when
# /usr/bin/time is there), the number of files and their bytes, and the
# time of each final step (detail buckets, aggregates, search index, which
# run side by side). Needs about 8 GB of free disk for 1 000 000.
set -euo pipefail

cd "$(dirname "$0")/.."
scales=("$@")
if [ ${#scales[@]} -eq 0 ]; then
  scales=(100000 1000000)
fi

cargo build --release --offline -p kemitraan-datatool >&2
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/kemitraan-data"

work="$(mktemp -d "${BENCH_TMP:-/tmp}/kemitraan-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

have_time=0
if command -v /usr/bin/time >/dev/null 2>&1 && /usr/bin/time -v true >/dev/null 2>&1; then
  have_time=1
fi

rows=()
for scale in "${scales[@]}"; do
  out="$work/out-$scale"
  log="$work/time-$scale.txt"
  steps="$work/steps-$scale.txt"
  echo "generate --scale $scale ..." >&2
  if [ "$have_time" = 1 ]; then
    /usr/bin/time -v -o "$log" "$bin" generate --seed 1 --scale "$scale" --out "$out" >/dev/null 2>"$steps"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.0f s", u+s}' "$log")
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    rss="$((rss_kb / 1024)) MiB"
  else
    TIMEFORMAT='%R'
    { time "$bin" generate --seed 1 --scale "$scale" --out "$out" >/dev/null 2>"$steps"; } 2>"$log"
    wall="$(tail -n1 "$log") s"
    cpu="n/a"
    rss="n/a (no /usr/bin/time)"
  fi
  grep -v '%)' "$steps" | sed "s/^/  $scale: /" >&2 || true
  agreements=$(sed -n 's/.*"agreements": \([0-9]*\).*/\1/p' "$out/meta.json" | head -n1)
  files=$(find "$out" -type f | wc -l)
  bytes=$(du -sb "$out" | cut -f1)
  rows+=("$scale|$agreements|$files|$((bytes / 1000000)) MB|$wall|$cpu|$rss")
  rm -rf "$out"
done

printf '\n%-10s %-11s %-9s %-9s %-10s %-8s %s\n' partners agreements files bytes wall CPU "peak RSS"
for r in "${rows[@]}"; do
  IFS='|' read -r s a f d w c m <<<"$r"
  printf '%-10s %-11s %-9s %-9s %-10s %-8s %s\n' "$s" "$a" "$f" "$d" "$w" "$c" "$m"
done
