# The committed dataset in out/ is what `make run` would write now: fails
# when a change of code, rules or corpus was committed without `make run`.
set -u
args=$(make -s --no-print-directory run-args) || { echo "FAIL: make run-args"; exit 1; }
"$ZHSTATS" --check $args || { echo "FAIL: out/ is stale: run 'make run' and commit out/"; exit 1; }
