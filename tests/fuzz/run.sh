#!/usr/bin/env bash
# Runs one libFuzzer harness for a while and prints its closing figures.
#
#   tests/fuzz/run.sh NAME SECONDS [JOBS]
#
# The committed seeds (tests/fuzz/corpus/NAME) are read, never written: new
# inputs go to build-fuzz/corpus/NAME, crashes to build-fuzz/artifacts/.
# A crash, leak or timeout fails the script; copy the artifact into
# tests/fuzz/regressions/NAME/ once fixed, so `make test` replays it.
set -u
name=$1
secs=${2:-60}
cd "$(dirname "$0")/../.."
bin=build-fuzz/tests/fuzz/fuzz_$name
work=build-fuzz/corpus/$name
mkdir -p "$work" build-fuzz/artifacts build-fuzz/logs
log=build-fuzz/logs/$name.log
"$bin" "$work" "tests/fuzz/corpus/$name" \
  -dict=tests/fuzz/zh.dict -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
  -max_len=8192 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$name-" \
  >"$log" 2>&1
rc=$?
execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}')
last=$(grep -a -E '^#[0-9]+.*(cov|DONE)' "$log" | tail -1)
cov=$(grep -ao 'cov: [0-9]*' <<<"$last" | awk '{print $2}')
ft=$(grep -ao 'ft: [0-9]*' <<<"$last" | awk '{print $2}')
printf 'fuzz %-10s %ss  execs %s  cov %s  ft %s  exit %s\n' "$name" "$secs" "${execs:-?}" \
  "${cov:-?}" "${ft:-?}" "$rc"
if [ "$rc" -ne 0 ]; then
  grep -a -E 'ERROR|SUMMARY|artifact|invariant' "$log" | head -20
  exit 1
fi
