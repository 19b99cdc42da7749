#!/usr/bin/env bash
# Benchmark of `kemitraan-data generate` at 100 000 and 1 000 000 partners.
#
#   bash bench/generate.sh [SCALE...]      (default: 100000 1000000)
#
# Builds the release binary (the datatool profile uses opt-level 3), runs
# each scale into a temporary directory under /tmp (deleted afterwards) and
# prints wall time, peak memory (when /usr/bin/time is there), the number of
# files and their size. Needs about 12 GB of free disk for 1 000 000, and
# deleting its 2,4 million files afterwards takes a while too.
set -euo pipefail

cd "$(dirname "$0")/.."
scales=("$@")
if [ ${#scales[@]} -eq 0 ]; then
  scales=(100000 1000000)
fi

cargo build --release -p kemitraan-datatool >&2
bin="$PWD/target/release/kemitraan-data"

work="$(mktemp -d /tmp/kemitraan-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

have_time=0
if command -v /usr/bin/time >/dev/null 2>&1 && /usr/bin/time -v true >/dev/null 2>&1; then
  have_time=1
fi

rows=()
for scale in "${scales[@]}"; do
  out="$work/out-$scale"
  log="$work/time-$scale.txt"
  echo "generate --scale $scale ..." >&2
  if [ "$have_time" = 1 ]; then
    /usr/bin/time -v -o "$log" "$bin" generate --scale "$scale" --out "$out" --quiet >/dev/null
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    rss="$((rss_kb / 1024)) MiB"
  else
    TIMEFORMAT='%R'
    { time "$bin" generate --scale "$scale" --out "$out" --quiet >/dev/null; } 2>"$log"
    wall="$(tail -n1 "$log") s"
    rss="n/a (no /usr/bin/time)"
  fi
  agreements=$(sed -n 's/.*"agreements": \([0-9]*\).*/\1/p' "$out/meta.json" | head -n1)
  files=$(find "$out" -type f | wc -l)
  size=$(du -sh "$out" | cut -f1)
  rows+=("$scale|$agreements|$files|$size|$wall|$rss")
  rm -rf "$out"
done

printf '\n%-10s %-11s %-9s %-7s %-12s %s\n' partners agreements files disk wall "peak RSS"
for r in "${rows[@]}"; do
  IFS='|' read -r s a f d w m <<<"$r"
  printf '%-10s %-11s %-9s %-7s %-12s %s\n' "$s" "$a" "$f" "$d" "$w" "$m"
done
