#!/usr/bin/env bash
# bench.sh: `make bench`. Builds the corpus (bench/gen.py), runs every
# measurement in this one run, and prints one table. Not part of make test.
#
#   bench/bench.sh ZHSTATS OUTDIR
#
# Environment: BENCH_MB (corpus size, default 500), BENCH_RUNS (runs per
# row, the median is shown, default 3), BENCH_JOBS (-j N row, default the
# number of cores), BENCH_MID_MB (the file for the stage and rules rows,
# default 50), BENCH_PEER=0 skips the peer.
# Every row is wall-clock MB/s of the input it read (the median run), the
# CPU seconds (user + sys) and peak RSS of that run (GNU time's %M, the
# maximum resident set of the process and its children).
set -eu
ZHSTATS=$(realpath "$1")
OUT=$2
MB=${BENCH_MB:-500}
RUNS=${BENCH_RUNS:-3}
JOBS=${BENCH_JOBS:-$(nproc)}
HERE=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (Debian package 'time')" >&2; exit 1; }

# ---- inputs -------------------------------------------------------------------
if [ ! -f "$OUT/corpus-$MB.done" ]; then
  rm -rf "$OUT/corpus" "$OUT"/corpus-*.done
  python3 "$HERE/gen.py" corpus "$OUT/corpus" "$MB" >&2
  touch "$OUT/corpus-$MB.done"
fi
rm -rf "$OUT/small"
python3 "$HERE/gen.py" corpus "$OUT/small" 5 >&2
python3 "$HERE/gen.py" slice "$OUT/corpus" "$OUT/mid.txt" "${BENCH_MID_MB:-50}"
for n in 10 100 1000; do python3 "$HERE/gen.py" rules "$OUT/rules-$n.rules" "$n"; done
bytes() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s}'; }
BIG=$(bytes "$OUT/corpus")
SMALL=$(bytes "$OUT/small")
RES="$OUT/results.tsv"
: >"$RES"

# measure NAME BYTES CMD...: runs CMD $RUNS times, keeps the median run.
measure() {
  local name=$1 size=$2; shift 2
  local runs="$OUT/runs.tsv"
  : >"$runs"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$@" >/dev/null
    tail -n 1 "$OUT/time.txt" >>"$runs"
  done
  sort -n "$runs" | sed -n "$(((RUNS + 1) / 2))p" |
    awk -v n="$name" -v b="$size" '{printf "%s\t%s\t%s\t%.2f\t%s\n", n, b, $1, $2 + $3, $4}' >>"$RES"
  echo "bench: $name done" >&2
}

NUM_RE='[0-9]+(?:\.[0-9]+)?(?:万|亿)?(?:人次|元|人|个|家|户|亩|吨|%)'
measure "cat > /dev/null" "$BIG" bash -c "find '$OUT/corpus' -type f -print0 | xargs -0 cat >/dev/null"
# grep writing to /dev/null would stop at the first match: count through wc.
measure "grep -P (JIT), all matches" "$BIG" bash -c \
  "grep -rPoh --include='*.txt' '$NUM_RE' '$OUT/corpus' | wc -l"
measure "zhstats -j 1" "$BIG" "$ZHSTATS" -j 1 -o /dev/null "$OUT/corpus"
measure "zhstats -j $JOBS" "$BIG" "$ZHSTATS" -j "$JOBS" -o /dev/null "$OUT/corpus"
measure "zhstats -j 1, 5 MB" "$SMALL" "$ZHSTATS" -j 1 -o /dev/null "$OUT/small"
measure "zhstats -j $JOBS, 5 MB" "$SMALL" "$ZHSTATS" -j "$JOBS" -o /dev/null "$OUT/small"
# Where the time goes, and what the number of rules costs, on one 50 MB file
# (-j 1, so the rows compare CPU work, not free cores).
MID=$(bytes "$OUT/mid.txt")
measure "file: --stage normalize -j 1" "$MID" "$ZHSTATS" -j 1 --stage normalize "$OUT/mid.txt"
measure "file: --stage segment -j 1" "$MID" "$ZHSTATS" -j 1 --stage segment "$OUT/mid.txt"
measure "file: -j 1, shipped rules" "$MID" "$ZHSTATS" -j 1 -o /dev/null "$OUT/mid.txt"
for n in 10 100 1000; do
  measure "file: -j 1, $n rules" "$MID" "$ZHSTATS" -j 1 -r "$OUT/rules-$n.rules" \
    -o /dev/null "$OUT/mid.txt"
done

