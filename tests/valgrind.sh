#!/usr/bin/env bash
# Runs the end-to-end tests (tests/t_*.sh) with the binary under valgrind.
#
#   tests/valgrind.sh ZHSTATS
#
# $ZHSTATS becomes a wrapper that runs the binary under
# `valgrind --leak-check=full --error-exitcode=1`. Since 1 is also zhstats's
# own exit code for input problems, a test expecting 1 would not notice a
# memory error; so each run also logs to its own file, and any message
# there (with -q valgrind writes only errors and leaks) fails the suite.
# ZS_TEST_SLOW=1 tells the tests to shrink their large inputs;
# ZS_VALGRIND_LEAK=no, set by a test for a run it kills, skips the leak
# check there (a process killed mid-run leaks by design); memory errors are
# still checked. ZHSTATS_NO_JIT=1: see stages/rules.c.
set -u
bin=$(readlink -f "$1")
cd "$(dirname "$0")/.."
logs=$(readlink -f build)/valgrind
rm -rf "$logs"
mkdir -p "$logs"
cat >"$logs/zhstats" <<WRAP
#!/bin/sh
exec valgrind -q --leak-check=\${ZS_VALGRIND_LEAK:-full} --show-leak-kinds=definite,indirect \\
  --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \\
  --log-file="$logs/vg.%p.log" "$bin" "\$@"
WRAP
chmod +x "$logs/zhstats"
export ZS_TEST_SLOW=1 ZHSTATS_NO_JIT=1
# Left out under valgrind: tests whose time goes to other programs
# (LibreOffice, pandas, Chromium, GNU parallel) or that repeat paths the
# others cover (24 generated PDF pages, the same input at six -j values).
export ZS_SKIP_TESTS="t_libreoffice t_pandas t_report_browser t_shards t_pdf_seeds t_jobs t_walk"
tests/run-tests.sh "$logs/zhstats"
rc=$?
bad=$(find "$logs" -name 'vg.*.log' -size +0 | sort)
for f in $bad; do
  echo "valgrind: $f"
  sed 's/^/  /' "$f" | head -40
done
runs=$(find "$logs" -name 'vg.*.log' | wc -l)
echo "valgrind: $runs runs, $(echo $bad | wc -w) with errors"
[ "$rc" -eq 0 ] && [ -z "$bad" ]
