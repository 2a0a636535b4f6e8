# Inputs run in path order (strcmp of the whole path) across all the
# arguments, as if every file were listed and sorted first, though zhstats
# walks the directories lazily (pipeline/walk.c): names that sort around
# "/" (a-1, a.txt, a/), hidden entries, nested directories, links, an argument
# inside another (its files run twice), with -j 1 and -j 3. An unreadable
# subdirectory fails the run (exit 1, named).
set -u
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
t="$tmp/t"
mkdir -p "$t/a/b" "$t/a.d" "$t/z" "$t/.hid" "$t/m/n/o"
for f in a-1.txt a.txt a/x.txt a/b/y.txt a/b.txt a.d/q.txt z/0.txt m/n/o/deep.txt m/n.txt \
         m/n/o.txt .hid/h.txt .dot.txt 'sp ace.txt' 'é.txt' B.txt; do
  printf '本报讯 全市新增就业岗位%s个。\n' "${#f}" >"$t/$f"
done
# Links are followed (to a file, to a directory); a dangling link and a fifo
# are neither a file nor a directory, and are left out (walk.c reads the
# type readdir() gives, and stat()s only links and unknown types).
ln -s ../a.txt "$t/z/link.txt"
ln -s ../a/b "$t/z/linkdir"
ln -s nowhere.txt "$t/z/dangling.txt"
mkfifo "$t/z/fifo.txt"
order() { "$ZHSTATS" --stage segment "$@" 2>/dev/null | sed -n 's/^=== \(.*\) article 1 (lines.*/\1/p'; }
expected() { # ARGS: every regular file below them, no dot names, sorted bytewise
  python3 - "$@" <<'PY'
import os, sys
out = []
for a in sys.argv[1:]:
    if os.path.isdir(a):
        def walk(d):
            for n in os.listdir(d):
                if n.startswith("."):
                    continue
                p = os.path.join(d, n)
                if os.path.isdir(p):
                    walk(p)
                elif os.path.isfile(p):
                    out.append(p)
        walk(a)
    else:
        out.append(a)
for p in sorted(out, key=lambda s: s.encode()):
    print(p)
PY
}
for args in "$t" "$t/" "$t/z $t $t/a" "$t/m $t/a.txt $t/a"; do
  # shellcheck disable=SC2086
  want=$(expected $args)
  [ "$(wc -l <<<"$want")" -ge 3 ] || fail "too few files for '$args'"
  for j in 1 3; do
    # shellcheck disable=SC2086
    got=$(order -j $j $args)
    [ "$got" = "$want" ] || fail "-j $j $args: order differs:
$(diff <(echo "$want") <(echo "$got"))"
  done
done
# An unreadable subdirectory: exit 1, named (root can read anything: skip).
if [ "$(id -u)" != 0 ]; then
  chmod 000 "$t/m/n"
  "$ZHSTATS" -o "$tmp/out.csv" "$t" 2>"$tmp/err"
  [ $? -eq 1 ] || fail "unreadable subdirectory: exit code"
  grep -q "m/n" "$tmp/err" || fail "unreadable subdirectory: $(cat "$tmp/err")"
fi
exit 0