# ---- the peer: Recognizers-Text over a 1 MB slice ---------------------------------
PEER=""
if [ "${BENCH_PEER:-1}" != 0 ]; then
  python3 "$HERE/gen.py" slice "$OUT/corpus" "$OUT/slice.txt" 1
  SLICE=$(bytes "$OUT/slice.txt")
  measure "zhstats -j 1, 1 MB slice" "$SLICE" "$ZHSTATS" -j 1 -o /dev/null "$OUT/slice.txt"
  # Paragraphs as zhstats sees them (hard line breaks rejoined), one a line.
  "$ZHSTATS" --stage normalize "$OUT/slice.txt" >"$OUT/slice.paras"
  if [ ! -d "$OUT/peer/node_modules/@microsoft/recognizers-text-suite" ]; then
    mkdir -p "$OUT/peer"
    if ! (cd "$OUT/peer" && npm install --no-audit --no-fund --loglevel=error \
            @microsoft/recognizers-text-suite@1.3.1 >&2); then
      echo "bench: npm install of @microsoft/recognizers-text-suite@1.3.1 failed" >&2
    fi
  fi
  if [ -d "$OUT/peer/node_modules/@microsoft/recognizers-text-suite" ]; then
    runs="$OUT/peer-runs.tsv"
    : >"$runs"
    for _ in $(seq "$RUNS"); do
      NODE_PATH="$OUT/peer/node_modules" /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" \
        node "$HERE/peer.js" "$OUT/slice.paras" >"$OUT/peer.txt"
      echo "$(awk '{print $6}' "$OUT/peer.txt") $(tail -n 1 "$OUT/time.txt")" >>"$runs"
    done
    # MB/s from the time of the calls alone; CPU and RSS of the whole process.
    sort -n "$runs" | sed -n "$(((RUNS + 1) / 2))p" |
      awk -v b="$SLICE" '{printf "Recognizers-Text 1.3.1 (node %s), 1 MB slice\t%s\t%s\t%.2f\t%s\n", "'"$(node --version)"'", b, $1, $3 + $4, $5}' >>"$RES"
    PEER=$(cat "$OUT/peer.txt")
    echo "bench: peer done" >&2
  fi
fi

# ---- the table --------------------------------------------------------------------------
echo
echo "zhstats bench: $(nproc) cores, $(uname -m), corpus $(awk -v b="$BIG" 'BEGIN {printf "%.1f", b / 1e6}') MB in $(find "$OUT/corpus" -type f | wc -l) files, \"file:\" rows one $(awk -v b="$(bytes "$OUT/mid.txt")" 'BEGIN {printf "%.0f", b / 1e6}') MB file, median of $RUNS runs, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'\t' -v jobs="$JOBS" -v peer="$PEER" '
  { name[NR] = $1; mbs[NR] = $2 / 1e6 / ($3 > 0 ? $3 : 0.001); cpu[NR] = $4; rss[NR] = $5
    sec[NR] = $3; size[NR] = $2; id[$1] = NR }
  END {
    printf "%-52s %10s %9s %9s %11s\n", "run", "MB/s", "wall s", "CPU s", "peak RSS"
    for (i = 1; i <= NR; i++)
      printf "%-52s %10.2f %9.2f %9.2f %8.1f MB\n", name[i], mbs[i], sec[i], cpu[i], rss[i] / 1024
    j1 = id["zhstats -j 1"]; jn = id["zhstats -j " jobs]; g = id["grep -P (JIT), all matches"]
    s1 = id["zhstats -j 1, 5 MB"]; sn = id["zhstats -j " jobs ", 5 MB"]
    r10 = id["file: -j 1, 10 rules"]; r1000 = id["file: -j 1, 1000 rules"]
    print ""
    printf "zhstats -j 1 is %.1fx slower than the bare grep -P scan (%.1fx in CPU seconds)\n",
      mbs[g] / mbs[j1], cpu[j1] / (cpu[g] > 0 ? cpu[g] : 0.01)
    printf "zhstats -j %d / -j 1: %.2fx (CPU seconds -j %d / -j 1: %.2fx)\n", jobs,
      mbs[jn] / mbs[j1], jobs, cpu[jn] / cpu[j1]
    printf "peak RSS -j 1: %.1f MB at %.0f MB of input vs %.1f MB at %.0f MB (%+.1f%%)\n",
      rss[j1] / 1024, size[j1] / 1e6, rss[s1] / 1024, size[s1] / 1e6,
      100 * (rss[j1] - rss[s1]) / rss[s1]
    printf "peak RSS -j %d: %.1f MB at %.0f MB of input vs %.1f MB at %.0f MB (%+.1f%%)\n", jobs,
      rss[jn] / 1024, size[jn] / 1e6, rss[sn] / 1024, size[sn] / 1e6,
      100 * (rss[jn] - rss[sn]) / rss[sn]
    printf "time 1000 rules / 10 rules: %.2fx wall, %.2fx CPU\n", sec[r1000] / sec[r10],
      cpu[r1000] / cpu[r10]
    if (id["zhstats -j 1, 1 MB slice"] && peer != "") {
      p = NR
      z = id["zhstats -j 1, 1 MB slice"]
      printf "zhstats -j 1 / Recognizers-Text on the same 1 MB: %.0fx faster (peer: %s)\n",
        mbs[z] / mbs[p], peer
    }
  }' "$RES"
