# A 100 MB line: read in pieces, in bounded memory and linear time; an
# over-long sentence is matched in pieces and reported; the statistics at
# both ends of a long line and on the line after it are still found.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Under valgrind or the sanitizers the sizes shrink and the memory cap goes
# (ASan reserves terabytes of address space); the logic is the same.
# 5 MB is still over the 4 MiB a piece without a sentence end may reach.
if [ -n "${ZS_TEST_SLOW:-}" ]; then mb=5; sent_mb=2; else mb=100; sent_mb=16; fi

python3 - "$tmp" "$mb" "$sent_mb" <<'PY'
import sys
d, mb, smb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
head = "全国城镇新增就业1244万人，华龙区总人口60.7万人。".encode()
tail = "\n市区常住人口50.5万人。\n".encode()
# No sentence end at all: one sentence of mb megabytes.
comma = "城镇调查失业率保持稳定，就业形势总体向好，".encode()
with open(d + "/comma.txt", "wb") as f:
    f.write(head + comma * (mb * 2**20 // len(comma)) + tail)
# Sentences, with a statistic at the very end of the line.
sent = "城镇调查失业率保持稳定，就业形势总体向好。".encode()
with open(d + "/sent.txt", "wb") as f:
    f.write(head + sent * (smb * 2**20 // len(sent)) + "全区常住人口30.2万人。".encode() + tail)
PY

run() { # run NAME: statistics of $tmp/NAME.txt into $tmp/NAME.csv, stderr to .err
  if [ -n "${ZS_TEST_SLOW:-}" ]; then
    "$ZHSTATS" -o "$tmp/$1.csv" "$tmp/$1.txt" 2>"$tmp/$1.err"
  else
    # 300 MB of address space: the whole line held a few times over would not fit.
    (ulimit -v 307200; exec "$ZHSTATS" -o "$tmp/$1.csv" "$tmp/$1.txt") 2>"$tmp/$1.err"
  fi
}

start=$SECONDS
run comma || fail "comma: exit $? $(head -5 "$tmp/comma.err")"
grep -q "comma.txt:1: line longer than 1048576 bytes: read in pieces" "$tmp/comma.err" || fail "comma: no split warning"
grep -Eq "comma.txt:1: sentence of [0-9]+ bytes matched in pieces of at most 4096 bytes" "$tmp/comma.err" || fail "comma: no pieces warning"
grep -q "^total_population,607000,.*,1," "$tmp/comma.csv" || fail "comma: first row lost"
# Reflow joins line 2 to the line ending in a comma: its sentence starts on line 1.
grep -q "505000,.*,1," "$tmp/comma.csv" || fail "comma: row after the line lost: $(cat "$tmp/comma.csv")"

run sent || fail "sent: exit $? $(head -5 "$tmp/sent.err")"
grep -q "^total_population,607000,.*,1," "$tmp/sent.csv" || fail "sent: first row lost"
grep -q "302000,.*,1," "$tmp/sent.csv" || fail "sent: row at the end of the line lost: $(cat "$tmp/sent.csv")"
grep -q "505000,.*,2," "$tmp/sent.csv" || fail "sent: row on line 2 lost"
grep -q "matched in pieces" "$tmp/sent.err" && fail "sent: a sentence was cut"
# --strict: a line read in pieces is a reported problem, so exit 1.
"$ZHSTATS" --strict -o "$tmp/s.csv" "$tmp/sent.txt" 2>/dev/null
[ $? -eq 1 ] && [ ! -e "$tmp/s.csv" ] || fail "sent --strict"
echo "big lines: $((SECONDS - start)) s"
exit 0
