# Bad input, one case a row: what each hostile input gives (exit code, the
# message on stderr, the rows written) with and without --strict. The table
# is the policy of README.md, "Hostile input".
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Slow binaries (valgrind, ZS_TEST_SLOW=1) get a smaller binary-garbage case.
big=${ZS_TEST_SLOW:+4096}
big=${big:-262144}

python3 - "$tmp" "$big" <<'PY'
import os, sys
d, big = sys.argv[1], int(sys.argv[2])
t = "全国城镇新增就业1244万人。\n华龙区总人口60.7万人，同比增长2.5%。\n"
w = lambda n, b: open(os.path.join(d, n), "wb").write(b)
w("ok.txt", t.encode())
w("crlf.txt", t.encode().replace(b"\n", b"\r\n"))
w("cr.txt", t.encode().replace(b"\n", b"\r"))
w("bom.txt", b"\xef\xbb\xbf" + t.encode())
w("nonl.txt", t.encode().rstrip(b"\n"))
w("empty.txt", b"")
w("utf16le.txt", b"\xff\xfe" + t.encode("utf-16-le"))
w("utf16be.txt", b"\xfe\xff" + t.encode("utf-16-be"))
w("utf16nobom.txt", ("Population report\n" + t).encode("utf-16-le"))
w("utf16bad.txt", b"\xff\xfe" + t.encode("utf-16-le") + b"\x00\xd8A\x00")
w("badutf8.txt", b"\xff\xfe\xc0 garbage\n" + t.encode())
w("nul.txt", t.encode().replace("60.7".encode(), b"60.\x007"))
w("binary.bin", os.urandom(big))
PY

# The rows of CSV $1 with the input's name blanked, to compare across inputs.
rows() { sed "s#$tmp/[a-z0-9]*\.[a-z]*#F#g" "$1"; }
"$ZHSTATS" -o "$tmp/ok.csv" "$tmp/ok.txt" || fail "ok.txt"
rows "$tmp/ok.csv" >"$tmp/ok.rows"
grep -q '^total_population,607000,人,.*,F,2,' "$tmp/ok.rows" || fail "ok.txt: no population row: $(cat "$tmp/ok.rows")"

# name | exit | --strict exit | stderr must match ("-": must be empty) | same rows as ok.txt
while IFS='|' read -r name code scode msg same; do
  [ -z "$name" ] && continue
  f=$tmp/$name
  "$ZHSTATS" -o "$tmp/out.csv" "$f" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq "$code" ] || fail "$name: exit $rc, expected $code: $(cat "$tmp/err")"
  if [ "$msg" = - ]; then
    [ ! -s "$tmp/err" ] || fail "$name: unexpected stderr: $(cat "$tmp/err")"
  else
    grep -Eq "$msg" "$tmp/err" || fail "$name: stderr lacks /$msg/: $(cat "$tmp/err")"
    grep -Eq '^zhstats: [0-9]+ warning\(s\) in 1 file\(s\)$' "$tmp/err" || fail "$name: no summary line"
  fi
  if [ "$same" = same ]; then
    rows "$tmp/out.csv" >"$tmp/out.rows"
    diff "$tmp/ok.rows" "$tmp/out.rows" >/dev/null || fail "$name: rows differ: $(diff "$tmp/ok.rows" "$tmp/out.rows")"
  fi
  # --strict: any warning is exit 1, no output file and no temporary file.
  # (Under valgrind, only the cases where --strict fails: it is slow.)
  [ -n "${ZS_TEST_SLOW:-}" ] && [ "$scode" -eq 0 ] && continue
  rm -f "$tmp/strict.csv"
  "$ZHSTATS" --strict -o "$tmp/strict.csv" "$f" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq "$scode" ] || fail "$name --strict: exit $rc, expected $scode"
  if [ "$scode" -ne 0 ]; then
    [ ! -e "$tmp/strict.csv" ] || fail "$name --strict: output file written"
    grep -q 'warning(s) in' "$tmp/err" || fail "$name --strict: no summary line"
    grep -q 'problems in the input (--strict); no output written' "$tmp/err" || fail "$name --strict: message"
  fi
  ls -A "$tmp" | grep -q '^\.' && fail "$name: temporary file left: $(ls -A "$tmp")"
done <<'TABLE'
crlf.txt|0|0|-|same
cr.txt|0|0|-|same
bom.txt|0|0|-|same
nonl.txt|0|0|-|same
empty.txt|0|0|-|
utf16le.txt|0|0|-|same
utf16be.txt|0|0|-|same
utf16nobom.txt|0|0|-|
utf16bad.txt|0|1|utf16bad.txt:3: invalid UTF-16 at byte 80|same
badutf8.txt|0|1|badutf8.txt:1: invalid UTF-8 at byte 0$|
nul.txt|0|1|nul.txt:2: NUL byte dropped at byte 59|
binary.bin|0|1|binary.bin:[0-9]+: |
TABLE

# The empty file: a header and nothing else.
"$ZHSTATS" -o "$tmp/e.csv" "$tmp/empty.txt" && [ "$(wc -l <"$tmp/e.csv")" -eq 1 ] || fail "empty: not header only"
# Invalid UTF-8 does not lose the good rows around it (line numbers shift by the bad line).
"$ZHSTATS" -o "$tmp/b.csv" "$tmp/badutf8.txt" 2>/dev/null
rows "$tmp/b.csv" | grep -q '^total_population,607000,人,.*,F,3,' || fail "badutf8: row lost"
# UTF-16 without a byte order mark, told by its NUL bytes: the row is there.
"$ZHSTATS" -o "$tmp/u.csv" "$tmp/utf16nobom.txt"
rows "$tmp/u.csv" | grep -q '^total_population,607000,人,.*,F,3,' || fail "utf16 without BOM: row lost"

# A hostile rule: catastrophic backtracking hits PCRE2's match limit; the
# pattern is skipped for that sentence and reported, and the run goes on.
printf '[cat_metric]\nlabel=x\npattern=(a+)+$\nunit=人\n\n[pop]\nphrase=人口\nunit=人\n' >"$tmp/cat.rules"
printf '%s!华龙区总人口60.7万人。\n' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa >"$tmp/as.txt"
"$ZHSTATS" -r "$tmp/cat.rules" -o "$tmp/c.csv" "$tmp/as.txt" 2>"$tmp/err" || fail "catastrophic rule: exit $?"
grep -q 'cat.rules:1: pattern of \[cat_metric\] skipped for a sentence: match limit exceeded' "$tmp/err" || fail "catastrophic rule: $(cat "$tmp/err")"
grep -q '^pop,607000,' "$tmp/c.csv" || fail "catastrophic rule: other rule's row lost"
"$ZHSTATS" --strict -r "$tmp/cat.rules" -o "$tmp/c2.csv" "$tmp/as.txt" 2>/dev/null
[ $? -eq 1 ] && [ ! -e "$tmp/c2.csv" ] || fail "catastrophic rule --strict"
# A rules file that is not UTF-8: exit 2, named.
printf '[x]\nphrase=\377\376\nunit=人\n' >"$tmp/inv.rules"
"$ZHSTATS" -r "$tmp/inv.rules" "$tmp/ok.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'inv.rules: not valid UTF-8' "$tmp/err" || fail "invalid rules file"
exit 0
