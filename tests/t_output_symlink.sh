# An output path that is a symbolic link is written through the link, never
# replaced by a regular file: renaming over /dev/stdout (a link to
# /proc/self/fd/1) once turned it into a plain file for the whole machine.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
echo old >"$tmp/target.csv"
ln -s target.csv "$tmp/link.csv"
"$ZHSTATS" -o "$tmp/link.csv" corpus/ || fail "run through a link"
[ -L "$tmp/link.csv" ] || fail "the link was replaced by a file"
head -c 6 "$tmp/target.csv" | grep -q '^metric' || fail "the target was not written"
exit 0
